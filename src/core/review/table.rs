//! The reviews as rows: the reviews CSV, the Reviews sheet and the report's table share these
//! columns.

use crate::core::html::escape_html;
use crate::core::text::{Text, Translate};

use super::types::{Review, ReviewLog};

/// The reviews' columns, by their headings.
pub const REVIEW_COLUMNS: [Text; 8] = [
    Text::ReportDate,
    Text::ColOrderId,
    Text::ColTitle,
    Text::ColProductId,
    Text::ColStars,
    Text::ColReviewText,
    Text::ColPhotos,
    Text::ColAsShown,
];

/// One review under [`REVIEW_COLUMNS`]; a field the page didn't tell apart is empty, and the
/// last column holds every line as shown.
pub fn review_row(r: &Review) -> [String; 8] {
    let field = |f: &Option<String>| f.clone().unwrap_or_default();
    [
        field(&r.date),
        field(&r.order_id),
        field(&r.product),
        field(&r.product_id),
        r.stars.map(|s| s.to_string()).unwrap_or_default(),
        field(&r.text),
        r.photos.to_string(),
        r.shown.join(" · "),
    ]
}

/// Every review's row, none where the feedback page was never read.
pub fn review_rows(log: Option<&ReviewLog>) -> Vec<[String; 8]> {
    log.map_or_else(Vec::new, |l| l.reviews.iter().map(review_row).collect())
}

/// The report's table of reviews, where the feedback page was read: headings in the user's
/// language, a line where the reading did not reach the last page, every page text escaped.
pub fn report_section(html: &mut String, log: Option<&ReviewLog>, t: &dyn Translate) {
    let Some(log) = log else { return };
    let say = |text: Text, args: &[&str]| escape_html(&t.text(text, args));
    html.push_str(&format!("<h2>{}</h2>", say(Text::ReportReviews, &[])));
    if !log.complete {
        let count = log.reviews.len().to_string();
        let pages = log.pages.to_string();
        html.push_str(&format!(
            "<p class=\"gap\">{}</p>",
            say(Text::ReviewsPartial, &[&count, &pages])
        ));
    }
    html.push_str("<table id=\"reviews\"><thead><tr>");
    for column in REVIEW_COLUMNS {
        html.push_str(&format!("<th scope=\"col\">{}</th>", say(column, &[])));
    }
    html.push_str("</tr></thead><tbody>");
    for review in &log.reviews {
        html.push_str("<tr>");
        for (column, cell) in REVIEW_COLUMNS.iter().zip(review_row(review)) {
            html.push_str(&format!(
                "<td data-label=\"{}\">{}</td>",
                say(*column, &[]),
                escape_html(&cell)
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}
