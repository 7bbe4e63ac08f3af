//! What a re-render keeps.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::web::ui::find;

/// What a re-render must keep: which collapsible sections are open, and which control has
/// keyboard focus (found again by its class and label).
pub(super) struct KeptState {
    open: Vec<String>,
    focus: Option<FocusedControl>,
}

/// The control that had focus, by what a re-render draws again the same: its class and its
/// label.
struct FocusedControl {
    class: String,
    label: String,
}

impl KeptState {
    pub(super) fn of(layer: &Element) -> KeptState {
        let open = layer
            .query_selector_all("details[open][data-id]")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|n| n.dyn_into::<Element>().ok())
                    .filter_map(|e| e.get_attribute("data-id"))
                    .collect()
            })
            .unwrap_or_default();
        let focus = layer
            .get_root_node()
            .dyn_into::<ShadowRoot>()
            .ok()
            .and_then(|root| root.active_element())
            .filter(|e| e.tag_name() == "BUTTON" || e.tag_name() == "INPUT")
            .map(|e| FocusedControl {
                class: e.get_attribute("class").unwrap_or_default(),
                label: e.text_content().unwrap_or_default(),
            });
        KeptState { open, focus }
    }

    pub(super) fn restore(&self, layer: &Element) {
        for id in &self.open {
            if let Some(details) = find(layer, &format!("details[data-id=\"{id}\"]")) {
                let _ = details.set_attribute("open", "");
            }
        }
        let Some(FocusedControl { class, label }) = &self.focus else {
            return;
        };
        let Ok(list) = layer.query_selector_all("button, input") else {
            return;
        };
        let target = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|e| {
                e.get_attribute("class").unwrap_or_default() == *class
                    && e.text_content().unwrap_or_default() == *label
            });
        if let Some(target) = target {
            let _ = target.focus();
        }
    }
}
