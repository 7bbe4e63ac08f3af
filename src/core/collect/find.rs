//! Where the list's own controls are looked for.

use crate::core::dom::DomNode;

/// Where `observe` and `controls` (this folder's `observe.rs`) look for the list's own
/// controls ("View orders", the tabs, the time filter, a captcha). A node is one place: the
/// whole page below it. The browser layer passes the page without its cards instead (`web::content`'s
/// `ListScope`): a search that finds nothing walks every element it is given, and on a
/// 10,000-order list nearly every element is in a card, where no list control is.
pub trait Find<N> {
    /// The first element matching `selector`, in document order.
    fn first(&self, selector: &str) -> Option<N>;
    /// Every element matching `selector`, in document order.
    fn all(&self, selector: &str) -> Vec<N>;
    /// The first element matching one of `selectors`, tried in order.
    fn first_of(&self, selectors: &[&str]) -> Option<N> {
        selectors.iter().find_map(|s| self.first(s))
    }
}

impl<N: DomNode> Find<N> for N {
    fn first(&self, selector: &str) -> Option<N> {
        self.select(selector)
    }
    fn all(&self, selector: &str) -> Vec<N> {
        self.select_all(selector)
    }
}
