//! The backup: every order read so far, merged reading by reading, and honest about what is
//! missing. Stored in extension storage as it grows; exported as the v1 JSON file.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::money::sum_amounts;
use super::order::{self, Order, Warning};
use super::parse::{DetailPage, ListedOrder};
use super::readiness::may_flag;
use super::status::OrderState;

/// The `format` value of every backup file.
pub const FORMAT: &str = "aliexpress-order-backup";
/// The current `format_version`.
pub const FORMAT_VERSION: u32 = 2;

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
    /// What changed since the last save.
    #[serde(skip)]
    pub dirty: Dirty,
}

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

/// An order changed from `old` to `new`: if either may be flagged, the watch list must be made
/// again at the next save. (Made at every save, it would cost a pass over every order at every
/// step of a run.)
fn touches_watch(old: Option<&Order>, new: &Order, now: &str) -> bool {
    let day = now.get(..10).unwrap_or_default();
    may_flag(new, day) || old.is_some_and(|o| may_flag(o, day))
}

/// Orders newest first, as the page lists them: by date, then in the order first seen.
fn newest_first(orders: Vec<&StoredOrder>) -> Vec<&StoredOrder> {
    let keys: Vec<(Option<&str>, u64)> = orders
        .iter()
        .map(|s| (s.order.placed_on.as_deref(), s.position))
        .collect();
    let order = order::newest_first(&keys);
    order::in_order(orders, &order)
}

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
                    let better = (stored.detailed && !mine.detailed)
                        || (stored.detailed == mine.detailed && other_is_newer);
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
        if other.started_at < self.started_at || self.started_at.is_empty() {
            self.started_at = other.started_at;
        }
        // Everything is written again, under this backup's own keys.
        self.dirty.chunks = (0..self.chunk_count()).collect();
        self.dirty.watch_changed = true;
        self.dirty.watch = None;
    }

    /// Adds what an order's detail page showed.
    pub fn add_detail(&mut self, id: &str, detail: &DetailPage, now: &str) {
        if let Some(stored) = self.orders.get_mut(id) {
            // A detail adds items and tracking, never a state: the order's standing is as was.
            self.dirty.watch_changed |= touches_watch(None, &stored.order, now);
            super::parse::merge_detail(&mut stored.order, detail);
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
    }

    /// What is missing, said plainly. Empty exactly when the backup is complete.
    pub fn gaps(&self) -> Vec<Warning> {
        let mut gaps = self.events.clone();
        if !self.list_exhausted {
            gaps.push(Warning::new(
                "list_not_finished",
                format!(
                    "the order list was not read to its end: {} orders so far",
                    self.orders.len()
                ),
            ));
        }
        let missing = self.pending_details();
        if !missing.is_empty() {
            gaps.push(Warning::new(
                "details_missing",
                format!(
                    "{} orders still need their detail page read (items or tracking): {}",
                    missing.len(),
                    missing.join(", ")
                ),
            ));
        }
        match self.stated_count {
            Some(stated) if self.list_exhausted && stated as usize != self.orders.len() => {
                gaps.push(Warning::new(
                    "count_mismatch",
                    format!(
                        "the page says {stated} orders, the backup holds {}",
                        self.orders.len()
                    ),
                ));
            }
            _ => {}
        }
        if let Some(stated) = self.unfinished_missing() {
            gaps.push(Warning::new(
                "unfinished_count_mismatch",
                format!("the page's \"To pay\", \"Processing\" and \"Processed\" tabs count {stated} orders, but the backup holds only {} orders that are not finished", self.unfinished_held()),
            ));
        }
        let unreadable: Vec<&str> = self
            .orders
            .values()
            .filter(|s| s.order.items.is_empty())
            .map(|s| s.order.id.as_str())
            .collect();
        if !unreadable.is_empty() {
            gaps.push(Warning::new(
                "orders_without_items",
                format!("no items could be read for: {}", unreadable.join(", ")),
            ));
        }
        gaps
    }

    /// Complete: the list was exhausted and nothing is missing. Exactly when [`gaps`] is
    /// empty, without writing the gaps out: a save asks this at every step.
    ///
    /// [`gaps`]: Backup::gaps
    pub fn is_complete(&self) -> bool {
        let count_checked = self
            .stated_count
            .is_none_or(|stated| stated as usize == self.orders.len());
        self.events.is_empty()
            && self.list_exhausted
            && count_checked
            && self.unfinished_missing().is_none()
            && !self
                .orders
                .values()
                .any(|s| (s.opens_detail && !s.detailed) || s.order.items.is_empty())
    }

    /// Orders held that are not finished, or whose status the assistant doesn't know.
    fn unfinished_held(&self) -> usize {
        self.orders
            .values()
            .filter(|s| !matches!(s.order.state, OrderState::Completed | OrderState::Closed))
            .count()
    }

    /// The count the status tabs state, when the backup holds fewer unfinished orders than
    /// that: orders are missing. Holding more is no gap (a status read differently).
    fn unfinished_missing(&self) -> Option<u32> {
        let stated = self.unfinished_stated?;
        (self.list_exhausted && (stated as usize) > self.unfinished_held()).then_some(stated)
    }

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
    fn orders_loaded(&self) -> bool {
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

    /// The orders the verdict needs: every order when they were read, else the watch list.
    pub fn verdict_orders(&self) -> Box<dyn Iterator<Item = &Order> + '_> {
        match &self.watch {
            Some(watch) if !self.orders_loaded() => Box::new(watch.iter()),
            _ => Box::new(self.orders.values().map(|s| &s.order)),
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

    /// The lossless v1 file.
    pub fn to_file(&self, exported_at: &str, generator: &str) -> BackupFileV1 {
        let warnings = self.gaps();
        BackupFileV1 {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            exported_at: exported_at.to_owned(),
            site: self.site.clone(),
            complete: warnings.is_empty(),
            warnings,
            generator: generator.to_owned(),
            stated_count: self.stated_count,
            orders: self.sorted().into_iter().map(|s| s.order.clone()).collect(),
        }
    }

    /// Counts, years and totals for the end-of-backup summary.
    pub fn summary(&self) -> Summary {
        let orders = self.sorted();
        // Inserted one by one: collecting into a set sorts first, and sorting `String`s
        // would add a copy of the sort's code to the WASM.
        let mut years = BTreeSet::new();
        for s in &orders {
            if let Some(year) = s.order.placed_on.as_deref().and_then(|d| d.get(..4)) {
                years.insert(year.to_owned());
            }
        }
        let mut by_currency: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for s in &orders {
            if let Some(total) = &s.order.total {
                by_currency
                    .entry(total.currency.clone())
                    .or_default()
                    .push(&total.amount);
            }
        }
        Summary {
            orders: orders.len(),
            items: orders
                .iter()
                .map(|s| {
                    s.order
                        .items
                        .iter()
                        .map(|i| i.quantity as usize)
                        .sum::<usize>()
                })
                .sum(),
            years: years.into_iter().collect(),
            totals: by_currency
                .into_iter()
                .map(|(c, a)| (c, sum_amounts(a)))
                .collect(),
            with_warnings: orders
                .iter()
                .filter(|s| !s.order.warnings.is_empty())
                .count(),
            deleted: orders.iter().filter(|s| s.order.deleted).count(),
            deleted_tab_missing: self.deleted_tab_found == Some(false),
            all_time_unconfirmed: self.all_time_confirmed == Some(false),
        }
    }
}

/// The end-of-backup summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Orders.
    pub orders: usize,
    /// Items (by quantity).
    pub items: usize,
    /// Years with orders, oldest first.
    pub years: Vec<String>,
    /// Total spent per ISO currency, exact.
    pub totals: Vec<(String, String)>,
    /// Orders with something that could not be read (their `warnings`).
    pub with_warnings: usize,
    /// Orders the user had deleted from the list, read on "Deleted orders".
    pub deleted: usize,
    /// The last pass looked for the "Deleted orders" tab and didn't find it.
    pub deleted_tab_missing: bool,
    /// The last pass found no time filter to confirm the list covered every year.
    pub all_time_unconfirmed: bool,
}

/// The backup file, `format_version: 2` (1 still imports). Field names are a contract
/// (`docs/backup-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFileV1 {
    /// Always `aliexpress-order-backup`.
    pub format: String,
    /// [`FORMAT_VERSION`] when written; 1 or 2 when read.
    pub format_version: u32,
    /// When the file was written (ISO timestamp).
    pub exported_at: String,
    /// The host the orders were read on.
    pub site: String,
    /// True only when the whole history was read and nothing is missing.
    pub complete: bool,
    /// What is missing or went wrong; empty when complete.
    pub warnings: Vec<Warning>,
    /// The tool and version that wrote the file.
    pub generator: String,
    /// How many orders the page said it holds, where it said.
    pub stated_count: Option<u32>,
    /// Every order, newest first.
    pub orders: Vec<Order>,
}
