//! The run's pace and patience: how far apart presses are, how long each wait may take,
//! and the clocks it reads.

/// AliExpress shows a slider captcha to fast clients: at least this long between presses.
pub(crate) const MIN_PACE_MS: f64 = 1_500.0;
/// Plus up to this much random jitter, so the rhythm is not mechanical.
pub(crate) const PACE_JITTER_MS: f64 = 700.0;
/// Cards read in one task: a step that found more reads them over several tasks, so that no
/// task holds the page's thread for long. The step finds the cards once (a `ListSnapshot`):
/// on a 10,000-card list that search is 5–7 ms, and reading 10 cards then takes a task of
/// about 2 ms in Chromium and 5 ms in Firefox (median).
pub(super) const CARDS_PER_TASK: usize = 10;
/// How long one press, or one re-render, may take before it counts as no change.
pub(crate) const STEP_TIMEOUT_MS: u32 = 20_000;
/// How long a detail frame may take to hand its reading back: longer than the frame's own
/// wait for the page's items (`web::detail_frame`), plus loading.
pub(super) const DETAIL_TIMEOUT_MS: u32 = 25_000;
/// How often the list's page looks for the frame's reading.
pub(super) const DETAIL_POLL_MS: u32 = 250;
/// How long a list may show no order and no "View orders" before the backup says it can't
/// read the page.
pub(super) const UNREADABLE_AFTER_MS: f64 = 8_000.0;
/// Waits in a row without any change before the backup says the page stopped responding.
pub(super) const MAX_IDLE_WAITS: u32 = 3;
/// How long the user has to solve a captcha before the backup pauses for good.
pub(super) const CAPTCHA_TIMEOUT_MS: u32 = 15 * 60_000;

/// The time now, as the backup records it.
pub(crate) fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Milliseconds on the page's monotonic clock.
pub(super) fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
