//! The offline report's charts (issue 16, point 6): spending per year and per month, the
//! stores bought from most, and orders by status. Each is inline SVG drawn here, with no
//! library and nothing fetched, and each bar carries a `<title>` with its exact figure, so a
//! screen reader and a printed page both have the numbers. Amounts are summed exactly
//! (`money::sum_amounts`); only bar lengths use floating point.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::html::escape_html;
use super::money::sum_amounts;
use super::order::Order;
use super::status::OrderState;
use super::text::{Text, Translate};

/// How many stores the "bought from most" chart names.
pub const TOP_STORES: usize = 10;

/// One bar: its label, the figure it shows (exact text), and its length's measure.
struct Bar {
    label: String,
    figure: String,
    measure: f64,
}

/// A horizontal bar chart, one bar a row, as inline SVG named `name`.
fn bar_chart(html: &mut String, name: &str, bars: &[Bar]) {
    let height = bars.len() * 24 + 8;
    let Some(max) = open_chart(html, name, bars, height) else {
        return;
    };
    for (i, bar) in bars.iter().enumerate() {
        let width = (bar.measure / max * 250.0).max(1.0);
        let y = i * 24 + 4;
        let label: String = bar.label.chars().take(30).collect();
        let _ = write!(
            html,
            "<g><title>{}: {}</title><text x=\"0\" y=\"{}\">{}</text><rect x=\"200\" y=\"{y}\" width=\"{width:.1}\" height=\"18\" fill=\"#0b57d0\"/><text x=\"{:.1}\" y=\"{}\">{}</text></g>",
            escape_html(&bar.label),
            escape_html(&bar.figure),
            y + 14,
            escape_html(&label),
            206.0 + width,
            y + 14,
            escape_html(&bar.figure)
        );
    }
    html.push_str("</svg>");
}

/// A column chart, one thin column a bar in the order given (months), as inline SVG named
/// `name`: compact enough for ten years of months. Only each year's first column is labelled;
/// every column's `<title>` has its month and figure.
fn column_chart(html: &mut String, name: &str, bars: &[Bar]) {
    let Some(max) = open_chart(html, name, bars, 200) else {
        return;
    };
    let step = (600.0 / bars.len() as f64).min(24.0);
    let mut last_year = "";
    for (i, bar) in bars.iter().enumerate() {
        let height = (bar.measure / max * 160.0).max(1.0);
        let x = 20.0 + i as f64 * step;
        let _ = write!(
            html,
            "<g><title>{}: {}</title><rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{height:.1}\" fill=\"#0b57d0\"/></g>",
            escape_html(&bar.label),
            escape_html(&bar.figure),
            170.0 - height,
            (step - 1.0).max(1.0),
        );
        let year = bar.label.get(..4).unwrap_or("");
        if year != last_year {
            last_year = year;
            let _ = write!(
                html,
                "<text x=\"{x:.1}\" y=\"190\">{}</text>",
                escape_html(year)
            );
        }
    }
    html.push_str("</svg>");
}

/// Opens a chart's `<svg>`, `height` high and named `name`, and gives the largest measure;
/// `None`, and nothing written, when there is nothing to draw.
fn open_chart(html: &mut String, name: &str, bars: &[Bar], height: usize) -> Option<f64> {
    let max = bars.iter().map(|b| b.measure).fold(0.0_f64, f64::max);
    if bars.is_empty() || max <= 0.0 {
        return None;
    }
    let _ = write!(
        html,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\">",
        escape_html(name)
    );
    Some(max)
}

/// Exact sums and order counts by `(key, currency)`.
pub(super) type Totals = BTreeMap<(String, String), (String, usize)>;

/// Each order's total by `key` (a year, a month) and currency: exact sums and order counts.
pub(super) fn totals_by<'a>(
    orders: &'a [Order],
    key: impl Fn(&'a str) -> Option<&'a str>,
) -> Totals {
    let mut amounts: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for o in orders {
        let (Some(date), Some(total)) = (&o.placed_on, &o.total) else {
            continue;
        };
        if let Some(key) = key(date) {
            amounts
                .entry((key.to_owned(), total.currency.clone()))
                .or_default()
                .push(&total.amount);
        }
    }
    amounts
        .into_iter()
        .map(|(k, a)| (k, (sum_amounts(a.iter().copied()), a.len())))
        .collect()
}

/// Spending per year and per month, one chart per currency (amounts in different currencies
/// are never added together); `by_year` is [`totals_by`] year, which the totals table shows
/// too.
pub(super) fn spending(html: &mut String, orders: &[Order], by_year: &Totals, t: &dyn Translate) {
    let _ = write!(
        html,
        "<h2>{}</h2>",
        escape_html(&t.text(Text::ReportSpendingHeading, &[]))
    );
    let by_month = totals_by(orders, |d| d.get(..7));
    let currencies: Vec<&String> = {
        let mut seen: Vec<&String> = by_year.keys().map(|(_, c)| c).collect();
        seen.sort();
        seen.dedup();
        seen
    };
    if currencies.is_empty() {
        let _ = write!(
            html,
            "<p>{}</p>",
            escape_html(&t.text(Text::ReportNoSpending, &[]))
        );
        return;
    }
    for currency in currencies {
        for (per_year, totals) in [(true, by_year), (false, &by_month)] {
            let bars: Vec<Bar> = totals
                .iter()
                .filter(|((_, c), _)| c == currency)
                .map(|((key, _), (sum, count))| Bar {
                    label: key.clone(),
                    figure: format!("{sum} {currency} ({})", orders_count(t, *count)),
                    measure: sum.parse().unwrap_or(0.0),
                })
                .collect();
            let title = if per_year {
                Text::ReportSpendingPerYear
            } else {
                Text::ReportSpendingPerMonth
            };
            let name = t.text(title, &[currency]);
            let _ = write!(html, "<h3>{}</h3>", escape_html(&name));
            if per_year {
                bar_chart(html, &name, &bars);
            } else {
                column_chart(html, &name, &bars);
            }
        }
    }
}

/// The stores with the most orders, most first (ties by name).
pub(super) fn top_stores(html: &mut String, orders: &[Order], t: &dyn Translate) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in orders.iter().filter(|o| !o.store.name.is_empty()) {
        *counts.entry(o.store.name.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top = ranked
        .into_iter()
        .take(TOP_STORES)
        .map(|(store, count)| (store.to_owned(), count));
    count_chart(html, Text::ReportTopStores, top, t);
}

/// How many orders are in each state, in the order a shopper reads them.
pub(super) fn by_status(html: &mut String, orders: &[Order], t: &dyn Translate) {
    let states = STATE_NAMES
        .iter()
        .map(|&(state, name)| (name, orders.iter().filter(|o| o.state == state).count()))
        .filter(|&(_, count)| count > 0)
        .map(|(name, count)| (t.text(name, &[]), count));
    count_chart(html, Text::ReportByStatus, states, t);
}

/// A headed bar chart of order counts: one bar a `(label, count)`, in the order given.
fn count_chart(
    html: &mut String,
    heading: Text,
    counts: impl Iterator<Item = (String, usize)>,
    t: &dyn Translate,
) {
    let bars: Vec<Bar> = counts
        .map(|(label, count)| Bar {
            label,
            figure: orders_count(t, count),
            measure: count as f64,
        })
        .collect();
    let name = t.text(heading, &[]);
    let _ = write!(html, "<h2>{}</h2>", escape_html(&name));
    bar_chart(html, &name, &bars);
}

/// "1 order", "3 orders" (languages whose plurals have more forms say "orders: 3").
fn orders_count(t: &dyn Translate, count: usize) -> String {
    if count == 1 {
        t.text(Text::ReportOneOrder, &[])
    } else {
        t.text(Text::ReportOrderCount, &[&count.to_string()])
    }
}

/// Each state's name in the report, in the order a shopper reads them.
pub const STATE_NAMES: [(OrderState, Text); 6] = [
    (OrderState::Completed, Text::ReportStateCompleted),
    (OrderState::Closed, Text::ReportStateClosed),
    (
        OrderState::AwaitingPayment,
        Text::ReportStateAwaitingPayment,
    ),
    (
        OrderState::AwaitingShipment,
        Text::ReportStateAwaitingShipment,
    ),
    (
        OrderState::AwaitingDelivery,
        Text::ReportStateAwaitingDelivery,
    ),
    (OrderState::Unknown, Text::ReportStateUnknown),
];
