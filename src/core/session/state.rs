//! What one page's assistant knows, and what the panel shows from it.

use crate::core::address::AddressView;
use crate::core::review::ReviewView;
use std::collections::BTreeMap;

use crate::core::assistant::{presence, site_notice, AssistantPrefs, Presence, UserChoice};
use crate::core::backup::Backup;
use crate::core::backup_view::{section_view, BackupView, LastRun, PanelView, Progress};
use crate::core::closing_progress::ClosingProgress;
use crate::core::closing_view::{ClosingView, GuideFound, GuideLine};
use crate::core::order::Order;
use crate::core::page::{PageKind, Recognition};
use crate::core::readiness::{assess, Readiness};

/// What one page's assistant knows and has decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The page as last recognised.
    pub page: Recognition,
    /// The page's site (`core::site::backup_site`), which names its backup.
    pub site: String,
    /// The user's preferences, shared by every page.
    pub prefs: AssistantPrefs,
    /// What the user did on this page; reset when the page changes.
    pub choice_on_page: UserChoice,
    /// This site's saved backup (the only one its pages show): its head as last loaded (see
    /// `core::backup::Digest`), or the whole backup a run just wrote.
    pub saved: Option<Backup>,
    /// This page's backup run, while one works: how far it got.
    pub run: Option<Progress>,
    /// Another tab's run holds this site's backup.
    pub elsewhere: bool,
    /// The last run's end, shown until the next start.
    pub last_run: Option<LastRun>,
    /// Progress through closing, shared with every other tab through storage.
    pub progress: ClosingProgress,
    /// What the guide found on this page.
    pub guide: Option<GuideFound>,
}

impl Session {
    /// A page's session as it starts, from what storage held.
    pub fn new(
        page: Recognition,
        site: String,
        prefs: AssistantPrefs,
        saved: Option<Backup>,
        progress: ClosingProgress,
    ) -> Session {
        Session {
            page,
            site,
            prefs,
            choice_on_page: UserChoice::None,
            saved,
            run: None,
            elsewhere: false,
            last_run: None,
            progress,
            guide: None,
        }
    }

    /// Whether the page opens by going on with a backup: the old layout's list, after the
    /// run pressed "Next" on the page before.
    pub fn carries_on_paging(&self) -> bool {
        self.page.kind == PageKind::OrderList
            && self.saved.as_ref().is_some_and(|b| b.continue_paging)
    }

    /// Whether the page opens by going on with a reading of the reviews: the page before
    /// pressed "Next", which loaded this one, at most two minutes ago.
    pub fn carries_on_reviews(&self, now_ms: u64) -> bool {
        self.page.kind == PageKind::Feedback
            && self
                .saved
                .as_ref()
                .and_then(|b| b.reviews.as_ref())
                .is_some_and(|r| r.carries_on(now_ms))
    }

    /// The page was recognised again. Returns whether it is another page, in which case what
    /// the user did on the old one no longer counts.
    pub fn recognised(&mut self, page: Recognition) -> bool {
        if page == self.page {
            return false;
        }
        self.page = page;
        self.choice_on_page = UserChoice::None;
        true
    }

    /// The panel, the launcher or nothing.
    pub fn presence(&self) -> Presence {
        presence(self.page, self.prefs.panel_dismissed, self.choice_on_page)
    }

    /// What the backup section shows.
    pub fn backup_view(&self) -> BackupView {
        section_view(
            self.page,
            self.saved.as_ref(),
            self.run,
            self.elsewhere,
            self.last_run.as_ref(),
        )
    }

    /// Readiness to close, from the saved backup and `on_page`, the orders the page in view
    /// shows. The page's reading wins: it is the newest.
    pub fn readiness(&self, on_page: impl IntoIterator<Item = Order>, today: &str) -> Readiness {
        // A saved head brings only the orders the verdict may flag (its watch list).
        let mut orders: BTreeMap<String, Order> = BTreeMap::new();
        if let Some(backup) = &self.saved {
            orders.extend(backup.verdict_orders().map(|o| (o.id.clone(), o.clone())));
        }
        orders.extend(on_page.into_iter().map(|o| (o.id.clone(), o)));
        let complete = self.saved.as_ref().is_some_and(Backup::complete);
        let mut readiness = assess(&orders.into_values().collect::<Vec<_>>(), complete, today);
        readiness.check_money(&self.progress.assets);
        readiness
    }

    /// The closing part of the panel. `request_date` is the request's date as the user reads
    /// dates.
    pub fn closing_view(
        &self,
        readiness: &Readiness,
        now_ms: f64,
        request_date: Option<String>,
    ) -> ClosingView {
        ClosingView::new(
            self.page.kind,
            readiness,
            &self.progress,
            self.guide,
            now_ms,
            request_date,
        )
    }

    /// The guide's line on a closing page.
    pub fn guide_line(&self, readiness: &Readiness) -> Option<GuideLine> {
        GuideLine::new(self.page.kind, self.guide?, readiness)
    }

    /// Everything the panel shows.
    pub fn panel_view(
        &self,
        readiness: Readiness,
        now_ms: f64,
        request_date: Option<String>,
    ) -> PanelView {
        PanelView {
            page: self.page,
            notice: site_notice(self.page),
            backup: self.backup_view(),
            closing: self.closing_view(&readiness, now_ms, request_date),
            readiness,
            addresses: AddressView::of_saved(
                self.saved.as_ref().and_then(|b| b.address_book.as_ref()),
            ),
            reviews: ReviewView::of_saved(self.saved.as_ref().and_then(|b| b.reviews.as_ref())),
        }
    }

    /// The guide read the page again. Returns whether what it found changed.
    pub fn guide_seen(&mut self, guide: Option<GuideFound>) -> bool {
        let changed = self.guide != guide;
        self.guide = guide;
        changed
    }
}
