//! Merging two backups of one site: the per-host backups of earlier versions become one.

use std::collections::BTreeMap;

use super::record::{Backup, StoredOrder};

impl Backup {
    /// Takes in another backup of the same site: one saved per host by an earlier version
    /// (`www.` and `pt.` were two backups of one account). Orders merge by id: an order held
    /// by both keeps the reading with its detail page, else the newer one, at the position it
    /// has here; the others join at the end, in their own order. How far the list was read,
    /// and what went wrong on the way, are the newer backup's: its pass is the latest word.
    pub fn absorb(&mut self, other: Backup) {
        let other_is_newer = other.updated_at > self.updated_at;
        // In their page order. Inserted one by one: a sort, or collecting into a map (which
        // sorts first), would add a copy of std's sort to what AliExpress pages load.
        let mut theirs: BTreeMap<u64, Vec<StoredOrder>> = BTreeMap::new();
        for stored in other.orders.into_values() {
            theirs.entry(stored.position).or_default().push(stored);
        }
        for mut stored in theirs.into_values().flatten() {
            let id = stored.order.id.clone();
            match self.orders.get(&id) {
                Some(mine) => {
                    // The reading with more of its detail page wins, else the newer one.
                    let depth = |s: &StoredOrder| (s.detailed, s.order.details.is_some());
                    let better = depth(&stored) > depth(mine)
                        || (depth(&stored) == depth(mine) && other_is_newer);
                    if better {
                        stored.position = mine.position;
                        self.orders.insert(id, stored);
                    }
                }
                None => {
                    self.next_position += 1;
                    stored.position = self.next_position;
                    self.orders.insert(id, stored);
                }
            }
        }
        if other_is_newer {
            self.updated_at = other.updated_at;
            self.list_exhausted = other.list_exhausted;
            self.stated_count = other.stated_count;
            self.unfinished_stated = other.unfinished_stated;
            self.deleted_tab_found = other.deleted_tab_found;
            self.all_time_confirmed = other.all_time_confirmed;
            self.events = other.events;
            self.short_pages = other.short_pages;
            self.in_progress = other.in_progress;
            self.continue_paging = other.continue_paging;
        }
        // The newer reading of the address book, where either has one.
        if other.address_book.as_ref().map(|a| &a.read_at)
            > self.address_book.as_ref().map(|a| &a.read_at)
        {
            self.address_book = other.address_book;
        }
        // The newer reading of the reviews, likewise.
        if other.reviews.as_ref().map(|r| &r.read_at) > self.reviews.as_ref().map(|r| &r.read_at) {
            self.reviews = other.reviews;
        }
        if other.started_at < self.started_at || self.started_at.is_empty() {
            self.started_at = other.started_at;
        }
        // Everything is written again, under this backup's own keys.
        self.dirty.chunks = (0..self.chunk_count()).collect();
        self.dirty.watch_changed = true;
        self.dirty.watch = None;
    }
}
