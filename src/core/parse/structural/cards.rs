//! Order cards found and read by structure: each card is the largest part of the page whose
//! order links all name one order.

use crate::core::dom::DomNode;

use super::super::records::{unreadable_card, ListPage};
use super::anchors::{holds, ids_under, is_date, is_money, order_id_of, partition, ORDER_LINKS};
use super::card::read_card;

/// A part that holds one order: narrowed from the largest part with its links down to the
/// smallest that still holds its link, a date and a price, so that a page with a single
/// order doesn't read its tabs and menus as the order.
fn narrow<N: DomNode + Clone>(part: N) -> N {
    let mut part = part;
    loop {
        let inner: Vec<N> = part
            .children()
            .into_iter()
            .filter(|c| ids_under(c, ORDER_LINKS, order_id_of).len() == 1)
            .collect();
        match inner.as_slice() {
            [only] if holds(only, is_date) && holds(only, is_money) => part = only.clone(),
            _ => return part,
        }
    }
}

/// Every order card under `root`, in page order.
pub fn find_cards<N: DomNode + Clone>(root: &N) -> Vec<N> {
    let mut parts = Vec::new();
    partition(root, ORDER_LINKS, order_id_of, &mut parts);
    if let [only] = parts.as_slice() {
        return vec![narrow(only.clone())];
    }
    parts
}

/// Reads the order cards under `root` as [`super::super::parse_order_list_range`] does, by
/// structure alone.
pub fn parse_structural_range<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
    max: usize,
) -> ListPage {
    let cards = find_cards(root);
    let mut page = ListPage {
        cards: cards.len(),
        ..ListPage::default()
    };
    let first = if skip > cards.len() { 0 } else { skip };
    for (index, card) in cards.iter().enumerate().skip(first).take(max) {
        match read_card(card, page_url, &mut page.warnings) {
            Some(order) => page.orders.push(order),
            None => page.warnings.push(unreadable_card(index)),
        }
        page.next = index + 1;
    }
    page.next = page.next.max(first);
    page
}
