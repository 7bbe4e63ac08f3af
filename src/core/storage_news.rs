//! What a change in extension storage means to one AliExpress page: which of the things it
//! shows must be read again. Another tab's run, a deletion on the backup page, or the closing
//! progress another tab recorded all arrive as changed keys.

use super::backup::storage_key;
use super::closing_progress::ClosingProgress;
use super::lease::lease_key;

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
