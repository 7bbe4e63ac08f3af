//! The only functions JavaScript calls: one per extension context.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::dom::document;
use super::session::PageSession;

thread_local! {
    /// The page's session. Kept for the life of the page; replacing it drops the old one,
    /// which removes everything it created.
    static SESSION: RefCell<Option<PageSession>> = const { RefCell::new(None) };
}

/// Content-script entry point, called by `extension/loader.js` once the WASM is ready.
#[wasm_bindgen]
pub fn content_main() -> Result<(), JsValue> {
    let doc = document()?;
    spawn_local(async move {
        match PageSession::start(doc).await {
            Ok(session) => SESSION.with(|s| *s.borrow_mut() = Some(session)),
            Err(error) => web_sys::console::error_1(&format!("[Exit Assistant] {error}").into()),
        }
    });
    Ok(())
}

/// Toolbar-popup entry point, called by `extension/popup.js`.
#[wasm_bindgen]
pub async fn popup_main() -> Result<(), JsValue> {
    super::popup::run()
        .await
        .map_err(|e| JsValue::from_str(&e.message))
}

/// Saved-backups page entry point, called by `extension/backup.js`.
#[wasm_bindgen]
pub async fn backup_page_main() -> Result<(), JsValue> {
    super::backup_page::run()
        .await
        .map_err(|e| JsValue::from_str(&e.message))
}

/// Letter page entry point, called by `extension/letter.js`.
#[wasm_bindgen]
pub async fn letter_page_main() -> Result<(), JsValue> {
    super::letter_page::run()
        .await
        .map_err(|e| JsValue::from_str(&e.message))
}

impl From<super::error::WebError> for JsValue {
    fn from(error: super::error::WebError) -> JsValue {
        JsValue::from_str(&error.message)
    }
}
