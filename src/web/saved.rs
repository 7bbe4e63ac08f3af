//! The saved backups in `chrome.storage.local`: read by the content script, the extension
//! pages and the background alike. Each site's backup (`core::site::backup_site`: one for
//! `aliexpress.com` and all its hosts) is one item (`backup:{site}`, the head: everything but
//! the orders, and a digest of them), its orders in chunks (`orders:{site}:{n}`, JSON strings;
//! see `core::backup::CHUNK_ORDERS`) and its watch list (`watch:{site}`, a JSON string: the
//! orders the verdict may flag). Backups that earlier versions kept per host are merged into
//! their site's by [`merge_host_backups`]. A save writes the head, the chunks that changed and
//! a changed watch list, in one call; a load reads the chunks one by one, letting the page
//! breathe between them. AliExpress pages read heads and watch lists
//! only, except to run a backup.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::backup::{chunk_key, storage_key, watch_key, Backup, STORAGE_PREFIX};
#[cfg(feature = "pages")]
use crate::core::site::backup_site;

use super::error::WebError;
use super::ext_api;

/// Loads the site's saved backup, if any (`site`: `core::site::backup_site` of a host).
pub async fn load(site: &str) -> Result<Option<Backup>, WebError> {
    load_stored(site).await
}

/// Loads what is stored under one name: a site, or a host of an earlier version.
async fn load_stored(host: &str) -> Result<Option<Backup>, WebError> {
    let key = storage_key(host);
    let items = ext_api::storage_get_raw(&JsValue::from_str(&key)).await?;
    let head = Reflect::get(&items, &key.into())?;
    if head.is_undefined() {
        return Ok(None);
    }
    let backup: Backup = serde_wasm_bindgen::from_value(head)?;
    let keys: js_sys::Array = (0..backup.chunks)
        .map(|n| JsValue::from_str(&chunk_key(host, n)))
        .collect();
    let chunks = if keys.length() > 0 {
        ext_api::storage_get_raw(&keys).await?
    } else {
        Object::new().into()
    };
    with_orders(backup, &chunks).await.map(Some)
}

/// Backups that earlier versions kept per host (`backup:www.aliexpress.com`,
/// `backup:pt.aliexpress.com`) become their site's one backup (`backup:aliexpress.com`), merged
/// by order id (`Backup::absorb`). Each merged backup is saved before the old keys are
/// removed, so a failure on the way loses nothing: the next call merges again, to the same
/// result. Run by the background when the extension is updated or the browser starts, and by
/// the saved-backups page when it opens: never by AliExpress pages, which it would cost 5 KB.
/// Until it has run, a page shows a per-host backup as one more site's.
#[cfg(feature = "pages")]
pub async fn merge_host_backups() -> Result<usize, WebError> {
    let hosts: Vec<String> = ext_api::storage_keys()
        .await?
        .into_iter()
        .filter_map(|k| k.strip_prefix(STORAGE_PREFIX).map(str::to_owned))
        .filter(|host| backup_site(host) != *host)
        .collect();
    for host in &hosts {
        let site = backup_site(host);
        let Some(old) = load_stored(host).await? else {
            continue;
        };
        let mut merged = load_stored(&site)
            .await?
            .unwrap_or_else(|| Backup::new(&site, ""));
        merged.absorb(old.clone());
        merged.site = site;
        save(&mut merged).await?;
        delete(&old).await?;
    }
    Ok(hosts.len())
}

/// The site's saved backup as an AliExpress page needs it: the head and its watch list, which
/// stand for the orders (see `core::backup::Digest`).
pub async fn load_head(site: &str) -> Result<Option<Backup>, WebError> {
    let key = storage_key(site);
    let keys: js_sys::Array = [key.clone(), watch_key(site)]
        .into_iter()
        .map(JsValue::from)
        .collect();
    let items = ext_api::storage_get_raw(&keys).await?;
    let head = Reflect::get(&items, &key.into())?;
    if head.is_undefined() {
        return Ok(None);
    }
    read_head(head, &items).await.map(Some)
}

/// The backup a page should show: its own site's, and no other (an `aliexpress.ru` page shows
/// nothing of `aliexpress.com`'s). Its head and watch list only, by their keys: no page load
/// lists or reads every item, on browsers without `storage.getKeys` too.
pub async fn head_for_page(site: &str) -> Result<Option<Backup>, WebError> {
    load_head(site).await
}

/// A stored head, with its watch list from `items`. One saved before digests (or whose watch
/// list is missing) has its orders read instead; the next save gives it both.
async fn read_head(head: JsValue, items: &JsValue) -> Result<Backup, WebError> {
    let mut backup: Backup = serde_wasm_bindgen::from_value(head)?;
    if backup.chunks == 0 {
        return Ok(backup);
    }
    let watch = Reflect::get(items, &watch_key(&backup.site).into())?;
    if let (Some(_), Some(json)) = (&backup.digest, watch.as_string()) {
        let watch = js_sys::JSON::parse(&json)?;
        backup.watch = Some(serde_wasm_bindgen::from_value(watch)?);
        return Ok(backup);
    }
    let keys: js_sys::Array = (0..backup.chunks)
        .map(|n| JsValue::from_str(&chunk_key(&backup.site, n)))
        .collect();
    let chunks = ext_api::storage_get_raw(&keys).await?;
    with_orders(backup, &chunks).await
}

/// Every saved backup, whole, of every host. Unreadable ones are skipped with a warning.
pub async fn load_all() -> Result<Vec<Backup>, WebError> {
    let items = ext_api::storage_get_raw(&JsValue::NULL).await?;
    let mut backups = Vec::new();
    for (key, value) in ext_api::storage_with_prefix_in(&items, STORAGE_PREFIX)? {
        let read = match serde_wasm_bindgen::from_value::<Backup>(value) {
            Ok(head) => with_orders(head, &items).await,
            Err(error) => Err(error.into()),
        };
        match read {
            Ok(backup) => backups.push(backup),
            Err(error) => web_sys::console::warn_1(
                &format!("[Exit Assistant] {key} is unreadable: {error}").into(),
            ),
        }
    }
    Ok(backups)
}

/// Adds to a backup's head the orders of its chunks, found in `items`.
async fn with_orders(mut backup: Backup, items: &JsValue) -> Result<Backup, WebError> {
    for n in 0..backup.chunks {
        let key = chunk_key(&backup.site, n);
        let json = Reflect::get(items, &key.clone().into())?
            .as_string()
            .ok_or_else(|| WebError::new(format!("{key} is missing")))?;
        let orders = js_sys::JSON::parse(&json)
            .map_err(WebError::from)
            .and_then(|v| serde_wasm_bindgen::from_value(v).map_err(WebError::from))
            .map_err(|e| WebError::new(format!("{key} is unreadable: {e}")))?;
        backup.add_chunk(orders);
        if n + 1 < backup.chunks {
            breathe().await;
        }
    }
    Ok(backup)
}

/// Saves a backup under its host: its head, and the chunks that changed.
pub async fn save(backup: &mut Backup) -> Result<(), WebError> {
    write(prepare(backup)?).await
}

/// What [`save`] writes, made now (the part of a save that holds the page's thread).
pub fn prepare(backup: &mut Backup) -> Result<Object, WebError> {
    let items = Object::new();
    for n in backup.take_dirty() {
        let json = js_sys::JSON::stringify(&ext_api::to_js(&backup.chunk(n))?)?;
        Reflect::set(&items, &chunk_key(&backup.site, n).into(), &json)?;
    }
    // The watch list, when it changed: a run's later steps add old orders, which leave it as
    // it was.
    if let Some(watch) = backup.take_watch() {
        let json = js_sys::JSON::stringify(&ext_api::to_js(&watch)?)?;
        Reflect::set(&items, &watch_key(&backup.site).into(), &json)?;
    }
    // The head without its orders (they are in the chunks), with what pages need of them.
    backup.digest = Some(backup.make_digest());
    let orders = std::mem::take(&mut backup.orders);
    let head = ext_api::to_js(&*backup);
    backup.orders = orders;
    Reflect::set(&items, &storage_key(&backup.site).into(), &head?)?;
    Ok(items)
}

/// Whether the site's backup is saved (its head is in storage).
pub async fn exists(site: &str) -> Result<bool, WebError> {
    let key = storage_key(site);
    let items = ext_api::storage_get_raw(&JsValue::from_str(&key)).await?;
    Ok(!Reflect::get(&items, &key.into())?.is_undefined())
}

/// Writes what [`prepare`] made, in one call.
pub async fn write(items: Object) -> Result<(), WebError> {
    ext_api::storage_set_raw(&items).await
}

/// Deletes a backup: every key of its site (`core::backup::is_key_of`), as storage holds them
/// now, so chunks written since `backup` was read go too; and those it knows of.
#[cfg(feature = "pages")]
pub async fn delete(backup: &Backup) -> Result<(), WebError> {
    let site = &backup.site;
    let mut keys = vec![storage_key(site), watch_key(site)];
    keys.extend((0..backup.chunks.max(backup.chunk_count())).map(|n| chunk_key(site, n)));
    for key in ext_api::storage_keys().await? {
        if crate::core::backup::is_key_of(&key, site) && !keys.contains(&key) {
            keys.push(key);
        }
    }
    ext_api::storage_remove_all(&keys).await
}

/// Lets the page run its own tasks before the next chunk: a macrotask, where there is a
/// window (the background has none, and no page to keep responsive).
async fn breathe() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}
