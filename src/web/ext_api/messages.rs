//! `chrome.runtime` messages: the content script's listener, and messages to the background.

use js_sys::{Function, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::error::WebError;

use super::callback::{call, to_js};

#[wasm_bindgen]
extern "C" {
    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#event-onMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = addListener)]
    pub(super) fn on_message_add_listener(listener: &Function);

    #[wasm_bindgen(js_namespace = ["chrome", "runtime", "onMessage"], js_name = removeListener)]
    pub(super) fn on_message_remove_listener(listener: &Function);

    /// <https://developer.chrome.com/docs/extensions/reference/api/runtime#method-sendMessage>
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    pub(super) fn runtime_send_message_raw(message: &JsValue, callback: &Function);
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
