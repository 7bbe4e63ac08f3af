//! Listeners that hear only the person. A page's script can dispatch any event on anything it
//! can reach, and call `.click()`; it can't make a trusted one (`Event.isTrusted`), which only
//! the browser makes, from real input. Every control of the assistant listens through here, so
//! no script can start a backup, mark money as gone, record a request or start a download.

use gloo_events::{EventListener, EventListenerOptions};
use web_sys::{Event, EventTarget};

/// Calls `handler` for `event` on `target` when the person made it.
pub fn on_person(
    target: &EventTarget,
    event: &'static str,
    handler: impl FnMut(&Event) + 'static,
) -> EventListener {
    on_person_with_options(target, event, EventListenerOptions::default(), handler)
}

/// [`on_person`], with the listener's phase and passivity.
pub fn on_person_with_options(
    target: &EventTarget,
    event: &'static str,
    options: EventListenerOptions,
    mut handler: impl FnMut(&Event) + 'static,
) -> EventListener {
    EventListener::new_with_options(target, event, options, move |e| {
        if e.is_trusted() {
            handler(e);
        }
    })
}
