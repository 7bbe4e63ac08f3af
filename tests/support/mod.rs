//! Native test support: the core's DomNode over `scraper`, so fixture pages run through the
//! same parser natively as in the browser.

use exit_assistant::core::dom::DomNode;
use scraper::{ElementRef, Selector};

/// A scraper element as a DomNode.
#[derive(Clone, Copy)]
pub struct Node<'a>(pub ElementRef<'a>);

impl DomNode for Node<'_> {
    fn select_all(&self, selector: &str) -> Vec<Self> {
        match Selector::parse(selector) {
            Ok(selector) => self.0.select(&selector).map(Node).collect(),
            Err(_) => Vec::new(),
        }
    }

    fn text(&self) -> String {
        self.0.text().collect()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.0.value().attr(name).map(str::to_owned)
    }

    fn children(&self) -> Vec<Self> {
        self.0
            .children()
            .filter_map(ElementRef::wrap)
            .map(Node)
            .collect()
    }

    fn within(&self, selector: &str) -> bool {
        let Ok(selector) = Selector::parse(selector) else {
            return false;
        };
        std::iter::successors(Some(self.0), |e| e.parent().and_then(ElementRef::wrap))
            .any(|e| selector.matches(&e))
    }

    /// A form control's value as the static page sets it: a ticked box is `"checked"`, a
    /// drop-down is its selected (else first) option's value.
    fn value(&self) -> String {
        let element = self.0.value();
        match (element.name(), element.attr("type")) {
            ("input", Some("checkbox")) => {
                if element.attr("checked").is_some() {
                    "checked".into()
                } else {
                    String::new()
                }
            }
            ("select", _) => self
                .select("option[selected]")
                .or_else(|| self.select("option"))
                .map(|o| o.attr("value").unwrap_or_else(|| o.text()))
                .unwrap_or_default(),
            _ => element.attr("value").unwrap_or_default().to_owned(),
        }
    }
}

/// The fixture histories (`tests/fixtures/histories/index.json`): each one's name and list URL.
#[allow(dead_code)] // not every test binary reads the histories
pub fn histories() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/histories");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/index.json")).unwrap())
            .unwrap();
    index
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["name"].as_str().unwrap().to_owned(),
                h["url"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
