//! Errors at the boundary with JavaScript, converted once.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

/// A failure reported by the browser or an extension API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError {
    /// What failed, for logs and for the user.
    pub message: String,
}

impl WebError {
    /// An error with a message of our own.
    pub fn new(message: impl Into<String>) -> Self {
        WebError {
            message: message.into(),
        }
    }
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<JsValue> for WebError {
    fn from(value: JsValue) -> Self {
        // Joined by hand rather than with `format!`: the launcher's small WASM uses this too.
        let message = match value.dyn_ref::<js_sys::Error>() {
            Some(error) => {
                let mut message = String::from(error.name());
                message.push_str(": ");
                message.push_str(&String::from(error.message()));
                message
            }
            None => value
                .as_string()
                .or_else(|| js_sys::JSON::stringify(&value).ok()?.as_string())
                .unwrap_or_else(|| "an unknown error".into()),
        };
        WebError { message }
    }
}

/// Logs a failure the user can't act on (the panel shows what they can); never panics.
pub fn log_failure(result: Result<(), WebError>) {
    if let Err(error) = result {
        web_sys::console::error_1(&format!("[Exit Assistant] {error}").into());
    }
}

impl From<serde_wasm_bindgen::Error> for WebError {
    fn from(error: serde_wasm_bindgen::Error) -> Self {
        WebError::new(error.to_string())
    }
}
