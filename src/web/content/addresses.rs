//! The address book's addresses: read from the page, and kept in the site's backup when the
//! person asks (`Effect::SaveAddresses`).

use web_sys::Document;

use crate::core::address::{read_addresses, AddressBook, SavedAddress};
use crate::core::backup::HEAD_ADDRESS_BOOK;
use crate::core::order::ReadBy;
use crate::core::run_end::Ending;

use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::ext_api;

use super::head_field;

/// The addresses the page shows, and which reader found them.
pub fn on_page(doc: &Document) -> (Vec<SavedAddress>, ReadBy) {
    match doc.document_element() {
        Some(root) => read_addresses(&WebNode(root)),
        None => (Vec::new(), ReadBy::Structure),
    }
}

/// Reads the page's addresses and keeps them in `site`'s backup, replacing what an earlier
/// reading kept. Only the head's `address_book` changes. `Err(ending)` where another tab's
/// backup run holds the backup.
pub async fn save(doc: &Document, site: &str, me: &str) -> Result<Result<(), Ending>, WebError> {
    let (addresses, read_by) = on_page(doc);
    if addresses.is_empty() {
        return Err(WebError::new("no address on the page"));
    }
    let book = AddressBook {
        addresses,
        read_at: String::from(js_sys::Date::new_0().to_iso_string()),
        read_by,
    };
    let value = ext_api::to_js(&book)?;
    head_field::write(site, me, HEAD_ADDRESS_BOOK, &value, |backup| {
        backup.address_book = Some(book);
    })
    .await
}
