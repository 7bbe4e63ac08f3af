//! The panel's downloads: the background makes the file from the saved backup and saves it
//! to the user's downloads (`pages::download`); the content script only asks, and is told
//! the file's name. No file passes through the AliExpress page.

use crate::core::export::ExportKind;
use crate::core::message::SavedFile;
use crate::web::error::WebError;

/// The content script's side: asks the background to save the backup as one kind of file;
/// returns the file's name. The file itself never reaches the content script.
pub async fn save_via_background(site: &str, kind: ExportKind) -> Result<String, WebError> {
    let request = crate::core::message::ToBackground::Export {
        site: site.to_owned(),
        kind,
    };
    let saved: SavedFile = crate::web::ext_api::ask_background(&request).await?;
    Ok(saved.name)
}
