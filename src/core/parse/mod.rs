//! Reading orders from the order list and detail pages. Total: whatever the page holds, the
//! result is records plus warnings, never a panic or an error.
//!
//! Two readers: `by_rules` reads by the rule tables; where they find nothing (a redesign
//! renamed the classes), `structural` reads by structure and the shapes of text alone. Both
//! give the records of `records.rs`, and share the small readers of `shapes.rs`.

mod by_rules;
mod detail_extras;
mod records;
mod shapes;
pub mod structural;

pub use by_rules::parse_detail_by_rules;
pub use detail_extras::price_folded;
pub use records::{DetailPage, ListPage, ListedOrder, Reader};
pub use shapes::leaf_lines;
pub use shapes::{absolute_url, is_web_url};
pub(crate) use shapes::{clean as clean_text, longest_digit_run, query_digits};

use super::dom::DomNode;
use super::list_rules::{DETAIL_LAYOUT, LIST_LAYOUTS};
use super::order::{Order, Warning};

/// Reads every order card under `root`, in whichever known layout the page uses.
pub fn parse_order_list<N: DomNode + Clone>(root: &N, page_url: &str) -> ListPage {
    parse_order_list_from(root, page_url, 0)
}

/// Reads the order cards under `root` after the first `skip`: the list only grows at its
/// end, so a backup step reads only what "View orders" added (a 10,000-order list must not
/// be parsed whole at every step). A list shorter than `skip` was re-rendered, and is read
/// from its start.
pub fn parse_order_list_from<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
) -> ListPage {
    parse_order_list_range(root, page_url, skip, usize::MAX)
}

/// Like [`parse_order_list_from`], reading at most `max` cards: a long step is split into
/// short tasks, so the page's thread is never held for long. Where no layout of the rule
/// tables finds a card (a redesign renamed the classes), the structural reader reads the page.
pub fn parse_order_list_range<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
    max: usize,
) -> ListPage {
    let mut page = ListPage::default();
    let Some((layout, (count, cards))) = LIST_LAYOUTS
        .iter()
        .map(|l| (l, root.select_after(l.card, skip, max)))
        .find(|(_, (count, _))| *count > 0)
    else {
        let mut page = structural::parse_structural_range(root, page_url, skip, max);
        page.reader = Reader::Structure;
        return page;
    };
    page.cards = count;
    // Fewer than `skip` cards: the list was re-rendered, and is read from its first card.
    let first = if skip > count { 0 } else { skip };
    page.next = first + cards.len();
    by_rules::read_cards(
        &mut page,
        cards.iter().enumerate().map(|(i, c)| (first + i, c)),
        layout,
        page_url,
    );
    page
}

/// Whether a detail page shows its items yet: items by the rule tables, or product links for
/// the structural reader (a redesign).
pub fn detail_shows_items<N: DomNode>(root: &N) -> bool {
    root.select(DETAIL_LAYOUT.item).is_some() || root.select(structural::ITEM_LINKS).is_some()
}

/// Reads an order's detail page; where the rule tables find no item, the structural reader
/// reads it. The price breakdown, address and payment are the rule tables' alone.
pub fn parse_order_detail<N: DomNode + Clone>(root: &N, page_url: &str) -> DetailPage {
    let mut page = parse_detail_by_rules(root, page_url);
    if page.items.is_empty() {
        let by_structure = structural::parse_detail_structural(root, page_url);
        if !by_structure.items.is_empty() {
            page = by_structure;
        }
    }
    page.details = detail_extras::read_extras(root, &DETAIL_LAYOUT.extras);
    page
}

/// The code of an order's warning that its detail page left something out.
pub const DETAILS_INCOMPLETE: &str = "details_incomplete";

/// Completes a listed order with its detail page: the detail's items replace the list's,
/// its tracking numbers are added, and what else it showed is kept, with a warning naming
/// what it didn't show. A page that showed no item was not read, and changes nothing else.
pub fn merge_detail(order: &mut Order, detail: &DetailPage) {
    if !detail.items.is_empty() {
        order.items = detail.items.clone();
        order.warnings.retain(|w| w.code != DETAILS_INCOMPLETE);
        let missing = detail.details.missing();
        if !missing.is_empty() {
            let parts: Vec<&str> = missing.iter().map(|(part, _)| *part).collect();
            let words: Vec<&str> = missing.iter().map(|(_, words)| *words).collect();
            order.warnings.push(Warning::with(
                DETAILS_INCOMPLETE,
                format!(
                    "order {}: its detail page showed no {}",
                    order.id,
                    words.join(", ")
                ),
                vec![order.id.clone(), parts.join(",")],
            ));
        }
        order.details = Some(detail.details.clone());
    }
    for number in &detail.tracking_numbers {
        if !order.tracking_numbers.contains(number) {
            order.tracking_numbers.push(number.clone());
        }
    }
}
