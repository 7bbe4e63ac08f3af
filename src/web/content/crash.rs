//! When the assistant itself fails after it started (a panic, or a session that could not
//! start), the page must keep working and the user must be told, never left with a frozen or
//! half-drawn panel. The panel is removed and `extension/loader.js` shows its plain notice,
//! which needs no WASM: after a panic, this module's instance can't be trusted to draw.

use wasm_bindgen::prelude::*;

use super::overlay::remove_mounted;

#[wasm_bindgen]
extern "C" {
    /// `exitAssistantFailed` in `extension/loader.js`: the notice, the popup's "failed"
    /// answer and the toolbar mark. Missing outside the content script (tests), hence `catch`.
    #[wasm_bindgen(js_name = exitAssistantFailed, catch)]
    fn show_failure_notice(detail: &str) -> Result<(), JsValue>;
}

/// Reports every later panic through [`report`]. Called once, first thing.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| report(&info.to_string())));
}

/// Takes the assistant off the page and shows the notice instead. Never panics itself: it
/// runs inside the panic hook.
pub fn report(detail: &str) {
    web_sys::console::error_1(&format!("[Exit Assistant] stopped: {detail}").into());
    // By the overlay's own reference: an element of the page's with our id stays.
    remove_mounted();
    let _ = show_failure_notice(detail);
}
