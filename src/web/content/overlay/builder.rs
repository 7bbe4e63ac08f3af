//! How the panel's sections are built: buttons and links that act only on the person's own
//! input, with every listener kept by the overlay.

use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;

use crate::core::session::Action;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::person::on_person;
use crate::web::ui::child;

/// Receives the user's actions.
pub type Dispatch = Rc<dyn Fn(Action)>;

/// Builds the panel's sections: its buttons and links dispatch actions on the person's own
/// input, and each listener it adds is kept with the overlay.
pub struct PanelBuilder<'a> {
    /// Translations.
    pub t: &'a dyn Translate,
    /// Where actions go.
    pub dispatch: &'a Dispatch,
    /// The overlay's listeners, dropped with its next render.
    pub listeners: &'a mut Vec<EventListener>,
}

impl PanelBuilder<'_> {
    /// A button that dispatches `action`.
    pub fn button(
        &mut self,
        parent: &Element,
        label: &str,
        class: &str,
        action: Action,
    ) -> Result<Element, WebError> {
        let button = child(
            parent,
            "button",
            &[("type", "button"), ("class", class)],
            Some(label),
        )?;
        let dispatch = self.dispatch.clone();
        self.listeners
            .push(on_person(&button, "click", move |_| dispatch(action)));
        Ok(button.into())
    }

    pub(super) fn text(&self, text: Text, subs: &[&str]) -> String {
        self.t.text(text, subs)
    }
}
