//! The offline report's charts (`core::report_charts`): each bar's `<title>` holds its exact
//! figure, checked here against figures worked out by hand for a small, known history.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/messages.rs"]
mod messages;

use exit_assistant::core::backup::Backup;
use exit_assistant::core::money::Money;
use exit_assistant::core::order::{Order, Store};
use exit_assistant::core::parse::ListedOrder;
use exit_assistant::core::report::report_html;
use exit_assistant::core::status::OrderState;

fn order(
    id: &str,
    date: &str,
    total: Option<(&str, &str)>,
    store: &str,
    state: OrderState,
) -> ListedOrder {
    ListedOrder {
        order: Order {
            id: id.to_owned(),
            placed_on: Some(date.to_owned()),
            status: String::new(),
            state,
            store: Store {
                name: store.to_owned(),
                url: None,
            },
            total: total.map(|(amount, currency)| Money {
                amount: amount.to_owned(),
                currency: currency.to_owned(),
                display: format!("{amount} {currency}"),
            }),
            items: Vec::new(),
            tracking_numbers: Vec::new(),
            detail_url: format!("https://www.aliexpress.com/p/order/detail.html?orderId={id}"),
            notes: Vec::new(),
            warnings: Vec::new(),
            read_by: None,
            deleted: false,
            details: None,
        },
        needs_detail: false,
    }
}

fn report_of(orders: &[ListedOrder]) -> String {
    report_in(orders, "en")
}

fn report_in(orders: &[ListedOrder], locale: &str) -> String {
    let mut backup = Backup::new("www.aliexpress.com", "t");
    backup.add_listed(orders, "t");
    backup.list_exhausted = true;
    report_html(
        &backup.to_file("2026-12-04T10:00:00Z", "test"),
        &messages::Messages::load(locale),
    )
}

/// The figures of the chart named `name`, from its bars' titles, in order.
fn chart(html: &str, name: &str) -> Vec<String> {
    let start = html
        .find(&format!("aria-label=\"{name}\""))
        .unwrap_or_else(|| panic!("no chart {name}"));
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    svg.split("<title>")
        .skip(1)
        .map(|t| t[..t.find("</title>").unwrap()].to_owned())
        .collect()
}

#[test]
fn spending_is_summed_exactly_per_year_and_month_and_never_across_currencies() {
    use OrderState::*;
    let html = report_of(&[
        order(
            "1000000000000001",
            "2024-01-15",
            Some(("10.50", "USD")),
            "Alpha",
            Completed,
        ),
        order(
            "1000000000000002",
            "2024-01-20",
            Some(("4.25", "USD")),
            "Alpha",
            Closed,
        ),
        order(
            "1000000000000003",
            "2024-03-02",
            Some(("100.00", "USD")),
            "Beta",
            Completed,
        ),
        order(
            "1000000000000004",
            "2025-02-01",
            Some(("7.10", "EUR")),
            "Gamma",
            AwaitingDelivery,
        ),
        order("1000000000000005", "2025-02-03", None, "Alpha", Completed),
    ]);
    assert_eq!(
        chart(&html, "Spending per year in USD"),
        ["2024: 114.75 USD (3 orders)"]
    );
    assert_eq!(
        chart(&html, "Spending per month in USD"),
        [
            "2024-01: 14.75 USD (2 orders)",
            "2024-03: 100.00 USD (1 order)"
        ]
    );
    assert_eq!(
        chart(&html, "Spending per year in EUR"),
        ["2025: 7.10 EUR (1 order)"]
    );
    assert_eq!(
        chart(&html, "Spending per month in EUR"),
        ["2025-02: 7.10 EUR (1 order)"]
    );
    // An order without a total counts for its store and status, not for spending.
    assert_eq!(
        chart(&html, "Stores you bought from most"),
        ["Alpha: 3 orders", "Beta: 1 order", "Gamma: 1 order"]
    );
    assert_eq!(
        chart(&html, "Orders by status"),
        [
            "Completed: 3 orders",
            "Cancelled or closed: 1 order",
            "On the way: 1 order"
        ]
    );
}

#[test]
fn the_stores_chart_names_the_ten_with_most_orders() {
    let mut orders = Vec::new();
    // Store k has k + 1 orders: "Store 11" most, then "Store 10", … down to "Store 00".
    for k in 0..12usize {
        for n in 0..=k {
            let id = format!("2{k:02}{n:013}");
            orders.push(order(
                &id,
                "2025-05-05",
                Some(("1.00", "USD")),
                &format!("Store {k:02}"),
                OrderState::Completed,
            ));
        }
    }
    let figures = chart(&report_of(&orders), "Stores you bought from most");
    let expected: Vec<String> = (2..12)
        .rev()
        .map(|k| format!("Store {k:02}: {} orders", k + 1))
        .collect();
    assert_eq!(figures, expected);
}

#[test]
fn page_text_in_a_chart_is_only_text() {
    let html = report_of(&[order(
        "1000000000000001",
        "2024-01-15",
        Some(("1.00", "USD")),
        "<img src=x onerror=alert(1)>",
        OrderState::Completed,
    )]);
    assert!(!html.contains("<img"), "a store name added no element");
    assert!(chart(&html, "Stores you bought from most")[0].starts_with("&lt;img"));
}

#[test]
fn the_report_speaks_the_users_language() {
    use OrderState::*;
    let orders = [
        order(
            "1000000000000001",
            "2024-01-15",
            Some(("10.50", "EUR")),
            "Alpha",
            Completed,
        ),
        order(
            "1000000000000002",
            "2024-01-20",
            Some(("4.25", "EUR")),
            "Alpha",
            Closed,
        ),
    ];
    let html = report_in(&orders, "de");
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("<h1>AliExpress-Bestellungen – Sicherung vom 2026-12-04</h1>"));
    assert!(html.contains(
        "<p>2 Bestellungen von www.aliexpress.com, gesichert am 2026-12-04T10:00:00Z mit test.</p>"
    ));
    assert_eq!(
        chart(&html, "Ausgaben pro Jahr in EUR"),
        ["2024: 14.75 EUR (2 Bestellungen)"]
    );
    assert_eq!(
        chart(&html, "Bestellungen nach Status"),
        [
            "Abgeschlossen: 1 Bestellung",
            "Storniert oder geschlossen: 1 Bestellung"
        ]
    );
    assert!(
        html.contains("<td data-label=\"Datum\">2024-01-15</td>"),
        "a printed record's labels are German too"
    );
    assert!(
        html.contains("Nicht in dieser Sicherung") && html.contains("Nachrichten mit Verkäufern")
    );
    for english in [
        "Totals per year",
        "Orders by status",
        "Search orders",
        "Not in this backup",
    ] {
        assert!(!html.contains(english), "no English left: {english}");
    }
}
