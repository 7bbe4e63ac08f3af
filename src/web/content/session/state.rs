//! What one page's session holds: the core's decisions, and the browser things that carry
//! them out. Every other file of the session works on this; it uses none of them.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use web_sys::Document;

use crate::core::session::{Clock, Session};
use crate::web::content::overlay::{Dispatch, Overlay};
use crate::web::content::pointer::Pointer;
use crate::web::ext_api;

pub(super) struct State {
    /// What the core decided.
    pub session: Session,
    pub doc: Document,
    /// The address the page was last recognised at: single-page navigation changes it
    /// without a reload, and often without any event.
    pub url: String,
    /// Turns the panel's actions into effects (`actions::dispatcher`).
    pub dispatch: Dispatch,
    /// Tells this page's run, while one works, to stop.
    pub run_stop: Option<Rc<Cell<bool>>>,
    /// While another tab's run holds this site's backup: the timer that looks again when its
    /// lease would lapse (a tab that died stops renewing it).
    pub lease_timer: Option<Timeout>,
    /// How many lease checks this page started (`store::check_lease`): the latest one wins.
    pub lease_checks: u32,
    pub overlay: Option<Overlay>,
    /// The ring on the control to use next, on closing pages.
    pub pointer: Option<Pointer>,
    /// A pending re-check of the page after it changed.
    pub recheck: Option<Timeout>,
    /// On the address book or the feedback page: how many addresses or reviews the panel
    /// last said the page shows, and whether by structure. The page fills its list in after
    /// it loads.
    pub records_shown: Option<(usize, bool)>,
    /// Tells this page's reading of the reviews, while one works, to stop.
    pub reviews_stop: Option<Rc<Cell<bool>>>,
    /// While this page reads the reviews: the page it is on, and the reviews kept.
    pub reviews_reading: Option<(u32, usize)>,
}

pub(super) fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[Exit Assistant] {message}").into());
}

/// The time now, for the core.
pub(super) fn clock() -> Clock {
    Clock {
        now_ms: js_sys::Date::now(),
        today: today(),
    }
}

/// Today, `YYYY-MM-DD`.
pub(super) fn today() -> String {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    now.get(..10).unwrap_or_default().to_owned()
}

/// A time as the user reads dates.
pub(super) fn local_date(at_ms: f64) -> String {
    js_sys::Date::new(&at_ms.into())
        .to_locale_date_string(&ext_api::ui_language(), &JsValue::UNDEFINED)
        .into()
}
