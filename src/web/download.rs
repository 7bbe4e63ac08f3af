//! Saving a file to the user's downloads: a Blob, an object URL and a click on a link, all
//! released afterwards. No extension permission and no network are involved.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::core::backup::Backup;
use crate::core::export::ExportKind;

use super::dom::{document, element};
use super::error::WebError;

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), WebError> {
    let parts = js_sys::Array::of1(&content.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = document()?;
    let link: HtmlAnchorElement = element(
        &doc,
        "a",
        &[("href", &url), ("download", file_name), ("hidden", "")],
        None,
    )?
    .dyn_into()
    .map_err(|_| WebError::new("not a link"))?;
    doc.document_element()
        .ok_or_else(|| WebError::new("no root"))?
        .append_child(&link)?;
    link.click();
    link.remove();
    // Revoke after the browser has taken the file; revoking at once can cancel it.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Names every backup file.
pub const GENERATOR: &str = concat!("Exit Assistant for AliExpress ", env!("CARGO_PKG_VERSION"));

/// Downloads a backup as one kind of file, dated today.
pub fn download_backup(backup: &Backup, kind: ExportKind) -> Result<(), WebError> {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let file = backup.to_file(&now, GENERATOR);
    let (name, mime, content) = kind.render(&file, &now[..10]);
    download(&name, mime, &content)
}
