//! Page recognition: which AliExpress page is this?
//!
//! The URL decides first, through the rules in [`crate::core::page_rules`]. Where the URL names
//! no page, what the page shows decides, through the DOM rules in the same file. Recognition is
//! pure, total and allocation-free because it runs on every AliExpress page load.

use serde::{Deserialize, Serialize};

pub use super::page_kind::PageKind;
use super::page_rules::{DOM_RULES, PAGE_RULES};
use super::site::{site_of_host, Site};
use super::url::split_url;

/// When a page's kind depends on what it shows ([`Recognition::depends_on_dom`]), the browser
/// layer recognises it again after these delays (ms): the new layout hydrates for several
/// seconds (`docs/site-facts.md`, "Markup": hydration is slow).
pub const DOM_RECHECK_DELAYS_MS: [u32; 4] = [500, 1_500, 4_000, 10_000];

/// What recognition concluded about a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recognition {
    /// The AliExpress site, or `None` off AliExpress.
    pub site: Option<Site>,
    /// The kind of page.
    pub kind: PageKind,
}

impl Recognition {
    /// Whether what the page shows could still change the answer: the URL named no page, and
    /// a DOM rule applies to this site. The browser layer re-checks such pages once they render.
    pub fn depends_on_dom(&self) -> bool {
        self.kind == PageKind::OtherAliExpress
            && self
                .site
                .is_some_and(|site| DOM_RULES.iter().any(|r| r.sites.contains(site)))
    }
}

/// Recognises a page from its URL alone.
///
/// ```
/// use exit_assistant::core::page::{recognise_url, PageKind};
/// assert_eq!(recognise_url("https://www.aliexpress.com/p/order/index.html").kind, PageKind::OrderList);
/// assert_eq!(recognise_url("https://example.com/").kind, PageKind::NotAliExpress);
/// ```
pub fn recognise_url(url: &str) -> Recognition {
    const NOT_ALIEXPRESS: Recognition = Recognition {
        site: None,
        kind: PageKind::NotAliExpress,
    };
    let Some(parts) = split_url(url) else {
        return NOT_ALIEXPRESS;
    };
    if !(parts.scheme.eq_ignore_ascii_case("https") || parts.scheme.eq_ignore_ascii_case("http")) {
        return NOT_ALIEXPRESS;
    }
    let Some(host) = site_of_host(parts.host) else {
        return NOT_ALIEXPRESS;
    };
    let kind = PAGE_RULES
        .iter()
        .find(|rule| rule.matches(host, &parts))
        .map_or(PageKind::OtherAliExpress, |rule| rule.kind);
    Recognition {
        site: Some(host.site),
        kind,
    }
}

/// Recognises a page from its URL and, where the URL names no page, from what it shows.
///
/// `shows(selector)` answers whether the page has an element matching a CSS selector; the
/// browser layer backs it with `querySelector`, native tests with a fixture document.
pub fn recognise(url: &str, shows: impl Fn(&str) -> bool) -> Recognition {
    let by_url = recognise_url(url);
    let Some(site) = by_url.site.filter(|_| by_url.depends_on_dom()) else {
        return by_url;
    };
    let kind = DOM_RULES
        .iter()
        .find(|rule| rule.sites.contains(site) && rule.selectors.iter().any(|s| shows(s)))
        .map_or(PageKind::OtherAliExpress, |rule| rule.kind);
    Recognition {
        site: by_url.site,
        kind,
    }
}
