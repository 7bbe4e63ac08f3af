//! The offline report: one self-contained HTML file that opens without a network, after the
//! account is gone. Its only script is the search box's, pinned by hash in the file's own
//! Content-Security-Policy, so it runs no script it doesn't contain; every piece of page text
//! in it is escaped.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::backup::BackupFileV1;
use super::money::sum_amounts;
use super::order::Order;
use super::parse::is_web_url;

/// The search box's script: filters rows by their text.
pub const REPORT_SCRIPT: &str = r##"document.getElementById("q").addEventListener("input",function(e){var q=e.target.value.toLowerCase();document.querySelectorAll("#orders tbody tr").forEach(function(r){r.hidden=q!==""&&r.dataset.search.indexOf(q)<0;});});"##;
/// `sha256-` of [`REPORT_SCRIPT`], base64; `tests/report.rs` recomputes it.
pub const REPORT_SCRIPT_HASH: &str = "sha256-G44Zecel4lFOoX0fPRV2ce4Oj1wMyeuOB3rJcI238xs=";

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f1f1f}h1{font-size:22px}table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}ul{margin:0;padding-left:18px}.warn{border-left:4px solid #b3261e;padding:8px 12px;background:#b3261e14}input{font:inherit;padding:6px 8px;width:min(420px,100%)}svg text{font:12px system-ui,sans-serif}@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#e3e3e3}th{background:#2b2b2b}}";

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link, only for http(s) URLs; anything else becomes plain text.
fn link(url: Option<&str>, text: &str) -> String {
    match url.filter(|u| is_web_url(u)) {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape_html(url),
            escape_html(text)
        ),
        None => escape_html(text),
    }
}

/// The report for a backup file.
pub fn report_html(file: &BackupFileV1) -> String {
    let mut html = String::new();
    let title = format!(
        "AliExpress orders – backup of {}",
        file.exported_at.get(..10).unwrap_or(&file.exported_at)
    );
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '{REPORT_SCRIPT_HASH}'\">\
<title>{}</title><style>{STYLE}</style></head><body><main><h1>{}</h1><p>{} orders from {}, saved {} by {}.</p>",
        escape_html(&title),
        escape_html(&title),
        file.orders.len(),
        escape_html(&file.site),
        escape_html(&file.exported_at),
        escape_html(&file.generator),
    );
    if file.complete {
        html.push_str("<p>This backup is complete: every order the list showed was read.</p>");
    } else {
        html.push_str("<div class=\"warn\"><p><strong>This backup is incomplete.</strong> What is missing:</p><ul>");
        for w in &file.warnings {
            let _ = write!(html, "<li>{}</li>", escape_html(&w.message));
        }
        html.push_str("</ul></div>");
    }
    totals_section(&mut html, &file.orders);
    html.push_str("<h2>Orders</h2><p><input id=\"q\" type=\"search\" aria-label=\"Search orders\" placeholder=\"Search orders, stores, products\"></p>");
    html.push_str("<table id=\"orders\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Order</th><th scope=\"col\">Status</th><th scope=\"col\">Store</th><th scope=\"col\">Items</th><th scope=\"col\">Total</th></tr></thead><tbody>");
    for order in &file.orders {
        order_row(&mut html, order);
    }
    let _ = writeln!(
        html,
        "</tbody></table></main><script>{REPORT_SCRIPT}</script></body></html>"
    );
    html
}

fn order_row(html: &mut String, o: &Order) {
    let search = format!(
        "{} {} {} {}",
        o.id,
        o.status,
        o.store.name,
        o.items
            .iter()
            .map(|i| format!("{} {}", i.title, i.variant.as_deref().unwrap_or("")))
            .collect::<Vec<_>>()
            .join(" ")
    )
    .to_lowercase();
    let items: String = o
        .items
        .iter()
        .map(|i| {
            let variant = i
                .variant
                .as_deref()
                .map(|v| format!(" ({})", escape_html(v)))
                .unwrap_or_default();
            let price = i
                .unit_price
                .as_ref()
                .map(|p| format!(" – {}", escape_html(&p.display)))
                .unwrap_or_default();
            format!(
                "<li>{} × {}{variant}{price}</li>",
                i.quantity,
                link(i.product_url.as_deref(), &i.title)
            )
        })
        .collect();
    let _ = write!(
        html,
        "<tr data-search=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><ul>{items}</ul></td><td class=\"num\">{}</td></tr>",
        escape_html(&search),
        escape_html(o.placed_on.as_deref().unwrap_or("")),
        link(Some(&o.detail_url), &o.id),
        status_cell(o),
        link(o.store.url.as_deref(), &o.store.name),
        escape_html(o.total.as_ref().map_or("", |t| t.display.as_str())),
    );
}

/// The status, and what could not be read of the order, said where it shows.
fn status_cell(o: &Order) -> String {
    let mut cell = escape_html(&o.status);
    for warning in &o.warnings {
        let _ = write!(
            cell,
            "<br><small class=\"warning\">⚠ {}</small>",
            escape_html(&warning.message)
        );
    }
    cell
}

/// Totals per year and currency, as a table and a bar chart drawn in SVG (no script).
fn totals_section(html: &mut String, orders: &[Order]) {
    let mut by_year: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for o in orders {
        if let (Some(date), Some(total)) = (&o.placed_on, &o.total) {
            by_year
                .entry((
                    date.get(..4).unwrap_or(date).to_owned(),
                    total.currency.clone(),
                ))
                .or_default()
                .push(&total.amount);
        }
    }
    let rows: Vec<(String, String, String, usize)> = by_year
        .into_iter()
        .map(|((y, c), a)| (y, c, sum_amounts(a.iter().copied()), a.len()))
        .collect();
    html.push_str("<h2>Totals per year</h2><table><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Currency</th><th scope=\"col\">Orders</th><th scope=\"col\">Total</th></tr></thead><tbody>");
    for (year, currency, total, count) in &rows {
        let _ = write!(html, "<tr><td>{}</td><td>{}</td><td class=\"num\">{count}</td><td class=\"num\">{}</td></tr>", escape_html(year), escape_html(currency), escape_html(total));
    }
    html.push_str("</tbody></table>");
    let max = rows
        .iter()
        .filter_map(|r| r.2.parse::<f64>().ok())
        .fold(0.0_f64, f64::max);
    if rows.is_empty() || max <= 0.0 {
        return;
    }
    // Bar lengths only need to look right, so floating point is fine here (amounts stay exact).
    let height = rows.len() * 24 + 8;
    let _ = write!(html, "<svg role=\"img\" aria-label=\"Total spent per year and currency\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\">");
    for (i, (year, currency, total, _)) in rows.iter().enumerate() {
        let width = (total.parse::<f64>().unwrap_or(0.0) / max * 440.0).max(1.0);
        let y = i * 24 + 4;
        let _ = write!(
            html,
            "<text x=\"0\" y=\"{}\">{} {}</text><rect x=\"90\" y=\"{y}\" width=\"{width:.1}\" height=\"18\" fill=\"#0b57d0\"/><text x=\"{:.1}\" y=\"{}\">{}</text>",
            y + 14,
            escape_html(year),
            escape_html(currency),
            96.0 + width,
            y + 14,
            escape_html(total)
        );
    }
    html.push_str("</svg>");
}
