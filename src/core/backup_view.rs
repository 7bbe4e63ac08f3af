//! What the panel's backup section shows, decided from the saved backup and the run.

use super::address::AddressView;
use super::backup::{Backup, RefreshNote, Summary};
use super::closing_view::ClosingView;
use super::deep_backup::DeepOffer;
use super::order::Warning;
use super::page::{PageKind, Recognition};
use super::readiness::Readiness;
use super::review::ReviewView;
use super::run_end::Ending;
use super::site::Site;
use super::text::Text;

/// What a running backup is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// Reading the list.
    ReadingList,
    /// Waiting for the user to solve a captcha.
    Captcha,
    /// Reading detail pages: done, total.
    ReadingDetails(usize, usize),
}

/// A running backup's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Orders read so far.
    pub read: usize,
    /// Orders the page says it holds, if it says.
    pub expected: Option<usize>,
    /// What is happening now.
    pub activity: Activity,
}

impl Progress {
    /// The line under the progress bar, with its substitutions.
    pub fn line(&self) -> (Text, Vec<String>) {
        match (self.activity, self.expected) {
            (Activity::Captcha, _) => (Text::CaptchaPrompt, vec![]),
            (Activity::ReadingDetails(done, total), _) => (
                Text::ProgressDetails,
                vec![done.to_string(), total.to_string()],
            ),
            (Activity::ReadingList, Some(expected)) => (
                Text::ProgressListOf,
                vec![self.read.to_string(), expected.to_string()],
            ),
            (Activity::ReadingList, None) => (Text::ProgressList, vec![self.read.to_string()]),
        }
    }

    /// Value and maximum for the progress bar: orders, then detail pages.
    pub fn bar(&self) -> (usize, Option<usize>) {
        match self.activity {
            Activity::ReadingDetails(done, total) => (done, Some(total)),
            _ => (self.read, self.expected),
        }
    }
}

/// The backup section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupView {
    /// Not running: offer to start (on the order list) or say where to go.
    Idle {
        /// The order list is here, so a backup can start.
        can_start: bool,
        /// A notice: interrupted, stopped, signed out, unsupported site.
        notice: Option<Text>,
        /// What is saved, if anything.
        saved: Option<SavedCount>,
    },
    /// Running.
    Running(Progress),
    /// Just finished (or stopped with something saved): the summary and what is missing.
    Done {
        /// Counts and totals.
        summary: Summary,
        /// What is missing; empty when complete.
        gaps: Vec<Warning>,
        /// The run brought a complete backup up to date rather than read it all again.
        refreshed: Option<RefreshNote>,
        /// How far the optional deep backup has come.
        deep: DeepOffer,
    },
}

/// How much of a backup is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedCount {
    /// Orders in the saved backup.
    pub orders: usize,
    /// Whether it is complete.
    pub complete: bool,
    /// Orders whose detail page the deep backup has yet to read.
    pub without_details: usize,
}

impl SavedCount {
    /// How far the optional deep backup has come.
    pub fn deep(&self) -> DeepOffer {
        DeepOffer {
            left: self.without_details,
            of: self.orders,
        }
    }
}

/// The idle view for a page, given the saved backup.
pub fn idle_view(page: Recognition, saved: Option<&Backup>) -> BackupView {
    let on_list = page.kind == PageKind::OrderList;
    let russia = page.site == Some(Site::Russia);
    let notice = match saved {
        // The panel's own notice already says aliexpress.ru isn't supported yet.
        _ if russia => None,
        Some(b) if b.in_progress && page.kind == PageKind::Login => {
            Some(Text::SignedOutDuringBackup)
        }
        Some(b) if b.in_progress => Some(Text::BackupInterrupted),
        _ if !on_list => Some(Text::BackupGoToList),
        _ => None,
    };
    BackupView::Idle {
        can_start: on_list && !russia,
        notice,
        saved: saved.filter(|b| b.order_count() > 0).map(|b| SavedCount {
            orders: b.order_count(),
            complete: b.complete(),
            without_details: b.without_details(),
        }),
    }
}

/// Everything the open panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelView {
    /// The page.
    pub page: Recognition,
    /// A notice about the site (aliexpress.ru), if any.
    pub notice: Option<Text>,
    /// The backup section.
    pub backup: BackupView,
    /// Readiness to close, for the verdict.
    pub readiness: Readiness,
    /// Closing: the steps, the guide on this page, the request.
    pub closing: ClosingView,
    /// Saved addresses: what the backup holds; on the address book, what the page shows too
    /// (the browser layer reads the page, and adds that).
    pub addresses: AddressView,
    /// The reviews the user wrote: what the backup holds; on the feedback page, what the page
    /// shows and how a reading goes (the browser layer adds those).
    pub reviews: ReviewView,
}

/// The view after a run ended.
/// The last run of a page, which the panel keeps showing until the next start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastRun {
    /// How it ended; its notice is `ending.notice()`.
    pub ending: Ending,
    /// A finished run's summary, made when it ended: the head read afterwards has no orders
    /// to sum up.
    pub summary: Option<BackupView>,
}

/// What the backup section shows on this page, from what the page knows: its own run, a run
/// in another tab, how its last run ended, and the site's saved backup.
pub fn section_view(
    page: Recognition,
    saved: Option<&Backup>,
    running: Option<Progress>,
    elsewhere: bool,
    last_run: Option<&LastRun>,
) -> BackupView {
    if let Some(progress) = running {
        return BackupView::Running(progress);
    }
    let idle = idle_view(page, saved);
    let BackupView::Idle {
        can_start,
        notice,
        saved: held,
    } = idle
    else {
        return idle;
    };
    // Another tab runs this site's backup: say so, and offer no second start.
    if elsewhere {
        return BackupView::Idle {
            can_start: false,
            notice: Some(Text::BackupRunningElsewhere),
            saved: held,
        };
    }
    match last_run {
        // A finished run shows its summary while its backup is there.
        Some(LastRun {
            ending: Ending::Finished,
            summary: Some(done),
        }) if saved.is_some() => done.clone(),
        // Any other end says what happened, over what is saved.
        Some(last) => BackupView::Idle {
            can_start,
            notice: last.ending.notice(),
            saved: held,
        },
        None => BackupView::Idle {
            can_start,
            notice,
            saved: held,
        },
    }
}

/// The summary of a finished run, and what it is missing.
pub fn done_view(backup: &Backup) -> BackupView {
    BackupView::Done {
        summary: backup.summary(),
        gaps: backup.gaps(),
        refreshed: backup.refreshed,
        deep: DeepOffer {
            left: backup.without_details(),
            of: backup.order_count(),
        },
    }
}

#[cfg(test)]
#[path = "backup_view_tests.rs"]
mod tests;
