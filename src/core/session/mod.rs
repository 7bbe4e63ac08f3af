//! One AliExpress page's assistant as decisions, with no browser in sight: what the page's
//! session holds, what each of the user's actions changes and asks the browser to do
//! (`action`), how a change to the shared closing progress is made (`progress_change`), and
//! how news from storage and the end of a run are taken in (`news`).
//!
//! `web::content::session` carries these out: it renders, places the ring, runs the backup
//! and reads and writes storage. Nothing it does decides.

mod action;
mod news;
mod progress_change;
mod state;

pub use action::{Action, Clock, Effect};
pub use news::{RunOutcome, StorageNews};
pub use progress_change::ProgressChange;
pub use state::Session;
