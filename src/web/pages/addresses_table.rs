//! The saved-backups page's table of a backup's saved addresses, where the address book was
//! read: page text set as text, never as markup.

use web_sys::Element;

use crate::core::address::{address_row, AddressBook, ADDRESS_COLUMNS};
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::ui::{child, text_child};

/// Fills `part` with the addresses' heading and table.
pub fn addresses_table(part: &Element, book: &AddressBook) -> Result<(), WebError> {
    let t = ChromeI18n;
    let day = book.read_at.get(..10).unwrap_or(&book.read_at);
    let count = book.addresses.len().to_string();
    text_child(part, "h3", "", &t.text(Text::ReportAddresses, &[]))?;
    text_child(
        part,
        "p",
        "meta",
        &t.text(Text::AddressesSaved, &[&count, day]),
    )?;
    let table = child(part, "table", &[], None)?;
    let thead = child(&table, "thead", &[], None)?;
    let head = child(&thead, "tr", &[], None)?;
    for column in ADDRESS_COLUMNS {
        child(&head, "th", &[("scope", "col")], Some(&t.text(column, &[])))?;
    }
    let body = child(&table, "tbody", &[], None)?;
    for address in &book.addresses {
        let row = child(&body, "tr", &[], None)?;
        for cell in address_row(address) {
            child(&row, "td", &[], Some(&cell))?;
        }
    }
    Ok(())
}
