//! The first reader: order cards and detail pages read by the rule tables
//! (`core::list_rules`), which name where each field sits in each known layout.

use crate::core::date::parse_date;
use crate::core::dom::DomNode;
use crate::core::list_rules::{ItemFields, ListLayout, DETAIL_LAYOUT};
use crate::core::money::parse_money;
use crate::core::order::{Item, Order, Store, Warning};
use crate::core::status::classify_status;

use super::records::{unreadable_card, warn_of_gaps, DetailPage, ListPage, ListedOrder, Reader};
use super::shapes::{
    absolute_url, background_image, clean, longest_digit_run, origin, quantity_of, query_digits,
    text_of,
};

/// Reads cards into `page`; `index` is each card's place on the list, for warnings.
pub(super) fn read_cards<'a, N: DomNode + 'a>(
    page: &mut ListPage,
    cards: impl Iterator<Item = (usize, &'a N)>,
    layout: &ListLayout,
    page_url: &str,
) {
    for (index, card) in cards {
        match parse_card(card, layout, page_url, &mut page.warnings) {
            Some(order) => page.orders.push(order),
            None => page.warnings.push(unreadable_card(index)),
        }
    }
}

fn parse_card<N: DomNode>(
    card: &N,
    layout: &ListLayout,
    page_url: &str,
    warnings: &mut Vec<Warning>,
) -> Option<ListedOrder> {
    // What goes wrong from here on is this order's: kept with it too (format 2).
    let before = warnings.len();
    // On the narrow (mobile) list the card itself is the link (docs/site-facts.md, "Links").
    let detail_href = card
        .select_any(layout.detail_link)
        .and_then(|a| a.attr("href"))
        .or_else(|| card.attr("href").filter(|h| h.contains("orderId=")));
    let track_href = card
        .select_any(layout.track_link)
        .and_then(|a| a.attr("href"));
    let id = detail_href
        .as_deref()
        .and_then(|h| query_digits(h, "orderId="))
        .or_else(|| {
            track_href.as_deref().and_then(|h| {
                query_digits(h, "tradeOrderId=").or_else(|| query_digits(h, "tradeId="))
            })
        })
        .or_else(|| {
            card.select_any(layout.order_id)
                .and_then(|e| longest_digit_run(&e.text()))
        })?;

    let status = text_of(card, layout.status).unwrap_or_default();
    let state = classify_status(&status);
    let placed_on = text_of(card, layout.date).and_then(|t| parse_date(&t));
    let total = text_of(card, layout.total).and_then(|t| parse_money(&t));
    warn_of_gaps(
        warnings,
        &id,
        &status,
        state,
        placed_on.is_some(),
        total.is_some(),
    );
    let store = store_of(card, layout, page_url);
    let items: Vec<Item> = card
        .select_all(layout.item)
        .iter()
        .map(|e| parse_item(e, &layout.item_fields, page_url))
        .collect();
    let thumbnails = card.select_all(layout.thumbnails).len();
    let detail_url = detail_href
        .and_then(|h| absolute_url(&h, page_url))
        .or_else(|| origin(page_url).map(|o| format!("{o}{}{id}", layout.detail_path)))
        .unwrap_or_default();
    let needs_detail = thumbnails > items.len() || items.is_empty();
    let order = Order {
        id,
        placed_on,
        status,
        state,
        store,
        total,
        items,
        tracking_numbers: Vec::new(),
        detail_url,
        notes: card
            .select_all(layout.notes)
            .iter()
            .map(|n| clean(&n.text()))
            .filter(|n| !n.is_empty())
            .collect(),
        warnings: warnings[before..].to_vec(),
        read_by: Some(Reader::Rules),
        deleted: false,
        details: None,
    };
    Some(ListedOrder {
        order,
        needs_detail,
    })
}

fn parse_item<N: DomNode>(node: &N, fields: &ItemFields, page_url: &str) -> Item {
    let title_node = node.select_any(fields.title);
    let title = title_node
        .as_ref()
        .and_then(|t| t.attr("title").filter(|t| !t.trim().is_empty()))
        .or_else(|| title_node.map(|t| t.text()))
        .map(|t| clean(&t))
        .unwrap_or_default();
    let quantity = text_of(node, fields.quantity)
        .and_then(|q| quantity_of(&q))
        .unwrap_or(1);
    let image = node.select_any(fields.image);
    let image_url = image
        .as_ref()
        .and_then(|i| {
            i.attr("src")
                .or_else(|| i.attr("style").and_then(|s| background_image(&s)))
        })
        .and_then(|u| absolute_url(&u, page_url));
    Item {
        title,
        variant: text_of(node, fields.variant),
        quantity,
        unit_price: text_of(node, fields.price).and_then(|p| parse_money(&p)),
        product_url: node
            .select_any(fields.link)
            .and_then(|a| a.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
        image_url,
    }
}

/// The card's store. The name cell wins: on the old layout the link's text is "View
/// store", not the name.
fn store_of<N: DomNode>(card: &N, layout: &ListLayout, page_url: &str) -> Store {
    let link = card.select_any(layout.store_link);
    let name = text_of(card, layout.store_name)
        .or_else(|| link.as_ref().map(|l| clean(&l.text())))
        .unwrap_or_default();
    Store {
        name,
        url: link
            .and_then(|l| l.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
    }
}

/// Reads a detail page by the rule tables alone.
pub fn parse_detail_by_rules<N: DomNode>(root: &N, page_url: &str) -> DetailPage {
    let layout = &DETAIL_LAYOUT;
    let items: Vec<Item> = root
        .select_all(layout.item)
        .iter()
        .map(|e| parse_item(e, &layout.item_fields, page_url))
        .collect();
    let mut tracking_numbers: Vec<String> = Vec::new();
    for selector in layout.tracking {
        for node in root.select_all(selector) {
            let number = node
                .attr("data-clipboard-text")
                .unwrap_or_else(|| node.text());
            let number = clean(&number);
            if !number.is_empty() && !tracking_numbers.contains(&number) {
                tracking_numbers.push(number);
            }
        }
    }
    DetailPage::new(items, tracking_numbers, text_of(root, layout.status))
}
