//! Watching the page for what the guide needs: changes to its content (a re-render, the next
//! stage of a form, the user typing), and movement (scrolling, resizing). Everything is
//! released when the watch is dropped.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, MutationObserver, MutationObserverInit};

use crate::web::error::WebError;

/// Observers and listeners on one page.
pub struct PageWatch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut()>,
    _listeners: Vec<EventListener>,
}

impl PageWatch {
    /// Calls `changed` after the page's content changes or the user types, and `moved` when
    /// it scrolls or resizes. Both are called often: they should be cheap.
    pub fn new(
        doc: &Document,
        changed: impl Fn() + 'static,
        moved: impl Fn() + 'static,
    ) -> Result<PageWatch, WebError> {
        let changed = std::rc::Rc::new(changed);
        let on_mutation = {
            let changed = changed.clone();
            Closure::<dyn FnMut()>::new(move || changed())
        };
        let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_character_data(true);
        if let Some(root) = doc.document_element() {
            observer.observe_with_options(&root, &options)?;
        }
        let window = web_sys::window().ok_or_else(|| WebError::new("no window"))?;
        let passive_capture = EventListenerOptions {
            phase: gloo_events::EventListenerPhase::Capture,
            passive: true,
        };
        let moved = std::rc::Rc::new(moved);
        let mut listeners = Vec::new();
        for event in ["scroll", "resize"] {
            let moved = moved.clone();
            listeners.push(EventListener::new_with_options(
                &window,
                event,
                passive_capture,
                move |_| moved(),
            ));
        }
        // Typing changes no markup, but it completes a step ("agree", the code).
        for event in ["input", "change"] {
            let changed = changed.clone();
            listeners.push(EventListener::new_with_options(
                doc,
                event,
                passive_capture,
                move |_| changed(),
            ));
        }
        Ok(PageWatch {
            observer,
            _callback: on_mutation,
            _listeners: listeners,
        })
    }
}

impl Drop for PageWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
