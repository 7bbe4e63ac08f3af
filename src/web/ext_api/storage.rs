//! `chrome.storage.local`: reads, writes, deletes, its keys, and its change events.

use js_sys::{Function, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::error::WebError;

use super::callback::{call, to_js};

#[wasm_bindgen]
extern "C" {
    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-get>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get)]
    pub(super) fn storage_local_get(keys: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-set>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set)]
    pub(super) fn storage_local_set(items: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-remove>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove)]
    pub(super) fn storage_local_remove(keys: &JsValue, callback: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/storage#event-onChanged>
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener)]
    pub(super) fn storage_on_changed_add_listener(listener: &Function);

    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = removeListener)]
    pub(super) fn storage_on_changed_remove_listener(listener: &Function);
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
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await?,
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
fn storage_area_get_keys() -> Option<js_sys::Promise> {
    let mut area: JsValue = js_sys::global().into();
    for name in ["chrome", "storage", "local"] {
        area = Reflect::get(&area, &name.into()).ok()?;
    }
    let get_keys = Reflect::get(&area, &"getKeys".into()).ok()?;
    get_keys
        .dyn_ref::<Function>()?
        .call0(&area)
        .ok()?
        .dyn_into::<js_sys::Promise>()
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
