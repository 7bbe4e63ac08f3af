//! Where a backup lives in extension storage: its keys, the digest its head carries, and
//! which chunks a run has changed since its last save.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::order::Order;

/// What an AliExpress page needs of a saved backup, kept in its head and remade at every
/// save: the panel's count and completeness. With the watch list ([`watch_key`]), a page
/// reads two small items instead of every chunk (10,000 orders are about 8 MB).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    /// How many orders the backup holds.
    pub orders: usize,
    /// Nothing is missing ([`Backup::is_complete`]).
    pub complete: bool,
    /// Orders whose detail page a deep backup has yet to read. `None` in a digest saved
    /// before details were kept: then none of its orders has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub without_details: Option<usize>,
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
