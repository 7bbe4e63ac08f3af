//! One writer per backup, nothing lost or stranded: the save path of
//! `src/web/content/backup_run/` and `src/web/saved.rs` as a model over a map for storage,
//! with the core's lease and key rules. Two writers that start from one saved state; a run
//! whose backup is deleted; a delete from a backup page that read the head before the run
//! wrote more chunks.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use exit_assistant::core::backup::{chunk_key, is_key_of, storage_key, Backup};
use exit_assistant::core::lease::{held_by_other, lease_key, Lease, LEASE_MS};

#[path = "support/orders.rs"]
mod orders;
use orders::listed;

const SITE: &str = "aliexpress.com";

/// `chrome.storage.local`, as the model sees it: heads as chunk counts, chunks as JSON.
#[derive(Default)]
struct Storage {
    items: BTreeMap<String, String>,
    lease: Option<Lease>,
}

/// Why a run stopped writing.
#[derive(Debug, PartialEq)]
enum Stop {
    Elsewhere,
    Deleted,
}

/// One tab's run: its own copy of the backup, as the web layer keeps it.
struct Run {
    me: &'static str,
    backup: Backup,
    saved_once: bool,
}

impl Storage {
    /// The saved backup, whole (`saved::load`).
    fn load(&self) -> Option<Backup> {
        let chunks: u64 = self.items.get(&storage_key(SITE))?.parse().ok()?;
        let mut backup = Backup::new(SITE, "t");
        for n in 0..chunks {
            backup
                .add_chunk_json(self.items.get(&chunk_key(SITE, n))?)
                .ok()?;
        }
        backup.chunks = chunks;
        Some(backup)
    }

    fn count(&self) -> usize {
        self.load().map_or(0, |b| b.order_count())
    }
}

impl Run {
    /// A run starts where no other holds a live lease, from what is saved.
    fn start(storage: &mut Storage, me: &'static str, now: f64) -> Result<Run, Stop> {
        if held_by_other(storage.lease.as_ref(), me, now) {
            return Err(Stop::Elsewhere);
        }
        storage.lease = Some(Lease::new(me, now));
        let backup = storage.load().unwrap_or_else(|| Backup::new(SITE, "t"));
        Ok(Run {
            me,
            backup,
            saved_once: false,
        })
    }

    /// `write_kept`: nothing is written once the lease is another run's, or the backup was
    /// deleted since this run saved it. Otherwise the changed chunks and the head, from this
    /// run's copy, and the lease renewed.
    fn save(&mut self, storage: &mut Storage, now: f64) -> Result<(), Stop> {
        if held_by_other(storage.lease.as_ref(), self.me, now) {
            return Err(Stop::Elsewhere);
        }
        if self.saved_once && !storage.items.contains_key(&storage_key(SITE)) {
            return Err(Stop::Deleted);
        }
        for n in self.backup.take_dirty() {
            storage
                .items
                .insert(chunk_key(SITE, n), self.backup.chunk_json(n));
        }
        storage
            .items
            .insert(storage_key(SITE), self.backup.chunks.to_string());
        storage.lease = Some(Lease::new(self.me, now));
        self.saved_once = true;
        Ok(())
    }

    /// A run that ended gives its lease back.
    fn end(self, storage: &mut Storage) {
        if storage.lease.as_ref().is_some_and(|l| l.owner == self.me) {
            storage.lease = None;
        }
    }
}

/// The saved-backups page's Delete: every key of the site, as storage holds them now.
fn delete(storage: &mut Storage) {
    storage.items.retain(|key, _| !is_key_of(key, SITE));
}

#[test]
fn two_tabs_from_one_saved_state_lose_nothing() {
    let mut storage = Storage::default();
    let mut first = Run::start(&mut storage, "first", 0.0).unwrap();
    first.backup.add_listed(&listed(0, 500), "t");
    first.save(&mut storage, 0.0).unwrap();
    first.end(&mut storage);
    assert_eq!(storage.count(), 500);

    // Tab A starts; tab B, a moment later, from the same saved state: refused.
    let mut a = Run::start(&mut storage, "a", 1_000.0).unwrap();
    assert_eq!(
        Run::start(&mut storage, "b", 2_000.0).err(),
        Some(Stop::Elsewhere)
    );
    // A reads 1,100 more orders over many steps, saving each.
    for step in 0..11 {
        a.backup.add_listed(&listed(500 + step * 100, 100), "t");
        a.save(&mut storage, 3_000.0 + step as f64 * 1_000.0)
            .unwrap();
    }
    a.end(&mut storage);
    assert_eq!(storage.count(), 1_600);
    // B, started again once A is done, reads from what A saved and adds its own.
    let mut b = Run::start(&mut storage, "b", 20_000.0).unwrap();
    b.backup.add_listed(&listed(5_000, 300), "t");
    b.save(&mut storage, 21_000.0).unwrap();
    b.end(&mut storage);
    assert_eq!(storage.count(), 1_900, "every order of both runs");
}

#[test]
fn a_tab_that_slept_past_its_lease_writes_nothing_over_the_one_that_took_over() {
    let mut storage = Storage::default();
    let mut a = Run::start(&mut storage, "a", 0.0).unwrap();
    a.backup.add_listed(&listed(0, 600), "t");
    a.save(&mut storage, 0.0).unwrap();
    // A's tab is asleep (or dead): its lease lapses, and B takes over from what A saved.
    let later = LEASE_MS + 1.0;
    let mut b = Run::start(&mut storage, "b", later).unwrap();
    b.backup.add_listed(&listed(600, 600), "t");
    b.save(&mut storage, later).unwrap();
    // A wakes with its own, older copy: it stops rather than overwrite B's chunks.
    a.backup.add_listed(&listed(2_000, 10), "t");
    assert_eq!(a.save(&mut storage, later + 1.0), Err(Stop::Elsewhere));
    assert_eq!(
        storage.count(),
        1_200,
        "B's orders, and A's from before, all kept"
    );
}

#[test]
fn a_run_whose_backup_is_deleted_stops_and_brings_back_no_head() {
    let mut storage = Storage::default();
    let mut run = Run::start(&mut storage, "a", 0.0).unwrap();
    run.backup.add_listed(&listed(0, 700), "t");
    run.save(&mut storage, 0.0).unwrap();
    delete(&mut storage);
    run.backup.add_listed(&listed(700, 10), "t");
    assert_eq!(run.save(&mut storage, 1_000.0), Err(Stop::Deleted));
    assert!(
        storage.items.is_empty(),
        "no head without its chunks: {:?}",
        storage.items.keys().collect::<Vec<_>>()
    );
}

#[test]
fn a_delete_from_a_stale_page_removes_chunks_written_after_it_read_the_head() {
    let mut storage = Storage::default();
    let mut run = Run::start(&mut storage, "a", 0.0).unwrap();
    run.backup.add_listed(&listed(0, 400), "t");
    run.save(&mut storage, 0.0).unwrap();
    // The backup page read this head: one chunk.
    let seen = storage.load().unwrap();
    assert_eq!(seen.chunks, 1);
    // The run goes on to three chunks; another site's backup sits beside it.
    run.backup.add_listed(&listed(400, 1_000), "t");
    run.save(&mut storage, 1_000.0).unwrap();
    run.end(&mut storage);
    storage
        .items
        .insert(chunk_key("aliexpress.us", 0), "[]".into());
    assert_eq!(storage.load().unwrap().chunks, 3);
    delete(&mut storage);
    assert_eq!(
        storage.items.keys().collect::<Vec<_>>(),
        [&chunk_key("aliexpress.us", 0)],
        "every key of the site went, and only those"
    );
    assert!(storage.lease.is_none());
    let _ = lease_key(SITE);
}
