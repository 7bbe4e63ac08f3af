//! The saved backups in `chrome.storage.local`, one item per host: read by the content script,
//! the extension pages and the background alike.

use crate::core::backup::{storage_key, Backup, STORAGE_PREFIX};
use crate::core::page::PageKind;

use super::error::WebError;
use super::ext_api;

/// Loads the host's saved backup, if any.
pub async fn load(host: &str) -> Result<Option<Backup>, WebError> {
    ext_api::storage_get::<Backup>(&storage_key(host)).await
}

/// The backup a page should show: its host's, or, on a sign-in page (another host), one that
/// was interrupted, so the user learns the sign-out stopped it.
pub async fn load_for_page(host: &str, kind: PageKind) -> Result<Option<Backup>, WebError> {
    if kind != PageKind::Login {
        return load(host).await;
    }
    Ok(load_all().await?.into_iter().find(|b| b.in_progress))
}

/// Every saved backup, of every host. Unreadable ones are skipped with a warning.
pub async fn load_all() -> Result<Vec<Backup>, WebError> {
    let mut backups = Vec::new();
    for (key, value) in ext_api::storage_with_prefix(STORAGE_PREFIX).await? {
        match serde_wasm_bindgen::from_value::<Backup>(value) {
            Ok(backup) => backups.push(backup),
            Err(error) => web_sys::console::warn_1(
                &format!("[Exit Assistant] {key} is unreadable: {error}").into(),
            ),
        }
    }
    Ok(backups)
}

/// Saves a backup under its host.
pub async fn save(backup: &Backup) -> Result<(), WebError> {
    ext_api::storage_set(&storage_key(&backup.site), backup).await
}
