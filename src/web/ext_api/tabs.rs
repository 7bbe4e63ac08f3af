//! `chrome.tabs` and `chrome.downloads`: the popup's tab, messages to a tab, new tabs, and
//! files saved to the downloads.

use js_sys::{Function, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::web::error::WebError;

use super::callback::{call, to_js};

#[wasm_bindgen]
extern "C" {
    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-query>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query)]
    pub(super) fn tabs_query_raw(query: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-get>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = get)]
    pub(super) fn tabs_get_raw(tab_id: i32, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-sendMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage)]
    pub(super) fn tabs_send_message_raw(tab_id: i32, message: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-create>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = create)]
    pub(super) fn tabs_create_raw(properties: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/downloads#method-download>
    #[cfg(feature = "pages")]
    #[wasm_bindgen(js_namespace = ["chrome", "downloads"], js_name = download)]
    pub(super) fn downloads_download_raw(options: &JsValue, callback: &Function);

}

/// The tab fields the popup needs.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Tab {
    /// Tab id.
    pub id: Option<i32>,
    /// The tab's URL; present only for hosts the extension may access.
    pub url: Option<String>,
}

/// The active tab of the current window.
pub async fn active_tab() -> Result<Option<Tab>, WebError> {
    let query = Object::new();
    Reflect::set(&query, &"active".into(), &true.into())?;
    Reflect::set(&query, &"currentWindow".into(), &true.into())?;
    let tabs = call(|cb| tabs_query_raw(&query, cb)).await?;
    let tabs: Vec<Tab> = serde_wasm_bindgen::from_value(tabs)?;
    Ok(tabs.into_iter().next())
}

/// One tab by id.
pub async fn tab(tab_id: i32) -> Result<Tab, WebError> {
    let tab = call(|cb| tabs_get_raw(tab_id, cb)).await?;
    Ok(serde_wasm_bindgen::from_value(tab)?)
}

/// Sends a message to a tab's content script and returns its reply. Fails when no content
/// script listens there (not AliExpress, or the page predates the install).
pub async fn send_to_tab<Q: Serialize, R: DeserializeOwned>(
    tab_id: i32,
    message: &Q,
) -> Result<R, WebError> {
    let message = to_js(message)?;
    let reply = call(|cb| tabs_send_message_raw(tab_id, &message, cb)).await?;
    if reply.is_undefined() {
        return Err(WebError::new("no reply"));
    }
    Ok(serde_wasm_bindgen::from_value(reply)?)
}

/// Opens a URL in a new tab.
pub async fn open_tab(url: &str) -> Result<(), WebError> {
    let properties = Object::new();
    Reflect::set(&properties, &"url".into(), &url.into())?;
    call(|cb| tabs_create_raw(&properties, cb)).await.map(drop)
}

/// Saves `url` to the user's downloads folder as `file_name` (made unique if taken), the
/// browser's own way: its download bar shows it, and it asks where to save only if the user
/// told it to.
#[cfg(feature = "pages")]
pub async fn save_download(url: &str, file_name: &str) -> Result<(), WebError> {
    let options = Object::new();
    Reflect::set(&options, &"url".into(), &url.into())?;
    Reflect::set(&options, &"filename".into(), &file_name.into())?;
    Reflect::set(&options, &"conflictAction".into(), &"uniquify".into())?;
    call(|cb| downloads_download_raw(&options, cb))
        .await
        .map(drop)
}
