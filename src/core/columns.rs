//! The columns of the orders and items tables, shared by the CSVs (`export`) and the
//! spreadsheet (`xlsx`): their headings, and the cells both write the same way.

use super::order::Order;
use super::text::{Text, Translate};

/// The orders' columns, by their headings: the orders CSV and the spreadsheet's Orders sheet
/// alike. The headings follow the user's language; the JSON's keys never do.
pub const ORDER_COLUMNS: [Text; 17] = [
    Text::ColOrderId,
    Text::ReportDate,
    Text::ReportStatus,
    Text::ColState,
    Text::ReportStore,
    Text::ColStoreLink,
    Text::ReportTotal,
    Text::ReportCurrency,
    Text::ColTotalAsShown,
    Text::ReportItems,
    Text::ColTracking,
    Text::ColOrderLink,
    Text::ColNotes,
    Text::ColWarnings,
    Text::ColPaymentMethod,
    Text::ColShipTo,
    Text::ColPriceBreakdown,
];

/// The items' columns, by their headings: the items CSV and the Items sheet alike.
pub const ITEM_COLUMNS: [Text; 12] = [
    Text::ColOrderId,
    Text::ReportDate,
    Text::ColOrderStatus,
    Text::ReportStore,
    Text::ColTitle,
    Text::ColVariant,
    Text::ColQuantity,
    Text::ColUnitPrice,
    Text::ReportCurrency,
    Text::ColUnitPriceAsShown,
    Text::ColProductLink,
    Text::ColPictureLink,
];

/// Columns' headings in the language `t` speaks.
pub fn headings(columns: &[Text], t: &dyn Translate) -> Vec<String> {
    columns.iter().map(|&c| t.text(c, &[])).collect()
}

/// What only the detail page shows, as the last three columns: payment method, shipping
/// address, price breakdown; empty until the page was read.
pub fn detail_columns(order: &Order) -> [String; 3] {
    order.details.as_ref().map_or_else(Default::default, |d| {
        [
            d.payment_method.clone().unwrap_or_default(),
            d.ship_to_text(),
            d.price_text(),
        ]
    })
}

/// The order's state as the JSON names it (`awaiting_payment`, `completed`…).
pub fn state_name(order: &Order) -> String {
    serde_json::to_value(order.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
