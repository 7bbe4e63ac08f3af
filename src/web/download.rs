//! Saving a file to the user's downloads: a Blob, an object URL and a click on a link, all
//! released afterwards. No extension permission and no network are involved.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

#[cfg(feature = "pages")]
use crate::core::backup::Backup;
use crate::core::export::ExportKind;
use crate::core::message::ExportedFile;

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
#[cfg(feature = "pages")]
pub const GENERATOR: &str = concat!("Exit Assistant for AliExpress ", env!("CARGO_PKG_VERSION"));

/// A backup as one kind of file, dated today.
#[cfg(feature = "pages")]
pub fn export(backup: &Backup, kind: ExportKind) -> ExportedFile {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let file = backup.to_file(&now, GENERATOR);
    let (name, mime, content) = kind.render(&file, now.get(..10).unwrap_or_default());
    ExportedFile {
        name,
        mime: mime.to_owned(),
        content,
    }
}

/// Downloads a backup as one kind of file, dated today.
#[cfg(feature = "pages")]
pub fn download_backup(backup: &Backup, kind: ExportKind) -> Result<(), WebError> {
    let file = export(backup, kind);
    download(&file.name, &file.mime, &file.content)
}

/// The background's side of [`crate::core::message::ToBackground::Export`]: the saved backup
/// of `site`, as one kind of file.
#[cfg(feature = "pages")]
pub async fn export_saved(site: &str, kind: ExportKind) -> Result<ExportedFile, WebError> {
    let backup = super::saved::load(site)
        .await?
        .ok_or_else(|| WebError::new("no saved backup"))?;
    Ok(export(&backup, kind))
}

/// The content script's side: asks the background for the file, then offers it.
#[cfg(feature = "content")]
pub async fn download_via_background(site: &str, kind: ExportKind) -> Result<(), WebError> {
    let request = crate::core::message::ToBackground::Export {
        site: site.to_owned(),
        kind,
    };
    let file: ExportedFile = super::ext_api::ask_background(&request).await?;
    download(&file.name, &file.mime, &file.content)
}
