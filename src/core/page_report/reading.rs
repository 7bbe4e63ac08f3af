//! What each reader finds on a page, as shapes: how many orders, which fields each has, in
//! which currency, with which warnings; never a value. A page report carries the reading of
//! the page it was made on; a report kept as a test fixture carries the reading it must give
//! (`tests/page_reports.rs`).

use serde::{Deserialize, Serialize};

use super::super::address::read_addresses;
use super::super::collect::view_more_control;
use super::super::dom::DomNode;
use super::super::list_rules::LIST_LAYOUTS;
use super::super::order::{Item, ReadBy, Warning};
use super::super::page::PageKind;
use super::super::parse::structural::{parse_detail_structural, parse_structural_range};
use super::super::parse::{parse_detail_by_rules, parse_order_list, DetailPage, ListPage};
use super::super::review::{next_page, read_reviews};
use super::super::status::OrderState;

/// What the readers found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The kind of page it was recognised as.
    pub page: Option<PageKind>,
    /// On an order list: what each reader found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListReading>,
    /// On a detail page: what each reader found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<DetailReading>,
    /// On the address book or the feedback page: what the readers found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<RecordsReading>,
}

/// The address book's addresses or the feedback page's reviews, as the page's readers found
/// them: the rule tables, else the structure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsReading {
    /// How many were found.
    pub found: usize,
    /// Which reader found them.
    pub read_by: ReadBy,
    /// How many have every field told apart: an address's name, phone and street; a
    /// review's product, stars and date.
    pub whole: usize,
    /// On the feedback page: whether the pager's "Next" was found.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub next_page: bool,
}

/// The order list, by each reader.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListReading {
    /// The rule tables (class names, `data-pl`).
    pub rules: ListFound,
    /// The structural reader.
    pub structure: ListFound,
    /// Whether the "View orders" control was found.
    pub view_more: bool,
}

/// What one reader found on the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListFound {
    /// Order cards found.
    pub cards: usize,
    /// The orders read, in page order.
    pub orders: Vec<OrderShape>,
    /// The warnings' codes.
    pub warnings: Vec<String>,
}

/// One order's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderShape {
    /// How many digits its number has.
    pub id_digits: usize,
    /// Whether its date was read.
    pub placed_on: bool,
    /// Its status, normalised.
    pub state: OrderState,
    /// Whether a store name was read.
    pub store: bool,
    /// The total's currency, when a total was read.
    pub total: Option<String>,
    /// Its items.
    pub items: Vec<ItemShape>,
    /// Whether the backup would open its detail page for items the list hides.
    pub needs_detail: bool,
    /// How many notes (refunds, disputes) it has.
    pub notes: usize,
    /// Its warnings' codes.
    pub warnings: Vec<String>,
}

/// One item's shape. Images are left out: a report keeps no image address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemShape {
    /// Whether a title was read.
    pub title: bool,
    /// Whether a variant was read.
    pub variant: bool,
    /// The unit price's currency, when a price was read.
    pub price: Option<String>,
    /// Whether the product link was read.
    pub product_link: bool,
}

/// A detail page, by each reader.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailReading {
    /// The rule tables.
    pub rules: DetailFound,
    /// The structural reader.
    pub structure: DetailFound,
}

/// What one reader found on a detail page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailFound {
    /// The items read.
    pub items: Vec<ItemShape>,
    /// Tracking numbers read.
    pub tracking_numbers: usize,
    /// Whether a status was read.
    pub status: bool,
    /// The warnings' codes.
    pub warnings: Vec<String>,
}

/// Reads `root` with each reader that applies to a page of `kind`.
pub fn read_page<N: DomNode + Clone>(root: &N, url: &str, kind: PageKind) -> Reading {
    let mut reading = Reading {
        page: Some(kind),
        ..Reading::default()
    };
    match kind {
        PageKind::OrderList => {
            // The rule tables alone: the list parser falls back to the structure by itself.
            let by_rules = LIST_LAYOUTS.iter().any(|l| root.select(l.card).is_some());
            reading.list = Some(ListReading {
                rules: if by_rules {
                    list_found(&parse_order_list(root, url))
                } else {
                    ListFound::default()
                },
                structure: list_found(&parse_structural_range(root, url, 0, usize::MAX)),
                view_more: view_more_control(root).is_some(),
            });
        }
        PageKind::OrderDetail => {
            reading.detail = Some(DetailReading {
                rules: detail_found(&parse_detail_by_rules(root, url)),
                structure: detail_found(&parse_detail_structural(root, url)),
            });
        }
        PageKind::AddressBook => {
            let (found, read_by) = read_addresses(root);
            reading.records = Some(RecordsReading {
                found: found.len(),
                read_by,
                whole: found
                    .iter()
                    .filter(|a| a.name.is_some() && a.phone.is_some() && a.street.is_some())
                    .count(),
                next_page: false,
            });
        }
        PageKind::Feedback => {
            let (found, read_by) = read_reviews(root);
            reading.records = Some(RecordsReading {
                found: found.len(),
                read_by,
                whole: found
                    .iter()
                    .filter(|r| r.product.is_some() && r.stars.is_some() && r.date.is_some())
                    .count(),
                next_page: next_page(root).is_some(),
            });
        }
        _ => {}
    }
    reading
}

fn codes(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(|w| w.code.clone()).collect()
}

fn item_shape(item: &Item) -> ItemShape {
    ItemShape {
        title: !item.title.is_empty(),
        variant: item.variant.is_some(),
        price: item.unit_price.as_ref().map(|m| m.currency.clone()),
        product_link: item.product_url.is_some(),
    }
}

fn list_found(page: &ListPage) -> ListFound {
    ListFound {
        cards: page.cards,
        orders: page
            .orders
            .iter()
            .map(|listed| {
                let order = &listed.order;
                OrderShape {
                    id_digits: order.id.chars().count(),
                    placed_on: order.placed_on.is_some(),
                    state: order.state,
                    store: !order.store.name.is_empty(),
                    total: order.total.as_ref().map(|m| m.currency.clone()),
                    items: order.items.iter().map(item_shape).collect(),
                    needs_detail: listed.needs_detail,
                    notes: order.notes.len(),
                    warnings: codes(&order.warnings),
                }
            })
            .collect(),
        warnings: codes(&page.warnings),
    }
}

fn detail_found(page: &DetailPage) -> DetailFound {
    DetailFound {
        items: page.items.iter().map(item_shape).collect(),
        tracking_numbers: page.tracking_numbers.len(),
        status: page.status.is_some(),
        warnings: codes(&page.warnings),
    }
}
