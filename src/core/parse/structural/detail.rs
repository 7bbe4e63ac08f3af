//! A detail page read by structure: one part of the page per product link.

use crate::core::dom::DomNode;
use crate::core::money::{parse_money, Money};
use crate::core::order::Item;

use super::super::records::DetailPage;
use super::super::shapes::{clean, href_of, quantity_of};
use super::anchors::*;

/// Reads an order's detail page as [`super::super::parse_order_detail`] does, by structure
/// alone: one part of the page per product link, each with its title, variant, price and
/// quantity; tracking numbers by their shape.
pub fn parse_detail_structural<N: DomNode + Clone>(root: &N, page_url: &str) -> DetailPage {
    let mut parts = Vec::new();
    item_lines(root, &mut parts);
    let items: Vec<Item> = parts
        .iter()
        .map(|part| detail_item(part, page_url))
        .collect();
    let mut tracking_numbers: Vec<String> = Vec::new();
    let copied = root
        .select_all("[data-clipboard-text]")
        .into_iter()
        .filter_map(|e| e.attr("data-clipboard-text"));
    let shown = root
        .select_all("*")
        .into_iter()
        .filter(|e| e.children().is_empty())
        .map(|e| e.text());
    for number in copied.chain(shown).map(|t| clean(&t)) {
        if is_tracking_number(&number) && !tracking_numbers.contains(&number) {
            tracking_numbers.push(number);
        }
    }
    DetailPage::new(items, tracking_numbers, None)
}

/// The detail page's item lines: the largest parts with one product's links and one quantity.
/// (One order may hold the same product twice, in two variants: two lines, one product id.)
fn item_lines<N: DomNode + Clone>(node: &N, out: &mut Vec<N>) {
    let quantities = node
        .select_all("*")
        .iter()
        .filter(|e| e.children().is_empty() && is_quantity(&e.text()))
        .count();
    match ids_under(node, ITEM_LINKS, item_id_of).len() {
        0 => {}
        1 if quantities <= 1 => out.push(node.clone()),
        _ => {
            for child in node.children() {
                item_lines(&child, out);
            }
        }
    }
}

fn detail_item<N: DomNode + Clone>(part: &N, page_url: &str) -> Item {
    let pieces = pieces(part);
    let links = part.select_all(ITEM_LINKS);
    let title = links
        .iter()
        .map(|a| clean(&a.text()))
        .max_by_key(String::len)
        .unwrap_or_default();
    let leaf_text = |shape: fn(&str) -> bool| {
        smallest(&pieces, shape)
            .first()
            .map(|&i| pieces[i].text.clone())
    };
    // After the product's first link: the order-info rows above the items ("Payment
    // method: …") have a variant's shape too.
    let variant = pieces
        .iter()
        .skip_while(|p| !p.node.within(ITEM_LINKS))
        .find(|p| p.leaf && !p.node.within(CONTROLS) && is_variant(&p.text))
        .map(|p| clean(&p.text));
    let unit_price: Option<Money> = leaf_text(is_money).and_then(|t| parse_money(&t));
    Item {
        title,
        variant,
        quantity: leaf_text(is_quantity)
            .and_then(|t| quantity_of(&t))
            .unwrap_or(1),
        unit_price,
        product_url: href_of(links.first(), page_url),
        image_url: image_in(&links.iter().collect::<Vec<_>>(), page_url),
    }
}
