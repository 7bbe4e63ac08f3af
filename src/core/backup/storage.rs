//! How a backup is kept in extension storage as it grows: a head (everything but the orders,
//! with a digest for pages), the orders in chunks of [`CHUNK_ORDERS`], and the watch list of
//! orders the verdict may flag. A save writes only what changed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{newest_first, Backup, StoredOrder};
use crate::core::order::Order;
use crate::core::readiness::may_flag;

/// What an AliExpress page needs of a saved backup, kept in its head and remade at every
/// save: the panel's count and completeness. With the watch list ([`watch_key`]), a page
/// reads two small items instead of every chunk (10,000 orders are about 8 MB).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    /// How many orders the backup holds.
    pub orders: usize,
    /// Nothing is missing ([`Backup::is_complete`]).
    pub complete: bool,
}

/// The storage key of a host's watch list: the orders its verdict may flag, a JSON array.
pub fn watch_key(host: &str) -> String {
    format!("{WATCH_PREFIX}{host}")
}

/// Every watch list's storage key starts with this.
pub const WATCH_PREFIX: &str = "watch:";

/// Every backup's storage key starts with this.
pub const STORAGE_PREFIX: &str = "backup:";

/// The storage key of a host's backup (everything but its orders).
pub fn storage_key(host: &str) -> String {
    format!("{STORAGE_PREFIX}{host}")
}

/// Orders per storage chunk. A save writes only the chunks that changed, so a step of a
/// 10,000-order backup writes one or two chunks, not the whole history: the page's thread is
/// never held for long, and nothing is rewritten that didn't change.
pub const CHUNK_ORDERS: u64 = 500;

/// Every chunk's storage key starts with this.
pub const CHUNK_PREFIX: &str = "orders:";

/// The storage key of chunk `n` of a host's orders: a JSON array of stored orders, kept as a
/// string (one string crosses into the browser far faster than thousands of small objects).
pub fn chunk_key(host: &str, n: u64) -> String {
    format!("{CHUNK_PREFIX}{host}:{n}")
}

/// Whether a storage key is one of `site`'s backup: its head, its watch list, or any of its
/// chunks, however many were written (a delete removes them all, even those written after
/// the page that deletes read the head).
///
/// ```
/// use exit_assistant::core::backup::is_key_of;
/// assert!(is_key_of("orders:aliexpress.com:41", "aliexpress.com"));
/// assert!(!is_key_of("orders:aliexpress.com.br:0", "aliexpress.com"));
/// ```
pub fn is_key_of(key: &str, site: &str) -> bool {
    key == storage_key(site)
        || key == watch_key(site)
        || key
            .strip_prefix(CHUNK_PREFIX)
            .and_then(|rest| rest.strip_prefix(site))
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The chunk an order's position puts it in.
pub fn chunk_of(position: u64) -> u64 {
    position.saturating_sub(1) / CHUNK_ORDERS
}

/// What changed since the last save: the chunks, and the watch list as last written (`None`:
/// not written by this copy yet). Never part of a comparison: two backups with the same
/// content are equal, saved or not.
#[derive(Debug, Clone, Default)]
pub struct Dirty {
    /// The chunks to write.
    pub chunks: BTreeSet<u64>,
    /// The watch list as last written.
    pub watch: Option<Vec<Order>>,
    /// An order the watch list may hold changed since.
    pub watch_changed: bool,
}

impl PartialEq for Dirty {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Dirty {}

impl Backup {
    /// The digest of the orders held now.
    pub fn make_digest(&self) -> Digest {
        Digest {
            orders: self.orders.len(),
            complete: self.is_complete(),
        }
    }

    /// The orders the verdict may flag from the day of the last reading on, in page order.
    pub fn make_watch(&self) -> Vec<Order> {
        let day = self.updated_at.get(..10).unwrap_or_default();
        let watch = self
            .orders
            .values()
            .filter(|s| may_flag(&s.order, day))
            .collect();
        newest_first(watch)
            .into_iter()
            .map(|s| s.order.clone())
            .collect()
    }

    /// The watch list to write now, if it changed since this copy last wrote it; from then
    /// on it counts as written.
    pub fn take_watch(&mut self) -> Option<Vec<Order>> {
        if self.dirty.watch.is_some() && !self.dirty.watch_changed {
            return None;
        }
        self.dirty.watch_changed = false;
        let watch = self.make_watch();
        if self.dirty.watch.as_ref() == Some(&watch) {
            return None;
        }
        self.dirty.watch = Some(watch.clone());
        Some(watch)
    }

    /// Whether the orders themselves are here, or only the head and its watch list.
    pub(super) fn orders_loaded(&self) -> bool {
        !self.orders.is_empty() || self.digest.is_none() || self.watch.is_none()
    }

    /// How many orders the backup holds, whether its orders were read or only its head.
    pub fn order_count(&self) -> usize {
        match &self.digest {
            Some(digest) if !self.orders_loaded() => digest.orders,
            _ => self.orders.len(),
        }
    }

    /// Complete, whether its orders were read or only its head.
    pub fn complete(&self) -> bool {
        match &self.digest {
            Some(digest) if !self.orders_loaded() => digest.complete,
            _ => self.is_complete(),
        }
    }

    /// How many chunks the orders take.
    pub fn chunk_count(&self) -> u64 {
        self.orders
            .values()
            .map(|s| chunk_of(s.position) + 1)
            .max()
            .unwrap_or(0)
    }

    /// The orders of chunk `n`: those whose position puts them there.
    pub fn chunk(&self, n: u64) -> Vec<&StoredOrder> {
        self.orders
            .values()
            .filter(|s| chunk_of(s.position) == n)
            .collect()
    }

    /// Adds the orders of a stored chunk.
    pub fn add_chunk(&mut self, orders: Vec<StoredOrder>) {
        for stored in orders {
            self.orders.insert(stored.order.id.clone(), stored);
        }
    }

    /// Chunk `n` as stored: a JSON array. (The browser layer makes the same text with the
    /// browser's own `JSON`, which keeps serde_json out of what AliExpress pages load.)
    pub fn chunk_json(&self, n: u64) -> String {
        serde_json::to_string(&self.chunk(n)).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Adds the orders of a stored chunk's text. A chunk that can't be read is an error, so
    /// that a damaged backup is never taken for a shorter one.
    pub fn add_chunk_json(&mut self, json: &str) -> Result<(), String> {
        let orders: Vec<StoredOrder> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        self.add_chunk(orders);
        Ok(())
    }

    /// The chunks to write now, and from now on none: what `save` writes. A backup read
    /// with its orders inline (saved before chunks) writes them all.
    pub fn take_dirty(&mut self) -> Vec<u64> {
        if self.chunks == 0 && !self.orders.is_empty() {
            self.dirty.chunks.extend(0..self.chunk_count());
        }
        self.chunks = self.chunk_count().max(self.chunks);
        std::mem::take(&mut self.dirty.chunks).into_iter().collect()
    }
}
