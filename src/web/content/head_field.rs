//! Writing one field of a site's stored head (the address book's addresses, the reviews) under
//! the run's lease: the orders, their digest and the watch list are written as they were.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::core::backup::{storage_key, Backup};
use crate::core::run_end::Ending;

use crate::web::error::WebError;
use crate::web::ext_api;
use crate::web::run_lease::Writer;
use crate::web::saved;

/// Sets `field` (a `core::backup::HEAD_*` name) of `site`'s stored head to `value`. Where no
/// backup exists yet, `fresh` fills a new one, which says its orders are missing.
/// `Err(ending)` where another tab's backup run holds the backup (it would write its own head
/// over this one).
pub async fn write(
    site: &str,
    me: &str,
    field: &str,
    value: &JsValue,
    fresh: impl FnOnce(&mut Backup),
) -> Result<Result<(), Ending>, WebError> {
    let mut writer = match Writer::take(site, me).await? {
        Ok(writer) => writer,
        Err(refused) => return Ok(Err(refused.ending())),
    };
    let key = storage_key(site);
    let stored = ext_api::storage_get_raw(&JsValue::from_str(&key)).await?;
    let head = Reflect::get(&stored, &key.clone().into())?;
    let items = if head.is_undefined() {
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        let mut backup = Backup::new(site, &now);
        fresh(&mut backup);
        saved::prepare(&mut backup)?
    } else {
        Reflect::set(&head, &field.into(), value)?;
        let items = Object::new();
        Reflect::set(&items, &key.into(), &head)?;
        items
    };
    let written = writer.write(items).await?;
    writer.release().await;
    Ok(written.map_err(|refused| refused.ending()))
}
