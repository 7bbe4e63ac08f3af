//! The backup page's import: a file checked in full (`core::import`) before it becomes the
//! site's saved backup, and never over one already saved or while the site's backup runs.

use wasm_bindgen_futures::JsFuture;

use crate::core::backup::{Backup, BackupFileV1};
use crate::core::import::{read_backup_file, ImportError};
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::run_lease::{Refused, Writer};

/// Checks a file and saves it as a new backup. Refuses, saying why, rather than touch a
/// backup already saved: `Err` is the message for the user.
pub async fn import_file(file: web_sys::File) -> Result<String, String> {
    let t = ChromeI18n;
    let failed = |error: WebError| t.text(Text::ImportFailed, &[&error.message]);
    if file.size() > crate::core::import::MAX_FILE_BYTES as f64 {
        let limit = (crate::core::import::MAX_FILE_BYTES / (1024 * 1024)).to_string();
        return Err(t.text(Text::ImportTooLarge, &[&limit]));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| failed(e.into()))?
        .as_string()
        .unwrap_or_default();
    let parsed = read_backup_file(&text).map_err(|error| match error {
        ImportError::NotJson => t.text(Text::ImportNotJson, &[]),
        ImportError::NotABackup => t.text(Text::ImportNotBackup, &[]),
        ImportError::NewerVersion(v) => t.text(Text::ImportNewer, &[&v.to_string()]),
        ImportError::Invalid(reason) => t.text(Text::ImportInvalid, &[&reason]),
    })?;
    // The file names a host; the saved backup it would become is its site's. The import is
    // that backup's one writer while it saves (`core::lease`): never while a run goes on.
    let site = crate::core::site::backup_site(&parsed.site);
    let running = || t.text(Text::ImportRunning, &[&site]);
    let me = format!(
        "import:{:x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    );
    let mut writer = match Writer::take(&site, &me).await {
        Ok(Ok(writer)) => writer,
        Ok(Err(_)) => return Err(running()),
        Err(error) => return Err(failed(error)),
    };
    let saved = save_new(&site, &parsed, &mut writer).await;
    writer.release().await;
    let backup = match saved {
        Ok(Ok(backup)) => backup,
        Ok(Err(Refused::Elsewhere | Refused::Deleted)) => return Err(running()),
        Err(Some(error)) => return Err(failed(error)),
        Err(None) => return Err(t.text(Text::ImportExists, &[&site])),
    };
    Ok(t.text(
        Text::ImportDone,
        &[&backup.site, &backup.orders.len().to_string()],
    ))
}

/// Saves the file as the site's backup, unless one is saved already (`Err(None)`). A saved
/// backup that can't be read is still the user's: it is never replaced either.
async fn save_new(
    site: &str,
    parsed: &BackupFileV1,
    writer: &mut Writer,
) -> Result<Result<Backup, Refused>, Option<WebError>> {
    if crate::web::saved::load(site).await?.is_some() {
        return Err(None);
    }
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let mut backup = Backup::from_file(parsed, &now);
    Ok(writer.save(&mut backup).await?.map(|()| backup))
}
