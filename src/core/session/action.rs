//! What the user asks of the panel, and what each request changes and asks the browser to
//! do.

use super::progress_change::ProgressChange;
use super::state::Session;
use crate::core::assistant::{AssistantPrefs, UserChoice};
use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::closing_progress::{AfterItem, DeletionRequest};
use crate::core::export::ExportKind;
use crate::core::guide::Route;
use crate::core::money_left::{Asset, Holding};
use crate::core::run_end::RunKind;

/// What the user asks of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the panel (launcher pressed).
    Open,
    /// Close the panel (close button or Escape).
    Close,
    /// Start or resume the backup; a complete one is brought up to date.
    StartBackup,
    /// Read the whole history again, even over a complete backup.
    StartFullBackup,
    /// Read every order's detail page not read yet: the deep backup.
    StartDeepBackup,
    /// Stop the running backup.
    StopBackup,
    /// Download the saved backup in one format.
    Download(ExportKind),
    /// The user says what an asset holds: `true` for nothing left.
    ConfirmAsset(Asset, bool),
    /// The user says they asked to delete the account.
    MarkRequested,
    /// The user clicked the last control of a closing page.
    RequestMade,
    /// Forget the recorded request.
    ForgetRequest,
    /// Tick or untick after-closing advice.
    ToggleAfter(AfterItem, bool),
    /// Open the letter page.
    OpenLetter,
    /// Save a page report.
    SavePageReport,
    /// Save the address book's addresses into the site's backup.
    SaveAddresses,
    /// Read every page of the user's reviews into the site's backup, from this page on.
    SaveReviews,
    /// Go on reading the reviews: the page before pressed "Next", which loaded this one.
    CarryOnReviews,
    /// Stop reading the reviews.
    StopReviews,
}

/// What the browser layer does for an action, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Draw the assistant again, and give keyboard focus to what the selector names.
    Render(Option<&'static str>),
    /// Read the page again: the money, and the ring on the step to take.
    RecheckPage,
    /// Write the session's preferences to storage.
    SavePrefs,
    /// Start the backup run; the session already shows it as started.
    StartRun(RunKind),
    /// Ask the running backup to stop.
    StopRun,
    /// Have the background save the backup in this format.
    Download(ExportKind),
    /// Change the shared closing progress in storage, then draw again.
    ChangeProgress(ProgressChange),
    /// Save a report of this page.
    SavePageReport,
    /// Open the letter page.
    OpenLetter,
    /// Read the address book's addresses and keep them in the site's backup.
    SaveAddresses,
    /// Read the reviews page by page into the site's backup: anew (`false`), or going on
    /// with the reading the page before started (`true`).
    ReadReviews(bool),
    /// Ask the reading of the reviews to stop.
    StopReviews,
}

/// The time, for the actions that note it.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Milliseconds since the epoch.
    pub now_ms: f64,
    /// Today, `YYYY-MM-DD`.
    pub today: String,
}

impl Session {
    /// Takes in an action: changes what this session decides, and returns what the browser
    /// must do.
    pub fn act(&mut self, action: Action, clock: &Clock) -> Vec<Effect> {
        match action {
            Action::Open | Action::Close => self.set_panel(action == Action::Open),
            Action::StartBackup => self.start_run(RunKind::Update),
            Action::StartFullBackup => self.start_run(RunKind::Full),
            Action::StartDeepBackup => self.start_run(RunKind::Deep),
            Action::StopBackup if self.run.is_some() => vec![Effect::StopRun],
            Action::StopBackup => Vec::new(),
            Action::Download(kind) => vec![Effect::Download(kind)],
            Action::ConfirmAsset(asset, zero) => {
                let holding = if zero {
                    Holding::Zero
                } else {
                    Holding::NonZero {
                        shown: String::new(),
                    }
                };
                vec![Effect::ChangeProgress(ProgressChange::Reading {
                    asset,
                    holding,
                    by_user: true,
                    on: clock.today.clone(),
                })]
            }
            Action::MarkRequested | Action::RequestMade => {
                let route = Route::of_page(self.page.kind).unwrap_or(Route::App);
                vec![Effect::ChangeProgress(ProgressChange::Request(
                    DeletionRequest {
                        route,
                        at_ms: clock.now_ms,
                    },
                ))]
            }
            Action::ForgetRequest => vec![Effect::ChangeProgress(ProgressChange::ForgetRequest)],
            Action::ToggleAfter(item, done) => {
                vec![Effect::ChangeProgress(ProgressChange::After(item, done))]
            }
            Action::SavePageReport => vec![Effect::SavePageReport],
            Action::OpenLetter => vec![Effect::OpenLetter],
            Action::SaveAddresses => vec![Effect::SaveAddresses],
            Action::SaveReviews => vec![Effect::ReadReviews(false)],
            Action::CarryOnReviews => vec![Effect::ReadReviews(true)],
            Action::StopReviews => vec![Effect::StopReviews],
        }
    }

    /// What a money page shows now, as a change to the progress, if it is news: a page
    /// that re-renders shows the same amount many times, and each write wakes every tab.
    pub fn money_read(
        &self,
        asset: Asset,
        holding: Holding,
        today: &str,
    ) -> Option<ProgressChange> {
        let change = ProgressChange::Reading {
            asset,
            holding,
            by_user: false,
            on: today.to_owned(),
        };
        change
            .clone()
            .apply(&mut self.progress.clone())
            .then_some(change)
    }

    /// The user opened or closed the panel: remembered on this page, and across pages.
    fn set_panel(&mut self, open: bool) -> Vec<Effect> {
        self.prefs = AssistantPrefs {
            panel_dismissed: !open,
        };
        self.choice_on_page = if open {
            UserChoice::Opened
        } else {
            UserChoice::Closed
        };
        let focus = if open { "#ea-title" } else { ".launcher" };
        vec![
            Effect::Render(Some(focus)),
            Effect::RecheckPage,
            Effect::SavePrefs,
        ]
    }

    /// A run starts from what is saved: a resumed backup counts the orders it has.
    fn start_run(&mut self, kind: RunKind) -> Vec<Effect> {
        if self.run.is_some() {
            return Vec::new();
        }
        let saved = self.saved.as_ref();
        self.run = Some(Progress {
            read: saved.map_or(0, Backup::order_count),
            expected: None,
            activity: match kind {
                RunKind::Deep => {
                    Activity::ReadingDetails(0, saved.map_or(0, Backup::without_details))
                }
                _ => Activity::ReadingList,
            },
        });
        self.last_run = None;
        vec![Effect::Render(Some(".stop")), Effect::StartRun(kind)]
    }
}
