//! The shapes of the small things both readers pick out of page text and links: order
//! numbers, quantities, image and page addresses.

use crate::core::dom::DomNode;
use crate::core::url::split_url;

/// Order numbers are 14 (before 2020) to 16 digits; real scrapers accept 10 to 20.
const ORDER_ID_DIGITS: std::ops::RangeInclusive<usize> = 10..=20;

/// The cleaned text of the first element a selector finds, if it has any.
pub(crate) fn text_of<N: DomNode>(node: &N, selectors: &[&str]) -> Option<String> {
    node.select_any(selectors)
        .map(|e| clean(&e.text()))
        .filter(|t| !t.is_empty())
}

/// Collapses white space; page text keeps its words, never its layout.
/// Elements whose text is a control's, not the content's ("Edit", "Delete", "Next").
const CONTROLS: &str = "a, button, [role=button]";

/// The texts of the elements with no child element under `node`, in page order, outside
/// controls: a record's lines as shown.
pub fn leaf_lines<N: DomNode>(node: &N) -> Vec<String> {
    node.select_all("*")
        .into_iter()
        .filter(|e| e.children().is_empty() && !e.within(CONTROLS))
        .map(|e| clean(&e.text()))
        .filter(|t| !t.is_empty())
        .collect()
}

pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn query_digits(href: &str, key: &str) -> Option<String> {
    let after = &href[href.find(key)? + key.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    ORDER_ID_DIGITS.contains(&digits.len()).then_some(digits)
}

pub(crate) fn longest_digit_run(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| ORDER_ID_DIGITS.contains(&run.len()))
        .max_by_key(|run| run.len())
        .map(str::to_owned)
}

/// A quantity as shown (`x2`): its first number, if it is at least 1. An order has no line
/// of no units; an `x0` is no quantity the assistant can read, and every backup it writes
/// imports back (`docs/backup-format.schema.json`: at least 1).
pub(crate) fn quantity_of(text: &str) -> Option<u32> {
    first_number(text).filter(|&q| q > 0)
}

pub(crate) fn first_number(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

/// The URL inside `background-image: url("…")`.
pub(crate) fn background_image(style: &str) -> Option<String> {
    let start = style.find("url(")? + 4;
    let rest = &style[start..];
    let end = rest.find(')')?;
    Some(rest[..end].trim().trim_matches(['"', '\'']).to_owned()).filter(|u| !u.is_empty())
}

pub(crate) fn origin(page_url: &str) -> Option<String> {
    let parts = split_url(page_url)?;
    Some(format!("{}://{}", parts.scheme, parts.host))
}

/// The absolute address a link leads to, if it is a web address.
pub(crate) fn href_of<N: DomNode>(link: Option<&N>, page_url: &str) -> Option<String> {
    link.and_then(|a| a.attr("href"))
        .and_then(|h| absolute_url(&h, page_url))
}

/// Whether a URL may become a link: http(s) only, never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Makes a link absolute against the page: `//host/x` and `/x` become `https://…`. Anything
/// that is not http(s) (`javascript:`, `data:`) is dropped, so it can never reach a report.
pub fn absolute_url(href: &str, page_url: &str) -> Option<String> {
    let href = href.trim();
    let absolute = if let Some(rest) = href.strip_prefix("//") {
        format!("https://{rest}")
    } else if href.starts_with('/') {
        format!("{}{href}", origin(page_url)?)
    } else {
        href.to_owned()
    };
    let parts = split_url(&absolute)?;
    matches!(parts.scheme, "https" | "http").then_some(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_made_absolute_and_only_http_survives() {
        let page = "https://www.aliexpress.com/p/order/index.html";
        let cases = [
            (
                "//www.aliexpress.com/store/1105843321",
                Some("https://www.aliexpress.com/store/1105843321"),
            ),
            (
                "/p/order/detail.html?orderId=1",
                Some("https://www.aliexpress.com/p/order/detail.html?orderId=1"),
            ),
            (
                "https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg",
                Some("https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg"),
            ),
            ("javascript:alert(1)", None),
            ("data:text/html,<script>", None),
            ("", None),
        ];
        for (href, want) in cases {
            assert_eq!(absolute_url(href, page).as_deref(), want, "{href}");
        }
    }

    #[test]
    fn small_readers() {
        assert_eq!(
            query_digits(
                "//www.aliexpress.com/p/order/detail.html?orderId=8212313961591322&x=1",
                "orderId="
            )
            .as_deref(),
            Some("8212313961591322")
        );
        assert_eq!(query_digits("?orderId=12", "orderId="), None);
        assert_eq!(
            longest_digit_run("Date: Sep 15, 2026Ref. Number: 8190000000000001Copy").as_deref(),
            Some("8190000000000001")
        );
        assert_eq!(first_number("x2"), Some(2));
        assert_eq!(first_number("X 10"), Some(10));
        assert_eq!(quantity_of("x0"), None);
        assert_eq!(quantity_of("x3"), Some(3));
        assert_eq!(
            background_image("background-image: url(\"https://a/b.jpg\")").as_deref(),
            Some("https://a/b.jpg")
        );
        assert_eq!(
            background_image("background-image:url(//a/b_220x220.jpg);width:80px").as_deref(),
            Some("//a/b_220x220.jpg")
        );
    }
}
