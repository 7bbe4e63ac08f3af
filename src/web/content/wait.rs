//! Waiting for the page: by observing the DOM, never by fixed sleeps, with a time-out so a
//! page that never changes can't hang the backup.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MutationObserver, MutationObserverInit, Node};

use crate::web::error::WebError;

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = gloo_timers::callback::Timeout::new(ms, move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .forget();
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until `done()` is true, re-checking whenever `root`'s subtree changes, for at most
/// `timeout_ms`. Returns whether `done()` became true.
pub async fn until(
    root: &Node,
    timeout_ms: u32,
    done: impl Fn() -> bool + 'static,
) -> Result<bool, WebError> {
    if done() {
        return Ok(true);
    }
    let done = Rc::new(done);
    let settled: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
    let promise = Promise::new(&mut |resolve, _| {
        *settled.borrow_mut() = Some(resolve);
    });
    let on_change = {
        let done = done.clone();
        let settled = settled.clone();
        Closure::<dyn FnMut(Array, MutationObserver)>::new(move |_: Array, _: MutationObserver| {
            if done() {
                if let Some(resolve) = settled.borrow_mut().take() {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
                }
            }
        })
    };
    let observer = MutationObserver::new(on_change.as_ref().unchecked_ref())?;
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    observer.observe_with_options(root, &options)?;
    let timer = {
        let settled = settled.clone();
        gloo_timers::callback::Timeout::new(timeout_ms, move || {
            if let Some(resolve) = settled.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::FALSE);
            }
        })
    };
    let result = JsFuture::from(promise).await?;
    observer.disconnect();
    drop(timer);
    drop(on_change);
    Ok(result.as_bool().unwrap_or(false) || done())
}
