//! The backup's decisions while it reads the order list. Pure: the browser layer observes the
//! page, asks [`Collector::next`] what to do, does it with the page's own controls, and waits
//! for the page to change. Timing (human pace, time-outs) is the browser layer's job.

mod collector;
mod find;
mod observe;

pub use collector::{Collector, Next, MAX_EMPTY_PRESSES};
pub use find::Find;
pub use observe::{
    controls, deleted_tab_control, observe, view_more_control, DeletedTab, ListObservation,
    MoreButton, Phase, StatedCounts, StatusTab, TimeFilter,
};
