//! The address book's addresses: read from the page, and kept in the site's backup when the
//! person asks (`Effect::SaveAddresses`).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::Document;

use crate::core::address::{read_addresses, AddressBook, SavedAddress};
use crate::core::backup::{storage_key, Backup};
use crate::core::order::ReadBy;
use crate::core::run_end::Ending;

use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::ext_api;
use crate::web::run_lease::Writer;
use crate::web::saved;

/// The addresses the page shows, and which reader found them.
pub fn on_page(doc: &Document) -> (Vec<SavedAddress>, ReadBy) {
    match doc.document_element() {
        Some(root) => read_addresses(&WebNode(root)),
        None => (Vec::new(), ReadBy::Structure),
    }
}

/// Reads the page's addresses and keeps them in `site`'s backup, replacing what an earlier
/// reading kept. Only the head's `address_book` changes: the orders, their digest and the
/// watch list are written as they were. `Err(ending)` where another tab's backup run holds
/// the backup (it would write its own head over this one).
pub async fn save(doc: &Document, site: &str, me: &str) -> Result<Result<(), Ending>, WebError> {
    let (addresses, read_by) = on_page(doc);
    if addresses.is_empty() {
        return Err(WebError::new("no address on the page"));
    }
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let book = AddressBook {
        addresses,
        read_at: now.clone(),
        read_by,
    };
    let mut writer = match Writer::take(site, me).await? {
        Ok(writer) => writer,
        Err(refused) => return Ok(Err(refused.ending())),
    };
    let key = storage_key(site);
    let stored = ext_api::storage_get_raw(&JsValue::from_str(&key)).await?;
    let head = Reflect::get(&stored, &key.clone().into())?;
    let items = if head.is_undefined() {
        // No backup yet: one that holds the addresses alone, and says its orders are missing.
        let mut backup = Backup::new(site, &now);
        backup.address_book = Some(book);
        saved::prepare(&mut backup)?
    } else {
        Reflect::set(&head, &"address_book".into(), &ext_api::to_js(&book)?)?;
        let items = Object::new();
        Reflect::set(&items, &key.into(), &head)?;
        items
    };
    let written = writer.write(items).await?;
    writer.release().await;
    Ok(written.map_err(|refused| refused.ending()))
}
