//! The read-only view of a page that parsing needs. The browser layer implements it over
//! `web_sys::Element`; native tests implement it over `scraper`, so the same fixtures run
//! through the same parser in both places.

/// An element of a page.
pub trait DomNode: Sized {
    /// Descendants matching a CSS selector, in document order. Invalid selectors match nothing.
    fn select_all(&self, selector: &str) -> Vec<Self>;
    /// How many descendants match, and at most `max` of those after the first `skip` (from
    /// the first when fewer than `skip` match: the page was re-rendered). Overridden where
    /// wrapping each match costs something.
    fn select_after(&self, selector: &str, skip: usize, max: usize) -> (usize, Vec<Self>) {
        let all = self.select_all(selector);
        let skip = if skip > all.len() { 0 } else { skip };
        (all.len(), all.into_iter().skip(skip).take(max).collect())
    }
    /// The element's text content.
    fn text(&self) -> String;
    /// An attribute's value.
    fn attr(&self, name: &str) -> Option<String>;

    /// Whether the element is rendered (takes up space). Static documents show everything.
    fn is_shown(&self) -> bool {
        true
    }

    /// A form control's current value (a checkbox's is `"checked"` or empty); else the
    /// `value` attribute.
    fn value(&self) -> String {
        self.attr("value").unwrap_or_default()
    }

    /// Whether the element, or one of its ancestors, matches a CSS selector (`Element.closest`):
    /// where on the page it sits (navigation or main content), and what it is (a button).
    /// Invalid selectors match nothing.
    fn within(&self, selector: &str) -> bool;

    /// The element's child elements, in order. The structural reader walks the page by them.
    fn children(&self) -> Vec<Self> {
        Vec::new()
    }

    /// The first descendant matching a CSS selector.
    fn select(&self, selector: &str) -> Option<Self> {
        self.select_all(selector).into_iter().next()
    }

    /// The first descendant matching any of the selectors, tried in order.
    fn select_any(&self, selectors: &[&str]) -> Option<Self> {
        selectors.iter().find_map(|s| self.select(s))
    }
}
