//! The ring that points at a control on the page, with its callout. Both are drawn in the
//! assistant's own layer (its shadow root): the page is never changed, and the ring takes no
//! clicks. The session moves it when the page scrolls, resizes or re-renders.

use gloo_events::{EventListener, EventListenerOptions};
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::web::error::WebError;
use crate::web::person::on_person_with_options;
use crate::web::ui::{child, text_child};

/// Space between the control and the ring, in CSS pixels.
const GAP: f64 = 6.0;

/// A ring around one control. Dropping it removes the ring, the callout and the listener.
pub struct Pointer {
    /// What it points at: a guide step's name, or a control the backup is about to use.
    pub id: &'static str,
    target: Element,
    ring: HtmlElement,
    callout: HtmlElement,
    _click: Option<EventListener>,
}

impl Pointer {
    /// Draws a ring around `target` in `layer`, scrolls it into view, and, for the last step,
    /// calls `on_user_click` when the user clicks the control (the assistant never does).
    pub fn new(
        layer: &Element,
        id: &'static str,
        target: Element,
        callout: &str,
        on_user_click: Option<Box<dyn Fn()>>,
    ) -> Result<Pointer, WebError> {
        let ring = child(layer, "div", &[("class", "ring"), ("data-step", id)], None)?;
        let callout = text_child(layer, "div", "callout", callout)?;
        let click = on_user_click.map(|f| {
            // Passive, and after the page's own handlers: it only notes that the click happened.
            on_person_with_options(
                &target,
                "click",
                EventListenerOptions {
                    phase: gloo_events::EventListenerPhase::Bubble,
                    passive: true,
                },
                move |_| f(),
            )
        });
        let pointer = Pointer {
            id,
            target,
            ring,
            callout,
            _click: click,
        };
        pointer.scroll_into_view();
        pointer.place();
        Ok(pointer)
    }

    /// The control it points at.
    pub fn target(&self) -> &Element {
        &self.target
    }

    /// Whether it points at `element` for `id`.
    pub fn points_at(&self, id: &str, element: &Element) -> bool {
        self.id == id && &self.target == element
    }

    fn scroll_into_view(&self) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_behavior(if prefers_reduced_motion() {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        self.target
            .scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Puts the ring around the control where it is now, and the callout beside it; hides
    /// both while the control has no box.
    pub fn place(&self) {
        let rect = self.target.get_bounding_client_rect();
        let shown = rect.width() > 0.0 || rect.height() > 0.0;
        for element in [&self.ring, &self.callout] {
            let _ = element
                .style()
                .set_property("display", if shown { "block" } else { "none" });
        }
        if !shown {
            return;
        }
        let ring = self.ring.style();
        let _ = ring.set_property("left", &px(rect.left() - GAP));
        let _ = ring.set_property("top", &px(rect.top() - GAP));
        let _ = ring.set_property("width", &px(rect.width() + 2.0 * GAP));
        let _ = ring.set_property("height", &px(rect.height() + 2.0 * GAP));
        // Below the control if there is room, else above it.
        let viewport = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let callout = self.callout.style();
        let _ = callout.set_property("left", &px(rect.left().max(8.0)));
        if rect.bottom() + 90.0 < viewport {
            let _ = callout.set_property("top", &px(rect.bottom() + 2.0 * GAP));
            let _ = callout.remove_property("bottom");
        } else {
            let _ = callout.set_property("bottom", &px(viewport - rect.top() + 2.0 * GAP));
            let _ = callout.remove_property("top");
        }
    }
}

impl Drop for Pointer {
    fn drop(&mut self) {
        self.ring.remove();
        self.callout.remove();
    }
}

/// Whole CSS pixels. Formatting an integer keeps float formatting out of the WASM (about
/// 15 KB).
fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

/// The user asked for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
