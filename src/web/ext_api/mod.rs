//! Every `chrome.*` call the extension makes, in one place, typed at the edge.
//!
//! The callback forms are used because both Chrome and Firefox support them on the `chrome`
//! namespace; each is wrapped in a `Promise` so callers can `await`. `chrome.runtime.lastError`
//! is checked inside each callback, as the API requires.

mod callback;
pub use callback::to_js;
mod messages;
mod storage;
mod tabs;

pub use messages::{ask_background, send_to_background, MessageListener};
#[cfg(feature = "pages")]
pub use storage::storage_keys;
pub use storage::{
    storage_get, storage_get_raw, storage_remove_all, storage_set, storage_set_raw,
    storage_with_prefix_in, StorageListener,
};
#[cfg(feature = "pages")]
pub use tabs::save_download;
pub use tabs::{active_tab, open_tab, send_to_tab, tab, Tab};

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// <https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    fn i18n_get_message(key: &str, substitutions: &JsValue) -> String;

    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#method-getURL>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;

    /// <https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getUILanguage>
    #[wasm_bindgen(catch, js_namespace = ["chrome", "i18n"], js_name = getUILanguage)]
    fn i18n_get_ui_language() -> Result<String, JsValue>;
}

/// Looks up a localised message. Missing keys come back as the key itself, so a gap shows
/// instead of an empty label.
pub fn message(key: &str, substitutions: &[&str]) -> String {
    let subs: js_sys::Array = substitutions.iter().map(|s| JsValue::from_str(s)).collect();
    let text = i18n_get_message(key, &subs);
    if text.is_empty() {
        key.to_owned()
    } else {
        text
    }
}

/// The URL of one of the extension's own pages.
pub fn extension_url(path: &str) -> String {
    runtime_get_url(path)
}

/// The browser's UI language (`de`, `pt-BR`), for `lang` attributes; the page's navigator
/// language outside an extension (tests).
pub fn ui_language() -> String {
    i18n_get_ui_language()
        .ok()
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .unwrap_or_else(|| "en".into())
}
