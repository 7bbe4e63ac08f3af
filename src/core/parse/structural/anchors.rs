//! What the structural reader anchors on: the links that carry ids, the shapes of text
//! (dates, money, quantities, variants, tracking numbers), and a card's pieces.

use crate::core::date::parse_date;
use crate::core::dom::DomNode;
use crate::core::list_rules::STRUCTURE;
use crate::core::money::parse_money;

use super::super::shapes::{
    absolute_url, background_image, clean, longest_digit_run, query_digits,
};

/// Links that carry an order id (`list_rules::STRUCTURE`, site knowledge as data).
pub(super) const ORDER_LINKS: &str = STRUCTURE.order_links;
/// Links to a product.
pub const ITEM_LINKS: &str = STRUCTURE.item_links;
/// Links to a store.
pub(super) const STORE_LINKS: &str = STRUCTURE.store_links;
/// What a person clicks rather than reads: text inside these is a control's label.
pub(super) const CONTROLS: &str = "a, button";

pub(super) type IdOf = fn(&str) -> Option<String>;

/// The order id a link carries.
pub(super) fn order_id_of(href: &str) -> Option<String> {
    STRUCTURE
        .order_id_keys
        .iter()
        .find_map(|key| query_digits(href, key))
}

/// The product id of an `/item/<id>.html` link.
pub(super) fn item_id_of(href: &str) -> Option<String> {
    let path = STRUCTURE.item_path;
    let after = &href[href.find(path)? + path.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// The distinct ids `id_of` finds in the links under `node` matching `links` (and in the node
/// itself, when it is such a link), in page order.
pub(super) fn ids_under<N: DomNode>(node: &N, links: &str, id_of: IdOf) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let own = node.attr("href").and_then(|h| id_of(&h));
    let found = node
        .select_all(links)
        .into_iter()
        .filter_map(|a| a.attr("href").and_then(|h| id_of(&h)));
    for id in own.into_iter().chain(found) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The largest parts of `node` whose links name exactly one id each, in page order.
pub(super) fn partition<N: DomNode + Clone>(node: &N, links: &str, id_of: IdOf, out: &mut Vec<N>) {
    match ids_under(node, links, id_of).len() {
        0 => {}
        1 => out.push(node.clone()),
        _ => {
            for child in node.children() {
                partition(&child, links, id_of, out);
            }
        }
    }
}

/// Whether some element under `node` (or `node`) is the smallest to have a text `shape`.
pub(super) fn holds<N: DomNode>(node: &N, shape: fn(&str) -> bool) -> bool {
    shape(&node.text())
}

pub(super) fn is_date(text: &str) -> bool {
    parse_date(text).is_some()
}

pub(super) fn is_money(text: &str) -> bool {
    parse_money(text).is_some()
}

/// One element of a card, with its place in the card (document order) and text.
pub(super) struct Piece<N> {
    pub node: N,
    pub text: String,
    pub leaf: bool,
}

/// The card's elements in document order, each with its text.
pub(super) fn pieces<N: DomNode + Clone>(card: &N) -> Vec<Piece<N>> {
    card.select_all("*")
        .into_iter()
        .map(|node| Piece {
            text: node.text(),
            leaf: node.children().is_empty(),
            node,
        })
        .collect()
}

/// The places of the smallest elements whose text has `shape`: none of their children has it.
pub(super) fn smallest<N: DomNode>(
    pieces: &[Piece<N>],
    shape: impl Fn(&str) -> bool,
) -> Vec<usize> {
    pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| shape(&p.text) && !p.node.children().iter().any(|c| shape(&c.text())))
        .map(|(i, _)| i)
        .collect()
}

/// `x2`, `X 1`, `×3`: a quantity.
pub(super) fn is_quantity(text: &str) -> bool {
    let t = text.trim();
    let rest = t
        .strip_prefix(['x', 'X', '×'])
        .map(str::trim_start)
        .unwrap_or("");
    !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
}

/// `Color: Black`: a name and a value, the way a variant is written.
pub(super) fn is_variant(text: &str) -> bool {
    let t = clean(text);
    t.split_once(':').is_some_and(|(name, value)| {
        !name.trim().is_empty()
            && !value.trim().is_empty()
            && !name.chars().any(|c| c.is_ascii_digit())
    }) && !is_date(&t)
        && !is_money(&t)
        && longest_digit_run(&t).is_none()
}

/// The first image under `nodes`: an `<img src>`, or an element with a CSS background image.
pub(super) fn image_in<N: DomNode>(nodes: &[&N], page_url: &str) -> Option<String> {
    nodes.iter().find_map(|n| {
        let own = n.attr("style").and_then(|s| background_image(&s));
        own.or_else(|| {
            n.select_all("img[src], [style*=\"background-image\"]")
                .into_iter()
                .find_map(|e| {
                    e.attr("src")
                        .or_else(|| e.attr("style").and_then(|s| background_image(&s)))
                })
        })
        .and_then(|u| absolute_url(&u, page_url))
    })
}

/// Tracking numbers as carriers write them: `LP00123456789012`, `RB123456789CN`.
pub(super) fn is_tracking_number(text: &str) -> bool {
    let t = text.trim();
    let letters = t.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = t[letters..].bytes().take_while(u8::is_ascii_digit).count();
    let tail = &t[letters + digits..];
    (2..=4).contains(&letters)
        && (8..=20).contains(&digits)
        && (tail.is_empty() || (tail.len() == 2 && tail.bytes().all(|b| b.is_ascii_uppercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for q in ["x2", "X 10", "×3", " x1 "] {
            assert!(is_quantity(q), "{q}");
        }
        for q in ["x", "2", "xx2", "Box 2"] {
            assert!(!is_quantity(q), "{q}");
        }
        assert!(is_variant("Color: Black"));
        assert!(is_variant("Ships From: China"));
        for v in [
            "Total:",
            "Date: Sep 15, 2026",
            "Ref. Number: 8212313961591322",
            "Total:US $1.00",
            "12:30",
        ] {
            assert!(!is_variant(v), "{v}");
        }
        for t in ["LP00123456789012", "RB123456789CN", "LP38452596252996"] {
            assert!(is_tracking_number(t), "{t}");
        }
        for t in ["8212313961591322", "US $1.00", "LP12", "Lp0012345678901"] {
            assert!(!is_tracking_number(t), "{t}");
        }
        assert_eq!(
            item_id_of("//www.aliexpress.com/item/1005001.html").as_deref(),
            Some("1005001")
        );
        assert_eq!(
            order_id_of("//www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322")
                .as_deref(),
            Some("8212313961591322")
        );
    }
}
