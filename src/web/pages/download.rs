//! Saving a file to the user's downloads, always from the extension's own context, never
//! through an AliExpress page: the page's script could see a link put in its DOM, cancel
//! the click, or read the file behind it (README, "Permissions, and why").
//! - The backup and letter pages are extension pages: a Blob, an object URL and a click on a
//!   link in their own document, all released afterwards.
//! - The panel asks the background, which makes the file and hands it to `chrome.downloads`
//!   (the one reason for the `downloads` permission). The content script never holds it.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::core::backup::Backup;
use crate::core::export::ExportKind;
use crate::core::message::ExportedFile;
use crate::core::message::SavedFile;

use crate::web::dom::document;
use crate::web::error::WebError;
use crate::web::ui::element;

/// How long an object URL outlives its click: revoking at once can cancel the download.
const KEEP_URL_MS: u32 = 60_000;

/// Offers `content` as a download named `file_name`, from an extension page's own document.
pub fn download(file_name: &str, mime: &str, content: &[u8]) -> Result<(), WebError> {
    let url = object_url(mime, content)?;
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
    revoke_later(url);
    Ok(())
}

/// An object URL for `content`; fails where there are none (a service worker).
fn object_url(mime: &str, content: &[u8]) -> Result<String, WebError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    Ok(Url::create_object_url_with_blob(&blob)?)
}

fn revoke_later(url: String) {
    gloo_timers::callback::Timeout::new(KEEP_URL_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
}

/// Hands a file to the browser's downloads, from the background. Firefox's background is a
/// page, which can make object URLs; Chrome's is a service worker, which can't, so there the
/// file goes as a `data:` URL (base64: Chromium takes up to 512 MB).
pub async fn save_to_downloads(file: &ExportedFile) -> Result<(), WebError> {
    match object_url(&file.mime, &file.content) {
        Ok(url) => {
            let saved = crate::web::ext_api::save_download(&url, &file.name).await;
            revoke_later(url);
            saved
        }
        Err(_) => {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(&file.content);
            let url = format!("data:{};base64,{encoded}", file.mime);
            crate::web::ext_api::save_download(&url, &file.name).await
        }
    }
}

/// Names every backup file.
pub const GENERATOR: &str = concat!("Exit Assistant for AliExpress ", env!("CARGO_PKG_VERSION"));

/// A backup as one kind of file, dated today.
pub fn export(backup: &Backup, kind: ExportKind) -> Result<ExportedFile, WebError> {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let file = backup.to_file(&now, GENERATOR);
    let (name, mime, content) = kind
        .render(
            &file,
            now.get(..10).unwrap_or_default(),
            &crate::web::i18n::ChromeI18n,
        )
        .map_err(WebError::new)?;
    Ok(ExportedFile {
        name,
        mime: mime.to_owned(),
        content,
    })
}

/// Downloads a backup as one kind of file, dated today.
pub fn download_backup(backup: &Backup, kind: ExportKind) -> Result<(), WebError> {
    let file = export(backup, kind)?;
    download(&file.name, &file.mime, &file.content)
}

/// The background's side of [`crate::core::message::ToBackground::Export`]: the saved backup
/// of `site`, as one kind of file.
pub async fn export_saved(site: &str, kind: ExportKind) -> Result<ExportedFile, WebError> {
    let backup = crate::web::saved::load(site)
        .await?
        .ok_or_else(|| WebError::new("no saved backup"))?;
    export(&backup, kind)
}

/// The background's side of a panel's request: makes the file and saves it; replies with its
/// name only.
pub async fn save_file(file: ExportedFile) -> Result<SavedFile, WebError> {
    save_to_downloads(&file).await?;
    Ok(SavedFile { name: file.name })
}
