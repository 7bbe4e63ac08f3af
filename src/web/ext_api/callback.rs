//! Callback-style extension APIs as futures: each call waits for its callback, and fails on
//! `chrome.runtime.lastError`, checked inside the callback as the API requires. And values
//! made into what the APIs take.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use serde::Serialize;

use crate::web::error::WebError;

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
pub(super) async fn call(start: impl FnOnce(&Function)) -> Result<JsValue, WebError> {
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

/// Serializes for the extension APIs: maps become plain objects, which is what they expect.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, WebError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    Ok(value.serialize(&serializer)?)
}
