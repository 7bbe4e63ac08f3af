//! The page as the core reads it (`WebNode`, the core's `DomNode` over web-sys), and the
//! page's document and address.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::error::WebError;
use super::list_snapshot::matches_of;

/// The page's document.
pub fn document() -> Result<Document, WebError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError::new("no document"))
}

/// The document's address as it is now (single-page navigation changes it without a reload);
/// empty where it has none.
pub fn document_url(doc: &Document) -> String {
    doc.location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default()
}

/// Whether the page has an element matching `selector`. Invalid selectors count as absent,
/// so a bad rule can't break recognition.
pub fn page_shows(doc: &Document, selector: &str) -> bool {
    matches!(doc.query_selector(selector), Ok(Some(_)))
}

/// `text`, kept as a JavaScript string after its first crossing (wasm-bindgen's interning,
/// on in the content build), so the readers' selectors and attribute names aren't decoded
/// again at every card. Those come from the rule tables, a bounded set; an `#id` selector
/// is made from the page's own ids (the guide's `aria-labelledby` lookups) and is never kept.
pub(crate) fn cached(text: &str) -> &str {
    if text.starts_with('#') {
        text
    } else {
        wasm_bindgen::intern(text)
    }
}

/// A page element as the core's read-only [`crate::core::dom::DomNode`].
#[derive(Clone)]
pub struct WebNode(pub Element);

/// A selector as its compounds, each with the combinator before it (`' '` descendant, `'>'`
/// child): `a b > c` is `[(' ', "a"), (' ', "b"), ('>', "c")]`. `None` for anything else
/// (lists, sibling combinators, or no combinator at all), which the browser matches as is.
fn compounds(selector: &str) -> Option<Vec<(char, &str)>> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0u32, None::<char>, 0);
    let mut combinator = ' ';
    let mut pending = None;
    for (i, c) in selector.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            ',' | '+' | '~' if depth == 0 => return None,
            ' ' | '>' if depth == 0 => {
                if i > start {
                    parts.push((combinator, &selector[start..i]));
                    combinator = ' ';
                }
                if c == '>' {
                    pending = Some('>');
                }
                start = i + 1;
                continue;
            }
            _ => {}
        }
        if let Some(p) = pending.take() {
            combinator = p;
        }
    }
    if start < selector.len() {
        parts.push((combinator, &selector[start..]));
    }
    (parts.len() > 1 && !parts[0].1.starts_with(":scope")).then_some(parts)
}

impl WebNode {
    /// Matches `parts` below this element, in order: each compound alone, which is fast
    /// however big the page. Chromium answers `card.querySelector(".a .b")` by looking at
    /// every `.a` of the whole document, so on a 10,000-order list each such field of each
    /// card cost a quarter of a millisecond, and a step of "View orders" stalled the page.
    fn select_parts(&self, parts: &[(char, &str)], out: &mut Vec<WebNode>, first_only: bool) {
        let Some(((combinator, compound), rest)) = parts.split_first() else {
            return;
        };
        let candidates: Vec<Element> = if *combinator == '>' {
            let children = self.0.children();
            (0..children.length())
                .filter_map(|i| children.item(i))
                .filter(|c| c.matches(cached(compound)).unwrap_or(false))
                .collect()
        } else {
            match self.0.query_selector_all(cached(compound)) {
                Ok(list) => (0..list.length())
                    .filter_map(|i| list.item(i))
                    .map(|n| n.unchecked_into::<Element>())
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        for candidate in candidates {
            if rest.is_empty() {
                out.push(WebNode(candidate));
            } else {
                WebNode(candidate).select_parts(rest, out, first_only);
            }
            if first_only && !out.is_empty() {
                return;
            }
        }
    }
}

impl crate::core::dom::DomNode for WebNode {
    fn select_all(&self, selector: &str) -> Vec<Self> {
        if let Some(parts) = compounds(selector) {
            let mut out = Vec::new();
            self.select_parts(&parts, &mut out, false);
            return out;
        }
        let Ok(list) = self.0.query_selector_all(cached(selector)) else {
            return Vec::new();
        };
        // querySelectorAll returns only elements. The cast is unchecked on purpose: nodes of a
        // same-origin frame belong to the frame's realm, so an `instanceof Element` check
        // against this realm would reject every one of them.
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| WebNode(n.unchecked_into::<Element>()))
            .collect()
    }

    /// Wraps only the matches after `skip`: on a long order list, a backup step reads only
    /// the cards "View orders" added. While a [`ListSnapshot`] lives, the matches come from
    /// the list taken at the first call.
    fn select_after(&self, selector: &str, skip: usize, max: usize) -> (usize, Vec<Self>) {
        let Some(list) = matches_of(&self.0, selector) else {
            return (0, Vec::new());
        };
        let len = list.length();
        let skip = u32::try_from(skip).unwrap_or(u32::MAX);
        let skip = if skip > len { 0 } else { skip };
        let end = skip
            .saturating_add(u32::try_from(max).unwrap_or(u32::MAX))
            .min(len);
        let nodes = (skip..end)
            .filter_map(|i| list.item(i))
            .map(|n| WebNode(n.unchecked_into::<Element>()))
            .collect();
        (len as usize, nodes)
    }

    /// The first match only: `querySelector`, not a whole list (the parser asks this for every
    /// field of every card).
    fn select(&self, selector: &str) -> Option<Self> {
        if let Some(parts) = compounds(selector) {
            let mut out = Vec::new();
            self.select_parts(&parts, &mut out, true);
            return out.into_iter().next();
        }
        self.0
            .query_selector(cached(selector))
            .ok()
            .flatten()
            .map(WebNode)
    }

    fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.0.get_attribute(cached(name))
    }

    fn children(&self) -> Vec<Self> {
        let children = self.0.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(WebNode)
            .collect()
    }

    fn within(&self, selector: &str) -> bool {
        matches!(self.0.closest(cached(selector)), Ok(Some(_)))
    }

    /// Rendered: it has layout boxes (not `display: none`, not inside a hidden section).
    fn is_shown(&self) -> bool {
        self.0.get_client_rects().length() > 0
    }

    /// The live value, read as a property (the attribute keeps the initial one). Read through
    /// `Reflect` rather than a cast, which would fail for another realm's elements.
    fn value(&self) -> String {
        let is_checkbox = self.0.tag_name().eq_ignore_ascii_case("input")
            && self
                .0
                .get_attribute("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("checkbox"));
        if is_checkbox || self.0.get_attribute("role").as_deref() == Some("checkbox") {
            let checked = js_sys::Reflect::get(&self.0, &"checked".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
                || self.0.get_attribute("aria-checked").as_deref() == Some("true");
            return if checked {
                "checked".into()
            } else {
                String::new()
            };
        }
        js_sys::Reflect::get(&self.0, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .or_else(|| self.0.get_attribute("value"))
            .unwrap_or_default()
    }
}
