//! What the readers give: the orders a list shows, and what a detail page adds.

use serde::{Deserialize, Serialize};

use crate::core::order::{Item, Order, Warning};
use crate::core::order_details::OrderDetails;
use crate::core::status::OrderState;

/// Which reader read a page.
pub use crate::core::order::ReadBy as Reader;

/// One order as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedOrder {
    /// What the list shows.
    pub order: Order,
    /// The list shows only thumbnails for some items: read them on the detail page.
    pub needs_detail: bool,
}

impl ListedOrder {
    /// Whether the backup reads this order's detail page too: when the list hides some items,
    /// and for parcels on their way, whose tracking numbers only the detail page shows.
    pub fn opens_detail(&self) -> bool {
        self.needs_detail || self.order.state == OrderState::AwaitingDelivery
    }
}

/// What one read of the order list gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPage {
    /// Which reader found the cards.
    pub reader: Reader,
    /// Orders, in page order.
    pub orders: Vec<ListedOrder>,
    /// Cards that could not be read, and fields that were missing.
    pub warnings: Vec<Warning>,
    /// How many cards the page holds, read or skipped.
    pub cards: usize,
    /// Where the next reading starts: the place after the last card read.
    pub next: usize,
}

/// What an order's detail page adds: every item, and tracking numbers. Handed from the
/// detail page's frame back to the list's page as JSON (`core::detail_handoff`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailPage {
    /// Every line item.
    pub items: Vec<Item>,
    /// Tracking numbers shown.
    pub tracking_numbers: Vec<String>,
    /// The status as the detail page shows it (it can be newer than the list's).
    pub status: Option<String>,
    /// What could not be read.
    pub warnings: Vec<Warning>,
    /// The price breakdown, shipping address and payment method, as far as shown.
    #[serde(default)]
    pub details: OrderDetails,
}

impl DetailPage {
    /// What a detail page gave, with a warning when it showed no item.
    pub fn new(items: Vec<Item>, tracking_numbers: Vec<String>, status: Option<String>) -> Self {
        let warnings = if items.is_empty() {
            vec![Warning::new(
                "detail_without_items",
                "the order's detail page shows no items",
            )]
        } else {
            Vec::new()
        };
        DetailPage {
            items,
            tracking_numbers,
            status,
            warnings,
            details: OrderDetails::default(),
        }
    }
}

/// The warning for a card with no order number, at `index` on the list (from 0).
pub(super) fn unreadable_card(index: usize) -> Warning {
    Warning::new(
        "unreadable_card",
        format!(
            "order card {} has no order number; it was skipped",
            index + 1
        ),
    )
}

/// The warnings a card's missing fields call for.
pub(super) fn warn_of_gaps(
    warnings: &mut Vec<Warning>,
    id: &str,
    status: &str,
    state: OrderState,
    dated: bool,
    totalled: bool,
) {
    if state == OrderState::Unknown {
        warnings.push(Warning::with(
            "unknown_status",
            format!("order {id}: status \"{status}\" is not one the assistant knows"),
            vec![id.to_owned(), status.to_owned()],
        ));
    }
    if !dated {
        warnings.push(Warning::with(
            "unreadable_date",
            format!("order {id}: the order date could not be read"),
            vec![id.to_owned()],
        ));
    }
    if !totalled {
        warnings.push(Warning::with(
            "missing_total",
            format!("order {id}: the page shows no readable total"),
            vec![id.to_owned()],
        ));
    }
}
