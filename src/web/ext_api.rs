//! Every `chrome.*` call the extension makes, in one place, typed at the edge.
//!
//! The callback forms are used because both Chrome and Firefox support them on the `chrome`
//! namespace; each is wrapped in a `Promise` so callers can `await`. `chrome.runtime.lastError`
//! is checked inside each callback, as the API requires.

use js_sys::{Function, Object, Promise, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::WebError;

#[wasm_bindgen]
extern "C" {
    /// <https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage)]
    fn i18n_get_message(key: &str, substitutions: &JsValue) -> String;

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-get>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get)]
    fn storage_local_get(keys: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-set>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set)]
    fn storage_local_set(items: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-remove>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove)]
    fn storage_local_remove(keys: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#method-getURL>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;

    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#event-onMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = addListener)]
    fn on_message_add_listener(listener: &Function);

    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = removeListener)]
    fn on_message_remove_listener(listener: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#event-onChanged>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener)]
    fn storage_on_changed_add_listener(listener: &Function);

    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = removeListener)]
    fn storage_on_changed_remove_listener(listener: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#method-sendMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send_message_raw(message: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getUILanguage>
    #[wasm_bindgen(catch, js_namespace = ["chrome", "i18n"], js_name = getUILanguage)]
    fn i18n_get_ui_language() -> Result<String, JsValue>;

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-query>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = query)]
    fn tabs_query_raw(query: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-get>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = get)]
    fn tabs_get_raw(tab_id: i32, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-sendMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage)]
    fn tabs_send_message_raw(tab_id: i32, message: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/tabs#method-create>
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = create)]
    fn tabs_create_raw(properties: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/downloads#method-download>
    #[cfg(feature = "pages")]
    #[wasm_bindgen(js_namespace = ["chrome", "downloads"], js_name = download)]
    fn downloads_download_raw(options: &JsValue, callback: &Function);
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

/// `chrome.runtime.lastError`, if set.
fn last_error() -> Option<WebError> {
    let chrome = Reflect::get(&js_sys::global(), &"chrome".into()).ok()?;
    let runtime = Reflect::get(&chrome, &"runtime".into()).ok()?;
    let error = Reflect::get(&runtime, &"lastError".into()).ok()?;
    if error.is_undefined() || error.is_null() {
        return None;
    }
    let message = Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string());
    Some(WebError::new(
        message.unwrap_or_else(|| "unknown extension error".into()),
    ))
}

/// Calls a callback-style API and waits for its callback, failing on `lastError`.
async fn call(start: impl FnOnce(&Function)) -> Result<JsValue, WebError> {
    let mut start = Some(start);
    let promise = Promise::new(&mut |resolve, reject| {
        let callback = Closure::once_into_js(move |value: JsValue| match last_error() {
            Some(error) => reject.call1(&JsValue::NULL, &error.message.into()),
            None => resolve.call1(&JsValue::NULL, &value),
        });
        if let Some(start) = start.take() {
            start(callback.unchecked_ref());
        }
    });
    Ok(JsFuture::from(promise).await?)
}

/// Reads one key of `chrome.storage.local`; `None` when it was never written.
pub async fn storage_get<T: DeserializeOwned>(key: &str) -> Result<Option<T>, WebError> {
    let items = call(|cb| storage_local_get(&key.into(), cb)).await?;
    let value = Reflect::get(&items, &key.into())?;
    if value.is_undefined() {
        return Ok(None);
    }
    Ok(Some(serde_wasm_bindgen::from_value(value)?))
}

/// Writes one key of `chrome.storage.local`.
pub async fn storage_set<T: Serialize>(key: &str, value: &T) -> Result<(), WebError> {
    let items = Object::new();
    Reflect::set(&items, &key.into(), &to_js(value)?)?;
    call(|cb| storage_local_set(&items, cb)).await.map(drop)
}

/// Reads several keys of `chrome.storage.local` at once (`keys`: an array, or null for all),
/// as the raw object the API gives.
pub async fn storage_get_raw(keys: &JsValue) -> Result<JsValue, WebError> {
    call(|cb| storage_local_get(keys, cb)).await
}

/// Writes several keys of `chrome.storage.local` in one call, so other tabs hear of them in
/// one `storage.onChanged` event.
pub async fn storage_set_raw(items: &Object) -> Result<(), WebError> {
    call(|cb| storage_local_set(items, cb)).await.map(drop)
}

/// Deletes several keys of `chrome.storage.local` in one call.
pub async fn storage_remove_all(keys: &[String]) -> Result<(), WebError> {
    let array: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    call(|cb| storage_local_remove(&array, cb)).await.map(drop)
}

// Only the extension's pages and the background list keys: an AliExpress page reads its own
// site's items by their names, so the content script can't even call this (`pages` only).
#[cfg(feature = "pages")]
/// The keys of `chrome.storage.local`. Where the browser has `getKeys` (Chrome 130, Firefox
/// 143) the values are not read; elsewhere every item is, as `get(null)` is the only way.
pub async fn storage_keys() -> Result<Vec<String>, WebError> {
    let keys = match storage_area_get_keys() {
        Some(promise) => JsFuture::from(promise).await?,
        None => {
            let items = storage_get_raw(&JsValue::NULL).await?;
            Object::keys(items.unchecked_ref::<Object>()).into()
        }
    };
    Ok(js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_string())
        .collect())
}

#[cfg(feature = "pages")]
/// `chrome.storage.local.getKeys()`, if the browser has it (looked up, not imported: an
/// import of a missing function would fail where it is called).
fn storage_area_get_keys() -> Option<Promise> {
    let mut area: JsValue = js_sys::global().into();
    for name in ["chrome", "storage", "local"] {
        area = Reflect::get(&area, &name.into()).ok()?;
    }
    let get_keys = Reflect::get(&area, &"getKeys".into()).ok()?;
    get_keys
        .dyn_ref::<Function>()?
        .call0(&area)
        .ok()?
        .dyn_into::<Promise>()
        .ok()
}

/// The items of `items` (as `storage_get_raw` gives them) whose key starts with `prefix`.
pub fn storage_with_prefix_in(
    items: &JsValue,
    prefix: &str,
) -> Result<Vec<(String, JsValue)>, WebError> {
    let keys = Object::keys(items.unchecked_ref::<Object>());
    let mut out = Vec::new();
    for key in keys
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(prefix))
    {
        out.push((key.clone(), Reflect::get(items, &key.into())?));
    }
    Ok(out)
}

/// The URL of one of the extension's own pages.
pub fn extension_url(path: &str) -> String {
    runtime_get_url(path)
}

/// Serializes for the extension APIs: maps become plain objects, which is what they expect.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, WebError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    Ok(value.serialize(&serializer)?)
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

/// A `chrome.runtime.onMessage` listener, removed when dropped.
pub struct MessageListener {
    closure: Closure<dyn FnMut(JsValue, JsValue, Function)>,
}

impl MessageListener {
    /// Listens for messages; `handle` gets the message and returns the reply, if any. Replies
    /// are sent synchronously, so the listener never keeps the channel open.
    pub fn new(mut handle: impl FnMut(JsValue) -> Option<JsValue> + 'static) -> Self {
        let closure = Closure::<dyn FnMut(JsValue, JsValue, Function)>::new(
            move |message: JsValue, _sender: JsValue, send_response: Function| {
                if let Some(reply) = handle(message) {
                    let _ = send_response.call1(&JsValue::NULL, &reply);
                }
            },
        );
        on_message_add_listener(closure.as_ref().unchecked_ref());
        MessageListener { closure }
    }
}

impl Drop for MessageListener {
    fn drop(&mut self) {
        on_message_remove_listener(self.closure.as_ref().unchecked_ref());
    }
}

/// The browser's UI language (`de`, `pt-BR`), for `lang` attributes; the page's navigator
/// language outside an extension (tests).
pub fn ui_language() -> String {
    i18n_get_ui_language()
        .ok()
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .unwrap_or_else(|| "en".into())
}

/// Sends a message to the background script and returns its reply; a reply of the form
/// `{error}` is an error.
pub async fn ask_background<Q: Serialize, R: DeserializeOwned>(message: &Q) -> Result<R, WebError> {
    let message = to_js(message)?;
    let reply = call(|cb| runtime_send_message_raw(&message, cb)).await?;
    if let Some(error) = Reflect::get(&reply, &"error".into())
        .ok()
        .and_then(|e| e.as_string())
    {
        return Err(WebError::new(&error));
    }
    Ok(serde_wasm_bindgen::from_value(reply)?)
}

/// Sends a message to the background script and waits for it to be handled.
pub async fn send_to_background<Q: Serialize>(message: &Q) -> Result<(), WebError> {
    let message = to_js(message)?;
    call(|cb| runtime_send_message_raw(&message, cb))
        .await
        .map(drop)
}

/// A `chrome.storage.onChanged` listener for `local`, removed when dropped. It gets the keys
/// that changed: another tab's writes arrive here too.
pub struct StorageListener {
    closure: Closure<dyn FnMut(JsValue, JsValue)>,
}

impl StorageListener {
    /// Listens for changes to `chrome.storage.local`.
    pub fn new(mut handle: impl FnMut(Vec<String>) + 'static) -> Self {
        let closure =
            Closure::<dyn FnMut(JsValue, JsValue)>::new(move |changes: JsValue, area: JsValue| {
                if area.as_string().as_deref() != Some("local") || !changes.is_object() {
                    return;
                }
                let keys = Object::keys(changes.unchecked_ref::<Object>())
                    .iter()
                    .filter_map(|k| k.as_string())
                    .collect();
                handle(keys);
            });
        storage_on_changed_add_listener(closure.as_ref().unchecked_ref());
        StorageListener { closure }
    }
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        storage_on_changed_remove_listener(self.closure.as_ref().unchecked_ref());
    }
}
