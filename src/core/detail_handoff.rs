//! Reading an order's detail page from inside itself.
//!
//! The real list links every detail page to `www.aliexpress.com`, whatever host the list is
//! on (`docs/site-facts.md`, "Detail links"), and a page can't read a frame of another origin.
//! So the backup opens the detail in a hidden frame whose name carries the order id; the
//! content script, which also runs in frames with that name, reads the page where it is and
//! hands the result back through the extension's own storage, which no page can write.

use serde::{Deserialize, Serialize};

use super::list_rules::STRUCTURE;
use super::page::{recognise_url, PageKind};
use super::parse::{query_digits, DetailPage};
use super::site::site_of_host;
use super::url::split_url;

/// The hidden frame's name: this prefix, then the order id. `extension/loader.js` starts the
/// assistant in a frame only when its name starts with this, and repeats the string.
pub const FRAME_NAME_PREFIX: &str = "exit-assistant-detail:";

/// Where the frame's reading is handed back: this prefix, then the order id.
pub const HANDOFF_PREFIX: &str = "detail_handoff:";

/// The name of the frame that reads `order_id`'s detail page.
pub fn frame_name(order_id: &str) -> String {
    format!("{FRAME_NAME_PREFIX}{order_id}")
}

/// The order a frame reads, from its name; `None` for every other frame (the page's own).
pub fn order_of_frame(name: &str) -> Option<&str> {
    let id = name.strip_prefix(FRAME_NAME_PREFIX)?;
    (!id.is_empty() && id.len() <= 24 && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// The storage key a frame writes its reading of `order_id` under.
pub fn handoff_key(order_id: &str) -> String {
    format!("{HANDOFF_PREFIX}{order_id}")
}

/// What a frame hands back: the page it read (after any redirect) and what it found there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOff {
    /// The address the frame was at when it read the page.
    pub url: String,
    /// What the page showed.
    pub detail: DetailPage,
}

/// Whether a frame may open `url` to read `order_id`, and whether a reading made at `url`
/// counts: only an AliExpress order-detail page (by the page rules) whose address names that
/// very order. A link planted in an imported file, or a frame a page's script named like
/// ours, opens or counts for nothing else.
pub fn is_detail_of(url: &str, order_id: &str) -> bool {
    recognise_url(url).kind == PageKind::OrderDetail
        && STRUCTURE
            .order_id_keys
            .iter()
            .any(|key| query_digits(url, key).as_deref() == Some(order_id))
}

/// Where to open an order's detail page, in the order to try.
///
/// The link itself comes first when it is on the list's own site (`pt.` and `www.` are both
/// `aliexpress.com`): it is what a person would open, and the site's cookies go with it.
/// A link to another site (an `aliexpress.us` list linking to `www.aliexpress.com`) would
/// open in a third-party frame, where the browser may withhold the sign-in, so the same page
/// on the list's own host is tried first and the link second.
///
/// Only order-detail pages of AliExpress that name the order are ever tried ([`is_detail_of`]).
/// Across sites the link is tried second: the real `aliexpress.us` list links its detail pages
/// to `www.aliexpress.com` (`docs/site-facts.md`, "Detail links").
pub fn detail_urls(detail_url: &str, list_url: &str, order_id: &str) -> Vec<String> {
    let mut urls = candidate_urls(detail_url, list_url);
    urls.retain(|u| is_detail_of(u, order_id));
    urls
}

fn candidate_urls(detail_url: &str, list_url: &str) -> Vec<String> {
    let (Some(link), Some(list)) = (split_url(detail_url), split_url(list_url)) else {
        return vec![detail_url.to_owned()];
    };
    let same_site = match (site_of_host(link.host), site_of_host(list.host)) {
        (Some(a), Some(b)) => a.site == b.site,
        _ => false,
    };
    if same_site || link.host.eq_ignore_ascii_case(list.host) || site_of_host(list.host).is_none() {
        return vec![detail_url.to_owned()];
    }
    let query = if link.query.is_empty() {
        String::new()
    } else {
        format!("?{}", link.query)
    };
    let on_list_host = format!("{}://{}{}{query}", list.scheme, list.host, link.path);
    vec![on_list_host, detail_url.to_owned()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_names_carry_only_an_order_id() {
        assert_eq!(
            frame_name("8212313961591322"),
            "exit-assistant-detail:8212313961591322"
        );
        assert_eq!(
            order_of_frame("exit-assistant-detail:8212313961591322"),
            Some("8212313961591322")
        );
        for other in [
            "",
            "exit-assistant-detail:",
            "exit-assistant-detail:12a",
            "exit-assistant-detail:1234567890123456789012345",
            "login-frame",
            "EXIT-ASSISTANT-DETAIL:1",
        ] {
            assert_eq!(order_of_frame(other), None, "{other}");
        }
        assert_eq!(handoff_key("81"), "detail_handoff:81");
    }

    #[test]
    fn detail_pages_open_on_the_link_within_a_site_and_on_the_list_host_across_sites() {
        let id = "8212313961591322";
        let link = "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322";
        // A language host's list links to www.: one site, so the link as it is.
        assert_eq!(
            detail_urls(link, "https://pt.aliexpress.com/p/order/index.html", id),
            [link]
        );
        assert_eq!(
            detail_urls(link, "https://www.aliexpress.com/p/order/index.html", id),
            [link]
        );
        // aliexpress.us linking to aliexpress.com: the list's host first, then the link.
        assert_eq!(
            detail_urls(link, "https://www.aliexpress.us/p/order/index.html", id),
            [
                "https://www.aliexpress.us/p/order/detail.html?orderId=8212313961591322",
                link
            ]
        );
        let old = "https://trade.aliexpress.com/order_detail.htm?orderId=8212313961591322";
        assert_eq!(
            detail_urls(old, "https://trade.aliexpress.com/orderList.htm", id),
            [old]
        );
        // Nothing but the order's own detail page on the list's site is ever tried, whatever
        // the link says (a link planted in an imported file).
        let list = "https://www.aliexpress.com/p/order/index.html";
        for planted in [
            "",
            "nonsense",
            "https://evil.example/p/order/detail.html?orderId=8212313961591322",
            "https://www.aliexpress.com.evil.example/p/order/detail.html?orderId=8212313961591322",
            "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591323",
            "https://www.aliexpress.com/item/8212313961591322.html",
            "https://login.aliexpress.com/?orderId=8212313961591322",
            "javascript:alert(1)//orderId=8212313961591322",
        ] {
            let urls = detail_urls(planted, list, id);
            assert!(
                urls.iter().all(|u| u.starts_with(
                    "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322"
                )),
                "{planted}: {urls:?}"
            );
        }
        // A link to another host is only ever tried as the same page on the list's host.
        assert_eq!(
            detail_urls(
                "https://evil.example/p/order/detail.html?orderId=8212313961591322",
                list,
                id
            ),
            ["https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322"]
        );
    }

    #[test]
    fn a_reading_counts_only_from_the_orders_own_detail_page() {
        let id = "8212313961591322";
        assert!(is_detail_of(
            "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322&spm=x",
            id
        ));
        assert!(!is_detail_of(
            "https://www.aliexpress.com/p/order/detail.html?orderId=1",
            id
        ));
        assert!(!is_detail_of(
            "https://www.aliexpress.com/p/wallet-ui/index.html?orderId=8212313961591322",
            id
        ));
    }
}
