//! The only functions JavaScript calls: one per extension context.

#[cfg(feature = "content")]
use std::cell::RefCell;

use wasm_bindgen::prelude::*;
#[cfg(feature = "content")]
use wasm_bindgen_futures::spawn_local;

#[cfg(feature = "content")]
use super::content::session::PageSession;
#[cfg(feature = "content")]
use super::dom::document;

#[cfg(feature = "content")]
thread_local! {
    /// The page's session. Kept for the life of the page; replacing it drops the old one,
    /// which removes everything it created.
    static SESSION: RefCell<Option<PageSession>> = const { RefCell::new(None) };
}

/// Content-script entry point on every AliExpress page, called by `extension/loader.js`:
/// the small launcher WASM, which starts the whole assistant only where it is needed.
#[cfg(feature = "launcher")]
#[wasm_bindgen]
pub fn launcher_main() -> Result<(), JsValue> {
    Ok(super::launcher::run()?)
}

/// The whole assistant's entry point, called by `extension/loader.js` when the launcher hands
/// the page over, and in a backup's detail frame. `open` opens the panel: the person asked.
#[cfg(feature = "content")]
#[wasm_bindgen]
pub fn content_main(open: bool) -> Result<(), JsValue> {
    super::content::crash::install_panic_hook();
    let doc = document()?;
    // In a frame, the assistant only ever reads a backup's detail page (`loader.js` starts
    // it in no other frame): no panel there.
    if super::content::detail_frame::is_framed() {
        if let Some(order_id) = super::content::detail_frame::order_to_read() {
            spawn_local(async move {
                if let Err(error) =
                    super::content::detail_frame::read_and_hand_back(doc, order_id).await
                {
                    web_sys::console::warn_1(
                        &format!("[Exit Assistant] detail frame: {error}").into(),
                    );
                }
            });
        }
        return Ok(());
    }
    spawn_local(async move {
        match PageSession::start(doc).await {
            Ok(session) => {
                if open {
                    session.open();
                }
                SESSION.with(|s| *s.borrow_mut() = Some(session));
            }
            Err(error) => super::content::crash::report(&error.message),
        }
    });
    Ok(())
}

/// Toolbar-popup entry point, called by `extension/popup.js`.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn popup_main() -> Result<(), JsValue> {
    Ok(super::pages::popup::run().await?)
}

/// Saved-backups page entry point, called by `extension/backup.js`.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn backup_page_main() -> Result<(), JsValue> {
    Ok(super::pages::backup_page::run().await?)
}

/// Letter page entry point, called by `extension/letter.js`.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn letter_page_main() -> Result<(), JsValue> {
    Ok(super::pages::letter_page::run().await?)
}

/// Background entry point for [`crate::core::message::ToBackground::Export`], called by
/// `extension/background.js`: saves the file to the user's downloads and resolves to its
/// `SavedFile` name.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn export_saved(message: JsValue) -> Result<JsValue, JsValue> {
    use crate::core::message::ToBackground;
    let Ok(ToBackground::Export { site, kind }) = serde_wasm_bindgen::from_value(message) else {
        return Err(JsValue::from_str("not an export request"));
    };
    let file = super::pages::download::export_saved(&site, kind).await?;
    let saved = super::pages::download::save_file(file).await?;
    Ok(super::ext_api::to_js(&saved)?)
}

/// Background entry point for [`crate::core::message::ToBackground::PageReport`], called by
/// `extension/background.js`: saves the scrambled report to the user's downloads and resolves
/// to its `SavedFile` name.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn page_report(message: JsValue) -> Result<JsValue, JsValue> {
    use crate::core::message::ToBackground;
    let Ok(ToBackground::PageReport { url, found, pieces }) =
        serde_wasm_bindgen::from_value(message)
    else {
        return Err(JsValue::from_str("not a page report request"));
    };
    let file = super::pages::page_report::report_file(&url, *found, &pieces)?;
    let saved = super::pages::download::save_file(file).await?;
    Ok(super::ext_api::to_js(&saved)?)
}

/// Background entry point, called by `extension/background.js` when the extension is updated
/// and when the browser starts: merges the per-host backups of earlier versions into one per
/// site (`saved::merge_host_backups`). Resolves to how many it merged.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub async fn migrate_backups() -> Result<JsValue, JsValue> {
    let merged = super::saved::merge_host_backups().await?;
    Ok(JsValue::from(merged as u32))
}

/// For `./build.sh bench` only (never shipped): parses the order cards under `root` as the
/// backup does, and returns how many orders it read.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn bench_parse_list(root: web_sys::Element, url: &str) -> usize {
    crate::core::parse::parse_order_list(&super::dom::WebNode(root), url)
        .orders
        .len()
}

impl From<super::error::WebError> for JsValue {
    fn from(error: super::error::WebError) -> JsValue {
        JsValue::from_str(&error.message)
    }
}
