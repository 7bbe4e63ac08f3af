//! Where a run looks for the order list's own controls: the page without its cards.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::collect::{controls, Find};
use crate::web::dom::{cached, WebNode};

/// The order list's page without the run of cards in the middle of the cards' container:
/// the places "View orders", the tabs, the time filter and a captcha can be, as whole
/// subtrees in document order. A search that finds nothing walks every element it is given,
/// and a 10,000-order list has over half a million elements, nearly all in its cards: there
/// the captcha's two class selectors took 19 ms in Chromium, the tabs 8 ms, and looking for
/// "View orders" by its name, once it is gone, 41 ms (`docs/benchmarks.md`). Outside the
/// cards, each takes well under a millisecond.
///
/// The real list keeps its controls outside the cards (`docs/site-facts.md`, "Markup"). Only
/// the cards are left out: the container's children before its first card and after its last
/// are kept (a layout may put its pager there). The scope is taken anew at each
/// observation, from the list as it is then; where no card is found it is the whole page.
pub struct ListScope {
    parts: Vec<Element>,
}

impl ListScope {
    /// The page under `root`, without its cards.
    pub fn around_cards(root: &Element) -> ListScope {
        let whole = || ListScope {
            parts: vec![root.clone()],
        };
        let Some(card) = controls::first_card(&WebNode(root.clone())).map(|c| c.0) else {
            return whole();
        };
        let Some(container) = card.parent_element() else {
            return whole();
        };
        // The elements from `root` down to the cards' container.
        let mut path = vec![container.clone()];
        while path.last() != Some(root) {
            match path.last().and_then(|e| e.parent_element()) {
                Some(parent) => path.push(parent),
                None => return whole(),
            }
        }
        path.reverse();
        let mut before = Vec::new();
        let mut after = Vec::new();
        for pair in path.windows(2) {
            let (parent, on_path) = (&pair[0], &pair[1]);
            let (b, a) = split_children(parent, |c| c == on_path);
            before.extend(b);
            after.push(a);
        }
        // The container's own children around the cards: each card is of the first's kind.
        let (b, a) = split_children(&container, |c| same_kind(c, &card));
        before.extend(b);
        after.push(a);
        before.extend(after.into_iter().rev().flatten());
        ListScope { parts: before }
    }
}

/// `parent`'s children before the first that `skip` picks, and after the last it picks.
/// `skip` picks at least one child (the path's next element, or the first card).
fn split_children(
    parent: &Element,
    skip: impl Fn(&Element) -> bool,
) -> (Vec<Element>, Vec<Element>) {
    let mut before = Vec::new();
    let mut child = parent.first_element_child();
    while let Some(c) = child.filter(|c| !skip(c)) {
        child = c.next_element_sibling();
        before.push(c);
    }
    let mut after = Vec::new();
    let mut child = parent.last_element_child();
    while let Some(c) = child.filter(|c| !skip(c)) {
        child = c.previous_element_sibling();
        after.push(c);
    }
    after.reverse();
    (before, after)
}

/// Whether two elements are of one kind: the same tag and the same classes, as a list's cards
/// are.
fn same_kind(a: &Element, b: &Element) -> bool {
    a == b || (a.tag_name() == b.tag_name() && a.class_name() == b.class_name())
}

/// The element itself when it matches, else its first descendant that does. The selector is
/// matched against the whole page, as `querySelector` matches it, so `.order-more button`
/// finds the button below a part that is the `.order-more` itself. Invalid selectors match
/// nothing.
impl Find<WebNode> for ListScope {
    fn first(&self, selector: &str) -> Option<WebNode> {
        let selector = cached(selector);
        self.parts.iter().find_map(|part| {
            if part.matches(selector).unwrap_or(false) {
                return Some(WebNode(part.clone()));
            }
            part.query_selector(selector).ok().flatten().map(WebNode)
        })
    }

    fn all(&self, selector: &str) -> Vec<WebNode> {
        let selector = cached(selector);
        let mut found = Vec::new();
        for part in &self.parts {
            if part.matches(selector).unwrap_or(false) {
                found.push(WebNode(part.clone()));
            }
            if let Ok(list) = part.query_selector_all(selector) {
                // Unchecked on purpose, as in `WebNode::select_all`: a frame's nodes are of
                // the frame's realm.
                found.extend(
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .map(|n| WebNode(n.unchecked_into::<Element>())),
                );
            }
        }
        found
    }
}
