//! The record: every order read so far, and how readings merge into it (newest wins,
//! keyed by id).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::keys::{chunk_of, Digest, Dirty};
use crate::core::address::AddressBook;
use crate::core::order::{self, Order, Warning};
use crate::core::parse::{DetailPage, ListedOrder, DETAILS_INCOMPLETE};
use crate::core::readiness::may_flag;
use crate::core::review::ReviewLog;

/// What a refresh read and what it took as saved, for the panel and the backup page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefreshNote {
    /// Orders the refresh read from the list.
    pub read: usize,
    /// Orders it did not read again: as the last full read saved them.
    pub kept: usize,
}

/// One stored order and how complete its reading is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredOrder {
    /// The order.
    pub order: Order,
    /// The list showed only thumbnails for some items.
    pub needs_detail: bool,
    /// The detail page was read too.
    pub detailed: bool,
    /// Should the detail page be read (see `ListedOrder::opens_detail`).
    pub opens_detail: bool,
    /// When the order was first seen, in page order: orders placed the same day keep the
    /// order the page showed them in.
    #[serde(default)]
    pub position: u64,
}

/// What the stored head calls its fields that are written alone, without the orders: the
/// address book's addresses and the reviews (`web::content::head_field`). They must be the
/// serde names of [`Backup`]'s fields; a test below checks it.
pub const HEAD_ADDRESS_BOOK: &str = "address_book";
/// See [`HEAD_ADDRESS_BOOK`].
pub const HEAD_REVIEWS: &str = "reviews";

/// A backup in progress or finished, for one site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// The host the orders were read on.
    pub site: String,
    /// When the first order was read (ISO timestamp).
    pub started_at: String,
    /// When the last order was read.
    pub updated_at: String,
    /// The order list was read to its end (no more "View orders").
    pub list_exhausted: bool,
    /// The number of orders the page said it holds, where it says.
    pub stated_count: Option<u32>,
    /// What went wrong on the way and leaves a gap (sign-out, a list that stopped growing).
    pub events: Vec<Warning>,
    /// "View orders" presses that added fewer orders than a page, then were pressed again.
    /// Not a gap: the end of the list is the evidence, and the counts the page shows are
    /// the cross-checks (`docs/site-facts.md`, "Tabs, counts and the time filter").
    pub short_pages: u32,
    /// Whether the last pass saw the time filter set to the whole history (`Some(false)`: it
    /// found none, so what the list covered can't be confirmed: said, not a gap, as the end
    /// of the list is the evidence; `docs/site-facts.md`, "Tabs, counts and the time filter").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_time_confirmed: Option<bool>,
    /// Whether the last pass found the "Deleted orders" tab, whose orders it then read
    /// (`None`: the pass did not get that far, or a layout without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_tab_found: Option<bool>,
    /// The orders the status tabs count as not finished ("To pay (N)", "Processing (N)",
    /// "Processed (N)"), added up, where the page shows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfinished_stated: Option<u32>,
    /// A backup run was under way and has not finished or been stopped: a reload, a closed
    /// tab or a sign-out interrupted it.
    #[serde(default)]
    pub in_progress: bool,
    /// The backup pressed the old layout's "Next", which loads a new page: the next page's
    /// assistant carries on by itself.
    #[serde(default)]
    pub continue_paging: bool,
    /// Orders by id. Stored apart from the rest, in chunks (see [`chunk_key`]); a backup
    /// saved before chunks holds them inline.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub orders: BTreeMap<String, StoredOrder>,
    /// The position the next new order gets.
    #[serde(default)]
    pub next_position: u64,
    /// How many chunks of orders the stored backup has.
    #[serde(default)]
    pub chunks: u64,
    /// What a page needs without the orders, as of the last save (see [`Digest`]). `None`
    /// in a head saved before digests: a page then reads the whole backup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<Digest>,
    /// The orders the verdict may flag ([`may_flag`]), as of the last save, when only the
    /// head was read. Stored apart from the head ([`watch_key`]), and written only when it
    /// changes: a run saves the head at every step.
    #[serde(skip)]
    pub watch: Option<Vec<Order>>,
    /// The last pass was a refresh (`refresh`): what it read, and what it kept as the full
    /// read before it saved it. `None` after a full read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refreshed: Option<RefreshNote>,
    /// The address book's saved addresses, as last read there (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_book: Option<AddressBook>,
    /// The reviews the user wrote, as read on the feedback page, page by page (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewLog>,
    /// What changed since the last save.
    #[serde(skip)]
    pub dirty: Dirty,
}

/// An order changed from `old` to `new`: if either may be flagged, the watch list must be made
/// again at the next save. (Made at every save, it would cost a pass over every order at every
/// step of a run.)
fn touches_watch(old: Option<&Order>, new: &Order, now: &str) -> bool {
    let day = now.get(..10).unwrap_or_default();
    may_flag(new, day) || old.is_some_and(|o| may_flag(o, day))
}

/// Orders newest first, as the page lists them: by date, then in the order first seen.
pub(super) fn newest_first(orders: Vec<&StoredOrder>) -> Vec<&StoredOrder> {
    let keys: Vec<(Option<&str>, u64)> = orders
        .iter()
        .map(|s| (s.order.placed_on.as_deref(), s.position))
        .collect();
    let order = order::newest_first(&keys);
    order::in_order(orders, &order)
}

impl Backup {
    /// An empty backup for a host.
    pub fn new(site: &str, now: &str) -> Self {
        Backup {
            site: site.to_owned(),
            started_at: now.to_owned(),
            updated_at: now.to_owned(),
            ..Backup::default()
        }
    }

    /// Adds orders read from the list. An order read twice is stored once; the newer reading
    /// wins, except that items and tracking read from a detail page are kept when the list
    /// shows only thumbnails.
    pub fn add_listed(&mut self, listed: &[ListedOrder], now: &str) -> usize {
        let mut changed = 0;
        for entry in listed {
            let position = match self.orders.get(&entry.order.id) {
                Some(old) => old.position,
                None => {
                    self.next_position += 1;
                    self.next_position
                }
            };
            let new = StoredOrder {
                order: entry.order.clone(),
                needs_detail: entry.needs_detail,
                detailed: false,
                opens_detail: entry.opens_detail(),
                position,
            };
            let merged = match self.orders.get(&entry.order.id) {
                Some(old) if old.detailed => {
                    let mut kept = new.clone();
                    if entry.needs_detail || entry.order.items.is_empty() {
                        kept.order.items = old.order.items.clone();
                    }
                    kept.order.tracking_numbers = old.order.tracking_numbers.clone();
                    // What only the detail page shows, and its warning, outlive a list read.
                    kept.order.details = old.order.details.clone();
                    kept.order.warnings.extend(
                        old.order
                            .warnings
                            .iter()
                            .filter(|w| w.code == DETAILS_INCOMPLETE)
                            .cloned(),
                    );
                    kept.detailed = true;
                    kept
                }
                _ => new,
            };
            if self.orders.get(&entry.order.id) != Some(&merged) {
                changed += 1;
                let old = self.orders.get(&entry.order.id).map(|s| &s.order);
                self.dirty.watch_changed |= touches_watch(old, &merged.order, now);
                self.dirty.chunks.insert(chunk_of(position));
                self.orders.insert(entry.order.id.clone(), merged);
            }
        }
        self.updated_at = now.to_owned();
        changed
    }

    /// Adds what an order's detail page showed.
    pub fn add_detail(&mut self, id: &str, detail: &DetailPage, now: &str) {
        if let Some(stored) = self.orders.get_mut(id) {
            // A detail adds items and tracking, never a state: the order's standing is as was.
            self.dirty.watch_changed |= touches_watch(None, &stored.order, now);
            crate::core::parse::merge_detail(&mut stored.order, detail);
            stored.detailed = !detail.items.is_empty();
            self.dirty.chunks.insert(chunk_of(stored.position));
            self.updated_at = now.to_owned();
        }
    }

    /// Orders whose detail page still has to be read, newest first.
    pub fn pending_details(&self) -> Vec<String> {
        self.sorted()
            .into_iter()
            .filter(|s| s.opens_detail && !s.detailed)
            .map(|s| s.order.id.clone())
            .collect()
    }

    /// Orders whose detail page a deep backup still has to read, newest first.
    pub fn pending_deep(&self) -> Vec<String> {
        self.sorted()
            .into_iter()
            .filter(|s| s.order.details.is_none())
            .map(|s| s.order.id.clone())
            .collect()
    }

    /// Orders newest first, as the page lists them: by date, then in the order first seen.
    pub fn sorted(&self) -> Vec<&StoredOrder> {
        newest_first(self.orders.values().collect())
    }

    /// Starts a new pass over the list: what the last pass met (sign-out, short pages) is
    /// settled by this one.
    pub fn begin_pass(&mut self) {
        self.events.clear();
        self.short_pages = 0;
        // Read again by this pass: the orders it counted may have moved on since.
        self.unfinished_stated = None;
        self.deleted_tab_found = None;
        self.all_time_confirmed = None;
        self.in_progress = true;
        self.list_exhausted = false;
        self.continue_paging = false;
        self.refreshed = None;
    }

    /// The orders the verdict needs: every order when they were read, else the watch list.
    pub fn verdict_orders(&self) -> Box<dyn Iterator<Item = &Order> + '_> {
        match &self.watch {
            Some(watch) if !self.orders_loaded() => Box::new(watch.iter()),
            _ => Box::new(self.orders.values().map(|s| &s.order)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_written_alone_are_named_as_serde_names_them() {
        let backup = Backup {
            address_book: Some(AddressBook::default()),
            reviews: Some(ReviewLog::default()),
            ..Backup::default()
        };
        let head = serde_json::to_value(&backup).expect("a backup serialises");
        for field in [HEAD_ADDRESS_BOOK, HEAD_REVIEWS] {
            assert!(head.get(field).is_some(), "{field}");
        }
    }
}
