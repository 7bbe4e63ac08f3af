//! How a backup run ends, and what the panel says about it. Every ending but `Finished`
//! leaves the backup as it was last saved; the notice tells the user so, and what to do next.

use super::text::Text;

/// What a run reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// The list, and the detail pages it needs; over a complete backup, only what is new.
    Update,
    /// The whole list again, even over a complete backup.
    Full,
    /// Every order's detail page not read yet, and not the list: the optional deep backup.
    Deep,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The list was read to its end and the details read.
    Finished,
    /// The user pressed Stop.
    Stopped,
    /// The page stopped responding, or the captcha was never solved.
    Stalled,
    /// The backup was deleted while the run went on (on the saved-backups page): the run
    /// stopped and wrote nothing more, so no head came back without its chunks.
    Deleted,
    /// Another tab's run holds the site's backup (`core::lease`): this one didn't start, or
    /// stopped without writing.
    Elsewhere,
    /// A save found no room: the browser's storage or the disk is full. A save is one
    /// write, all or nothing, so the last good save stands.
    StorageFull,
    /// Something else failed; the console has the error. The last good save stands.
    Failed,
}

impl Ending {
    /// What the panel says under the result, if anything. None takes a substitution: the
    /// browser's own error goes to the console, not to the user.
    pub fn notice(self) -> Option<Text> {
        match self {
            Ending::Finished => None,
            Ending::Stopped => Some(Text::BackupStopped),
            Ending::Stalled => Some(Text::BackupInterrupted),
            Ending::Deleted => Some(Text::BackupDeletedWhileRunning),
            Ending::Elsewhere => Some(Text::BackupRunningElsewhere),
            Ending::StorageFull => Some(Text::BackupStorageFull),
            Ending::Failed => Some(Text::BackupFailed),
        }
    }

    /// The ending of a run that failed with `error`, as the browser worded it. Chrome says
    /// "QUOTA_BYTES quota exceeded" (`storage.local` without `unlimitedStorage`) or passes on
    /// the disk's "No space left on device"; Firefox's IndexedDB-backed storage throws a
    /// `QuotaExceededError`. Anything else is a plain failure.
    pub fn of_failure(error: &str) -> Ending {
        let error = error.to_ascii_lowercase();
        let full = [
            "quota",
            "no space",
            "not enough space",
            "disk full",
            "disk is full",
        ];
        if full.iter().any(|words| error.contains(words)) {
            Ending::StorageFull
        } else {
            Ending::Failed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_storage_is_told_apart_from_other_failures() {
        for error in [
            "QUOTA_BYTES quota exceeded",
            "QuotaExceededError: The current transaction exceeded its quota limitations.",
            "IO error: /profile/Local Extension Settings/000123.log: No space left on device",
            "Error: Not enough space on the disk",
        ] {
            assert_eq!(Ending::of_failure(error), Ending::StorageFull, "{error}");
        }
        for error in ["no saved backup", "could not reach the background", ""] {
            assert_eq!(Ending::of_failure(error), Ending::Failed, "{error}");
        }
    }

    #[test]
    fn every_ending_but_a_finished_run_says_what_happened() {
        use Ending::*;
        for ending in [Stopped, Stalled, Deleted, Elsewhere, StorageFull, Failed] {
            assert!(ending.notice().is_some(), "{ending:?}");
        }
        assert_eq!(Finished.notice(), None);
        assert_eq!(StorageFull.notice(), Some(Text::BackupStorageFull));
    }
}
