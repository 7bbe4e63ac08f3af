//! Orders as the backup keeps them. These are the `format_version: 3` wire types (version 1
//! lacks `warnings` and `read_by`, version 2 `details`, and both still import): their field
//! names are a contract (`docs/backup-format.md`), so they change only by a new version.

use serde::{Deserialize, Serialize};

use super::money::Money;
use super::order_details::OrderDetails;
use super::status::OrderState;

/// One order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The order number, digits only.
    pub id: String,
    /// ISO date the order was placed, when the page shows one that could be read.
    pub placed_on: Option<String>,
    /// The status as shown.
    pub status: String,
    /// The status, normalised.
    pub state: OrderState,
    /// The store.
    pub store: Store,
    /// The order total, when the page shows one (orders before 2020 have none).
    pub total: Option<Money>,
    /// Every line item.
    pub items: Vec<Item>,
    /// Tracking numbers, where the pages show them.
    pub tracking_numbers: Vec<String>,
    /// The order's detail page.
    pub detail_url: String,
    /// Notes under the order card: refunds, disputes (`.expose-info-item-title`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What could not be read of this order: a date, a total, a status it doesn't know. No
    /// field is ever empty without saying why here (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Which reader read it (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_by: Option<ReadBy>,
    /// The user deleted it from the order list: it was read on the "Deleted orders" tab
    /// (format 2; left out when false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// What its detail page showed beyond items and tracking: the price breakdown, the
    /// shipping address and the payment method (format 3; left out until the page was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<OrderDetails>,
}

/// Which of the list's readers read an order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadBy {
    /// The rule tables of `list_rules`: class names and `data-pl`.
    #[default]
    Rules,
    /// The structural reader (`core::parse::structural`): no class names at all.
    Structure,
}

/// A store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    /// Name as shown.
    pub name: String,
    /// Store page, absolute.
    pub url: Option<String>,
}

/// One line item of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Product title as shown.
    pub title: String,
    /// Variant (colour, size…), if any.
    pub variant: Option<String>,
    /// Quantity.
    pub quantity: u32,
    /// Price of one unit, when shown.
    pub unit_price: Option<Money>,
    /// Product page, absolute.
    pub product_url: Option<String>,
    /// Product image, absolute.
    pub image_url: Option<String>,
}

/// Something the parser or the collector could not read, said plainly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code, e.g. `missing_total`.
    pub code: String,
    /// What is missing, in English words: the backup's own record. Files say it in the
    /// user's language, from `code` and `params` (`core::warning_text`).
    pub message: String,
    /// What the words name (counts, order numbers), for saying them in another language
    /// (format 3; left out when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<String>,
}

/// Where each order goes when listed newest first, as the order list shows them: by the day
/// placed, latest first and undated last, then by `then`, lowest first. `keys[i]` is order
/// `i`'s day and tie-breaker; the result lists indices into `keys`.
///
/// Every newest-first listing sorts through here, so the WASM holds one copy of the sort's
/// code instead of one per element type (about 4 KB each).
pub fn newest_first(keys: &[(Option<&str>, u64)]) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..keys.len()).collect();
    indices.sort_by(|&a, &b| keys[b].0.cmp(&keys[a].0).then(keys[a].1.cmp(&keys[b].1)));
    indices
}

/// `items` in the order `newest_first` gave.
pub fn in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i)?.take())
        .collect()
}

impl Warning {
    /// A warning with a code and a message, and nothing to substitute.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Warning::with(code, message, Vec::new())
    }

    /// A warning with a code, its English message, and the values that message names, in the
    /// order the translations substitute them.
    pub fn with(code: &str, message: impl Into<String>, params: Vec<String>) -> Self {
        Warning {
            code: code.to_owned(),
            message: message.into(),
            params,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_is_by_day_then_tie_breaker_with_undated_last() {
        let keys = [
            (Some("2024-05-07"), 3),
            (None, 0),
            (Some("2025-01-02"), 9),
            (Some("2024-05-07"), 1),
            (Some("2023-12-31"), 0),
        ];
        let order = newest_first(&keys);
        assert_eq!(order, vec![2, 3, 0, 4, 1]);
        assert_eq!(
            in_order(vec!["a", "b", "c", "d", "e"], &order),
            vec!["c", "d", "a", "e", "b"]
        );
    }
}
