//! How a backup is kept in extension storage as it grows: a head (everything but the orders,
//! with a digest for pages), the orders in chunks of `keys::CHUNK_ORDERS`, and the watch list of
//! orders the verdict may flag. A save writes only what changed.

use super::keys::{chunk_of, Digest};
use super::record::{newest_first, Backup, StoredOrder};
use crate::core::order::Order;
use crate::core::readiness::may_flag;

impl Backup {
    /// The digest of the orders held now.
    pub fn make_digest(&self) -> Digest {
        Digest {
            orders: self.orders.len(),
            complete: self.is_complete(),
            without_details: Some(self.count_without_details()),
        }
    }

    fn count_without_details(&self) -> usize {
        self.orders
            .values()
            .filter(|s| s.order.details.is_none())
            .count()
    }

    /// How many orders a deep backup has yet to open, whether the orders were read or only
    /// the head.
    pub fn without_details(&self) -> usize {
        match &self.digest {
            Some(digest) if !self.orders_loaded() => {
                digest.without_details.unwrap_or(digest.orders)
            }
            _ => self.count_without_details(),
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
