//! The offline report: one self-contained HTML file that opens without a network, after the
//! account is gone. Its only script is the search box's, pinned by hash in the file's own
//! Content-Security-Policy, so it runs no script it doesn't contain; every piece of page text
//! in it is escaped.

use std::fmt::Write;

use super::backup::BackupFileV1;
use super::not_kept::NOT_KEPT;
use super::order::Order;
use super::parse::is_web_url;
use super::report_charts;

/// The search box's script: filters rows by their text.
pub const REPORT_SCRIPT: &str = r##"document.getElementById("q").addEventListener("input",function(e){var q=e.target.value.toLowerCase();document.querySelectorAll("#orders tbody tr").forEach(function(r){r.hidden=q!==""&&r.dataset.search.indexOf(q)<0;});});"##;
/// `sha256-` of [`REPORT_SCRIPT`], base64; `tests/report.rs` recomputes it.
pub const REPORT_SCRIPT_HASH: &str = "sha256-G44Zecel4lFOoX0fPRV2ce4Oj1wMyeuOB3rJcI238xs=";

/// The report's style. In print ("Print to PDF", the better form of the screenshots the guides
/// advise) each order becomes one block of labelled lines, with its items, never split across
/// pages; the search box is left out.
const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f1f1f}h1{font-size:22px}table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}ul{margin:0;padding-left:18px}.warn{border-left:4px solid #b3261e;padding:8px 12px;background:#b3261e14}input{font:inherit;padding:6px 8px;width:min(420px,100%)}svg text{font:12px system-ui,sans-serif}@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#e3e3e3}th{background:#2b2b2b}}@media print{body{margin:0;font-size:10.5pt;background:#fff;color:#000}.search{display:none}svg{max-width:100%;height:auto}h2,h3{break-after:avoid}.chart{break-inside:avoid}#orders,#orders tbody,#orders tr,#orders td{display:block;width:auto}#orders thead{display:none}#orders tr{box-sizing:border-box;border:1px solid #999;padding:6px 8px;margin:0 0 8px;break-inside:avoid}#orders tr[hidden]{display:none}#orders td{border:0;padding:1px 0;text-align:left}#orders td::before{content:attr(data-label) \": \";font-weight:600}a{color:inherit;text-decoration:none}}";

pub use super::html::escape_html;

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
    not_kept_section(&mut html);
    totals_section(&mut html, &file.orders);
    report_charts::spending(&mut html, &file.orders);
    report_charts::top_stores(&mut html, &file.orders);
    report_charts::by_status(&mut html, &file.orders);
    html.push_str("<h2>Orders</h2><p class=\"search\"><input id=\"q\" type=\"search\" aria-label=\"Search orders\" placeholder=\"Search orders, stores, products\"></p>");
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
        "<tr data-search=\"{}\"><td data-label=\"Date\">{}</td><td data-label=\"Order\">{}</td><td data-label=\"Status\">{}</td><td data-label=\"Store\">{}</td><td data-label=\"Items\"><ul>{items}</ul></td><td class=\"num\" data-label=\"Total\">{}</td></tr>",
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

/// What this backup does not hold (`core::not_kept`), with where to look for it while the
/// account is still open.
fn not_kept_section(html: &mut String) {
    html.push_str("<h2>Not in this backup</h2><ul class=\"not-kept\">");
    for left_out in NOT_KEPT {
        let (what, advice) = left_out.report_en;
        let _ = write!(
            html,
            "<li data-not-kept=\"{}\">{}: {}</li>",
            left_out.id,
            link(Some(left_out.url), what),
            escape_html(advice)
        );
    }
    html.push_str("</ul>");
}

/// Totals per year and currency, as a table (the charts follow it, `report_charts`).
fn totals_section(html: &mut String, orders: &[Order]) {
    html.push_str("<h2>Totals per year</h2><table><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Currency</th><th scope=\"col\">Orders</th><th scope=\"col\">Total</th></tr></thead><tbody>");
    for ((year, currency), (total, count)) in report_charts::totals_by(orders, |d| d.get(..4)) {
        let _ = write!(html, "<tr><td>{}</td><td>{}</td><td class=\"num\">{count}</td><td class=\"num\">{}</td></tr>", escape_html(&year), escape_html(&currency), escape_html(&total));
    }
    html.push_str("</tbody></table>");
}
