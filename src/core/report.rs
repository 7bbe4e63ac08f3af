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
use super::text::{Text, Translate};

/// The search box's script: filters rows by their text.
pub const REPORT_SCRIPT: &str = r##"document.getElementById("q").addEventListener("input",function(e){var q=e.target.value.toLowerCase();document.querySelectorAll("#orders tbody tr").forEach(function(r){r.hidden=q!==""&&r.dataset.search.indexOf(q)<0;});});"##;
/// `sha256-` of [`REPORT_SCRIPT`], base64; `tests/report.rs` recomputes it.
pub const REPORT_SCRIPT_HASH: &str = "sha256-G44Zecel4lFOoX0fPRV2ce4Oj1wMyeuOB3rJcI238xs=";

/// The report's style. In print ("Print to PDF", the better form of the screenshots the guides
/// advise) each order becomes one block of labelled lines, with its items, never split across
/// pages; the search box is left out.
const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f1f1f}h1{font-size:22px}table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}ul{margin:0;padding-left:18px}dl.details{margin:6px 0 0;font-size:13px}dl.details dt{font-weight:600;margin-top:4px}dl.details dd{margin:0}.warn{border-left:4px solid #b3261e;padding:8px 12px;background:#b3261e14}input{font:inherit;padding:6px 8px;width:min(420px,100%)}svg text{font:12px system-ui,sans-serif}@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#e3e3e3}th{background:#2b2b2b}}@media print{body{margin:0;font-size:10.5pt;background:#fff;color:#000}.search{display:none}svg{max-width:100%;height:auto}h2,h3{break-after:avoid}.chart{break-inside:avoid}#orders,#orders tbody,#orders tr,#orders td{display:block;width:auto}#orders thead{display:none}#orders tr{box-sizing:border-box;border:1px solid #999;padding:6px 8px;margin:0 0 8px;break-inside:avoid}#orders tr[hidden]{display:none}#orders td{border:0;padding:1px 0;text-align:left}#orders td::before{content:attr(data-label) \": \";font-weight:600}a{color:inherit;text-decoration:none}}";

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

/// The report for a backup file, its words in the language `t` speaks (the page report's and
/// the backup's own words, such as its warnings, stay as they are).
pub fn report_html(file: &BackupFileV1, t: &dyn Translate) -> String {
    let say = |text: Text, subs: &[&str]| escape_html(&t.text(text, subs));
    let mut html = String::new();
    let title = say(
        Text::ReportTitle,
        &[file.exported_at.get(..10).unwrap_or(&file.exported_at)],
    );
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '{REPORT_SCRIPT_HASH}'\">\
<title>{title}</title><style>{STYLE}</style></head><body><main><h1>{title}</h1><p>{}</p>",
        say(Text::ReportLang, &[]),
        say(
            Text::ReportLead,
            &[
                &file.orders.len().to_string(),
                &file.site,
                &file.exported_at,
                &file.generator
            ]
        ),
    );
    if file.complete {
        let _ = write!(html, "<p>{}</p>", say(Text::ReportComplete, &[]));
    } else {
        let _ = write!(
            html,
            "<div class=\"warn\"><p><strong>{}</strong> {}</p><ul>",
            say(Text::ReportIncomplete, &[]),
            say(Text::ReportMissing, &[])
        );
        for w in &file.warnings {
            let _ = write!(html, "<li>{}</li>", escape_html(&w.message));
        }
        html.push_str("</ul></div>");
    }
    not_kept_section(&mut html, t);
    // Worked out once: the totals table and the yearly chart both show it.
    let by_year = report_charts::totals_by(&file.orders, |d| d.get(..4));
    totals_section(&mut html, &by_year, t);
    report_charts::spending(&mut html, &file.orders, &by_year, t);
    report_charts::top_stores(&mut html, &file.orders, t);
    report_charts::by_status(&mut html, &file.orders, t);
    super::address::report_section(&mut html, file.address_book.as_ref(), t);
    super::review::report_section(&mut html, file.reviews.as_ref(), t);
    let _ = write!(
        html,
        "<h2>{}</h2><p class=\"search\"><input id=\"q\" type=\"search\" aria-label=\"{}\" placeholder=\"{}\"></p>",
        say(Text::ReportOrders, &[]),
        say(Text::ReportSearchLabel, &[]),
        say(Text::ReportSearchPlaceholder, &[])
    );
    // The columns' names, also each cell's label when printed (one block per order).
    let columns = [
        Text::ReportDate,
        Text::ReportOrder,
        Text::ReportStatus,
        Text::ReportStore,
        Text::ReportItems,
        Text::ReportTotal,
    ]
    .map(|c| say(c, &[]));
    let detail_labels = [
        Text::ColTracking,
        Text::ColPaymentMethod,
        Text::ColShipTo,
        Text::ColPriceBreakdown,
    ]
    .map(|c| say(c, &[]));
    html.push_str("<table id=\"orders\"><thead><tr>");
    for column in &columns {
        let _ = write!(html, "<th scope=\"col\">{column}</th>");
    }
    html.push_str("</tr></thead><tbody>");
    for order in &file.orders {
        order_row(&mut html, order, &columns, &detail_labels);
    }
    let _ = writeln!(
        html,
        "</tbody></table></main><script>{REPORT_SCRIPT}</script></body></html>"
    );
    html
}

/// One order's row; `labels` are the columns' names, `detail_labels` those of what the
/// detail page adds, all already escaped.
fn order_row(html: &mut String, o: &Order, labels: &[String; 6], detail_labels: &[String; 4]) {
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
    let details = details_list(o, detail_labels);
    let [date, order, status, store, items_label, total] = labels;
    let _ = write!(
        html,
        "<tr data-search=\"{}\"><td data-label=\"{date}\">{}</td><td data-label=\"{order}\">{}</td><td data-label=\"{status}\">{}</td><td data-label=\"{store}\">{}</td><td data-label=\"{items_label}\"><ul>{items}</ul>{details}</td><td class=\"num\" data-label=\"{total}\">{}</td></tr>",
        escape_html(&search),
        escape_html(o.placed_on.as_deref().unwrap_or("")),
        link(Some(&o.detail_url), &o.id),
        status_cell(o),
        link(o.store.url.as_deref(), &o.store.name),
        escape_html(o.total.as_ref().map_or("", |t| t.display.as_str())),
    );
}

/// Under the items: the tracking numbers, and what the detail page showed (payment, address,
/// price breakdown), each only where there is something to show.
fn details_list(o: &Order, labels: &[String; 4]) -> String {
    let [tracking, payment, ship_to, prices] = labels;
    let mut rows = Vec::new();
    if !o.tracking_numbers.is_empty() {
        rows.push((tracking, escape_html(&o.tracking_numbers.join(", "))));
    }
    if let Some(d) = &o.details {
        if let Some(method) = &d.payment_method {
            rows.push((payment, escape_html(method)));
        }
        if !d.ship_to.is_empty() {
            rows.push((ship_to, escape_html(&d.ship_to_text())));
        }
        if !d.price_lines.is_empty() {
            let lines: String = d
                .price_lines
                .iter()
                // The name, then the value, without a colon: on paper a record's own labels
                // end in one ("Total: "), a price row's name never does.
                .map(|l| {
                    format!(
                        "<li>{} {}</li>",
                        escape_html(&l.label),
                        escape_html(&l.shown)
                    )
                })
                .collect();
            rows.push((prices, format!("<ul>{lines}</ul>")));
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let rows: String = rows
        .into_iter()
        .map(|(label, value)| format!("<dt>{label}</dt><dd>{value}</dd>"))
        .collect();
    format!("<dl class=\"details\">{rows}</dl>")
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
/// account is still open: the panel's own words.
fn not_kept_section(html: &mut String, t: &dyn Translate) {
    let _ = write!(
        html,
        "<h2>{}</h2><ul class=\"not-kept\">",
        escape_html(&t.text(Text::ReportNotKeptHeading, &[]))
    );
    for left_out in NOT_KEPT {
        let _ = write!(
            html,
            "<li data-not-kept=\"{}\">{}: {}</li>",
            left_out.id,
            link(Some(left_out.url), &t.text(left_out.what, &[])),
            escape_html(&t.text(left_out.advice, &[]))
        );
    }
    html.push_str("</ul>");
}

/// Totals per year and currency, as a table (the charts follow it, `report_charts`).
fn totals_section(html: &mut String, by_year: &report_charts::Totals, t: &dyn Translate) {
    let say = |text: Text| escape_html(&t.text(text, &[]));
    let _ = write!(
        html,
        "<h2>{}</h2><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        say(Text::ReportTotalsHeading),
        say(Text::ReportYear),
        say(Text::ReportCurrency),
        say(Text::ReportOrders),
        say(Text::ReportTotal)
    );
    for ((year, currency), (total, count)) in by_year {
        let _ = write!(html, "<tr><td>{}</td><td>{}</td><td class=\"num\">{count}</td><td class=\"num\">{}</td></tr>", escape_html(year), escape_html(currency), escape_html(total));
    }
    html.push_str("</tbody></table>");
}
