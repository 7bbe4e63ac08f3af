//! The saved addresses as rows: the addresses CSV, the Addresses sheet and the report's table
//! share these columns.

use crate::core::html::escape_html;
use crate::core::text::{Text, Translate};

use super::types::{AddressBook, SavedAddress};

/// The addresses' columns, by their headings.
pub const ADDRESS_COLUMNS: [Text; 9] = [
    Text::ColName,
    Text::ColPhone,
    Text::ColStreet,
    Text::ColCity,
    Text::ColRegion,
    Text::ColPostcode,
    Text::ColCountry,
    Text::ColDefault,
    Text::ColAsShown,
];

/// One address under [`ADDRESS_COLUMNS`]; a field the page didn't tell apart is empty, and
/// the last column holds every line as shown.
pub fn address_row(a: &SavedAddress) -> [String; 9] {
    let field = |f: &Option<String>| f.clone().unwrap_or_default();
    [
        field(&a.name),
        field(&a.phone),
        field(&a.street),
        field(&a.city),
        field(&a.region),
        field(&a.postcode),
        field(&a.country),
        if a.is_default {
            "✓".to_owned()
        } else {
            String::new()
        },
        a.one_line(),
    ]
}

/// Every saved address's row, none where the address book was never read.
pub fn address_rows(book: Option<&AddressBook>) -> Vec<[String; 9]> {
    book.map_or_else(Vec::new, |b| b.addresses.iter().map(address_row).collect())
}

/// The report's table of saved addresses, where the address book was read: headings in the
/// user's language, every page text escaped.
pub fn report_section(html: &mut String, book: Option<&AddressBook>, t: &dyn Translate) {
    let Some(book) = book else { return };
    let say = |text: Text| escape_html(&t.text(text, &[]));
    html.push_str(&format!(
        "<h2>{}</h2><table id=\"addresses\"><thead><tr>",
        say(Text::ReportAddresses)
    ));
    for column in ADDRESS_COLUMNS {
        html.push_str(&format!("<th scope=\"col\">{}</th>", say(column)));
    }
    html.push_str("</tr></thead><tbody>");
    for address in &book.addresses {
        html.push_str("<tr>");
        for (column, cell) in ADDRESS_COLUMNS.iter().zip(address_row(address)) {
            html.push_str(&format!(
                "<td data-label=\"{}\">{}</td>",
                say(*column),
                escape_html(&cell)
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}
