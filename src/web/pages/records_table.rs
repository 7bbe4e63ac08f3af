//! The saved-backups page's tables of what a backup keeps beside its orders: the address
//! book's addresses and the reviews, where they were read. Page text is set as text, never as
//! markup.

use web_sys::Element;

use crate::core::address::{address_row, AddressBook, ADDRESS_COLUMNS};
use crate::core::review::{review_row, ReviewLog, REVIEW_COLUMNS};
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::ui::{child, text_child};

/// The day of an ISO timestamp.
fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

/// Fills `part` with the addresses' heading and table.
pub fn addresses_table(part: &Element, book: &AddressBook) -> Result<(), WebError> {
    let t = ChromeI18n;
    let count = book.addresses.len().to_string();
    let meta = t.text(Text::AddressesSaved, &[&count, day(&book.read_at)]);
    let rows = book.addresses.iter().map(address_row);
    table(part, Text::ReportAddresses, &meta, &ADDRESS_COLUMNS, rows)
}

/// Fills `part` with the reviews' heading, how complete they are, and their table.
pub fn reviews_table(part: &Element, log: &ReviewLog) -> Result<(), WebError> {
    let t = ChromeI18n;
    let count = log.reviews.len().to_string();
    let mut meta = t.text(Text::ReviewsSaved, &[&count, day(&log.read_at)]);
    if !log.complete {
        meta.push(' ');
        meta.push_str(&t.text(Text::ReviewsPartial, &[&count, &log.pages.to_string()]));
    }
    let rows = log.reviews.iter().map(review_row);
    table(part, Text::ReportReviews, &meta, &REVIEW_COLUMNS, rows)
}

fn table<const N: usize>(
    part: &Element,
    heading: Text,
    meta: &str,
    columns: &[Text; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<(), WebError> {
    let t = ChromeI18n;
    text_child(part, "h3", "", &t.text(heading, &[]))?;
    text_child(part, "p", "meta", meta)?;
    let table = child(part, "table", &[], None)?;
    let thead = child(&table, "thead", &[], None)?;
    let head = child(&thead, "tr", &[], None)?;
    for column in columns {
        child(
            &head,
            "th",
            &[("scope", "col")],
            Some(&t.text(*column, &[])),
        )?;
    }
    let body = child(&table, "tbody", &[], None)?;
    for cells in rows {
        let row = child(&body, "tr", &[], None)?;
        for cell in cells {
            child(&row, "td", &[], Some(&cell))?;
        }
    }
    Ok(())
}
