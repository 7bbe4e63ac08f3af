//! What a change in extension storage means to one AliExpress page, and how the page takes
//! it in. Another tab's run, a deletion on the backup page, or the closing progress another
//! tab recorded all arrive as changed keys; the page reads again what they name, and merges
//! it here. The end of the page's own run is taken in here too.

use super::state::Session;
use crate::core::backup::{storage_key, Backup};
use crate::core::backup_view::{done_view, LastRun, Progress};
use crate::core::closing_progress::ClosingProgress;
use crate::core::lease::lease_key;
use crate::core::run_end::Ending;

/// What a page must read again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StorageNews {
    /// The closing progress (money checked, the request).
    pub progress: bool,
    /// The site's saved backup (its head: a save, an import, a delete).
    pub backup: bool,
    /// The site's lease: a run started, renewed or ended elsewhere.
    pub lease: bool,
}

impl StorageNews {
    /// The news in `keys` for a page of `site`. A page whose own run is going keeps its own
    /// copy of the backup, so the backup's head is no news to it. Chunks are never news: a
    /// save always writes the head too, and a page reads only the head.
    pub fn of(keys: &[String], site: &str, running: bool) -> StorageNews {
        let backup_key = storage_key(site);
        let lease = lease_key(site);
        StorageNews {
            progress: keys.iter().any(|k| k == ClosingProgress::STORAGE_KEY),
            backup: !running && keys.contains(&backup_key),
            lease: keys.contains(&lease),
        }
    }

    /// Whether there is anything to read again.
    pub fn any(self) -> bool {
        self.progress || self.backup || self.lease
    }
}

/// How the page's own run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum RunOutcome {
    /// It ended, for this reason, with this backup as it was when it stopped.
    Ended(Backup, Ending),
    /// It failed with this error. `saved` is the head read back afterwards, if that worked:
    /// whatever was saved before the failure.
    Failed {
        /// The error, in words.
        error: String,
        /// The saved head, read again; `None` when it couldn't be read.
        saved: Option<Option<Backup>>,
    },
}

impl Session {
    /// The news in the changed `keys` for this page.
    pub fn news(&self, keys: &[String]) -> StorageNews {
        StorageNews::of(keys, &self.site, self.run.is_some())
    }

    /// Another tab's lease on this site's backup was looked at: `held` is whether one holds
    /// it. This page's own run is no other tab's. Returns whether the panel changes.
    pub fn lease_seen(&mut self, held: bool) -> bool {
        let elsewhere = held && self.run.is_none();
        let changed = self.elsewhere != elsewhere;
        self.elsewhere = elsewhere;
        changed
    }

    /// The closing progress as storage holds it now. Returns whether it changed.
    pub fn progress_read(&mut self, progress: ClosingProgress) -> bool {
        let changed = self.progress != progress;
        self.progress = progress;
        changed
    }

    /// The site's saved head as storage holds it now. A page whose run works keeps its own
    /// copy, which is newer. Returns whether the panel changes.
    pub fn saved_read(&mut self, saved: Option<Backup>) -> bool {
        if self.run.is_some() || self.saved == saved {
            return false;
        }
        self.saved = saved;
        true
    }

    /// The run reports how far it got. The backup itself is taken when the run ends (copying
    /// 10,000 orders at every step would hold the page up).
    pub fn run_progressed(&mut self, progress: Progress) {
        if let Some(run) = self.run.as_mut() {
            *run = progress;
        }
    }

    /// The page's own run ended: the panel shows how, and what is saved now.
    pub fn run_ended(&mut self, outcome: RunOutcome) {
        self.run = None;
        let last_run = match outcome {
            RunOutcome::Ended(backup, ending) => {
                let summary = (ending == Ending::Finished).then(|| done_view(&backup));
                match ending {
                    // A deleted backup stays deleted: the panel shows none.
                    Ending::Deleted => self.saved = None,
                    // Another tab's run has it: what this tab last read stands.
                    Ending::Elsewhere => {}
                    _ => self.saved = Some(backup),
                }
                LastRun { ending, summary }
            }
            RunOutcome::Failed { error, saved } => {
                // Whatever was saved before the failure is what the panel shows.
                if let Some(saved) = saved {
                    self.saved = saved;
                }
                LastRun {
                    ending: Ending::of_failure(&error),
                    summary: None,
                }
            }
        };
        self.last_run = Some(last_run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn a_page_reads_again_only_what_changed_for_its_own_site() {
        let site = "aliexpress.com";
        let head = storage_key(site);
        let news = |list: &[&str], running| StorageNews::of(&keys(list), site, running);
        assert_eq!(
            news(&[&head, "orders:aliexpress.com:3"], false),
            StorageNews {
                backup: true,
                ..StorageNews::default()
            }
        );
        assert!(
            !news(&[&head], true).any(),
            "its own run keeps its own copy"
        );
        assert!(
            !news(&["backup:aliexpress.us", "lease:aliexpress.ru"], false).any(),
            "other sites are no news"
        );
        assert!(
            !news(&["orders:aliexpress.com:0"], false).any(),
            "a chunk alone"
        );
        assert!(news(&["lease:aliexpress.com"], true).lease);
        assert!(news(&[ClosingProgress::STORAGE_KEY], false).progress);
    }
}
