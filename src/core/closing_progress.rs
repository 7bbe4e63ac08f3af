//! The user's progress through closing the account, shared by every AliExpress tab and page
//! through one `chrome.storage.local` item, so a reload or another tab never resets it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::guide::Route;
use super::money_left::{Asset, AssetCheck, Holding};
use super::readiness::Readiness;
use super::text::Text;

/// How long after a deletion request a still-working sign-in means the deletion isn't done.
/// The 72 hours come from the seeds' advice; no source states AliExpress's own delay
/// (`docs/closing-guide.md`, "Sources": [G]).
pub const REQUEST_GRACE_HOURS: f64 = 72.0;

/// The user's request to delete the account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeletionRequest {
    /// How they asked.
    pub route: Route,
    /// When, in milliseconds since the epoch.
    pub at_ms: f64,
}

/// Advice for after the account is closed, from the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterItem {
    /// Clear AliExpress's cookies and site data.
    ClearSiteData,
    /// Change any password that was reused elsewhere.
    ChangeReusedPasswords,
    /// Watch bank statements for charges.
    WatchStatements,
}

impl AfterItem {
    /// Every item, in order.
    pub const ALL: [AfterItem; 3] = [
        AfterItem::ClearSiteData,
        AfterItem::ChangeReusedPasswords,
        AfterItem::WatchStatements,
    ];

    /// What to do, in words.
    pub fn label(self) -> Text {
        match self {
            AfterItem::ClearSiteData => Text::AfterClearSiteData,
            AfterItem::ChangeReusedPasswords => Text::AfterChangePasswords,
            AfterItem::WatchStatements => Text::AfterWatchStatements,
        }
    }
}

/// Saved progress. Every field has a default, so older or partial records still load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClosingProgress {
    /// The last reading of each asset.
    #[serde(default)]
    pub assets: BTreeMap<Asset, AssetCheck>,
    /// The deletion request, once made.
    #[serde(default)]
    pub request: Option<DeletionRequest>,
    /// After-closing advice the user ticked off.
    #[serde(default)]
    pub after_done: BTreeSet<AfterItem>,
}

impl ClosingProgress {
    /// The storage key.
    pub const STORAGE_KEY: &'static str = "closure_progress";

    /// Records a reading. A page that can't be read (still loading, or changed) never
    /// overwrites what is known, whether read or confirmed. Returns whether anything changed.
    pub fn record(&mut self, asset: Asset, holding: Holding, by_user: bool, today: &str) -> bool {
        if holding == Holding::Unreadable
            && self
                .assets
                .get(&asset)
                .is_some_and(|c| c.holding != Holding::Unreadable)
        {
            return false;
        }
        let check = AssetCheck {
            holding,
            by_user,
            on: today.to_owned(),
        };
        if self.assets.get(&asset).map(|c| (&c.holding, c.by_user))
            == Some((&check.holding, check.by_user))
        {
            return false;
        }
        self.assets.insert(asset, check);
        true
    }

    /// Whether a deletion was requested more than [`REQUEST_GRACE_HOURS`] before `now_ms`.
    pub fn request_overdue(&self, now_ms: f64) -> bool {
        self.request
            .as_ref()
            .is_some_and(|r| now_ms - r.at_ms > REQUEST_GRACE_HOURS * 3_600_000.0)
    }
}

/// Where a step of closing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Done.
    Done,
    /// The first step not done.
    Current,
    /// Later.
    Todo,
}

impl StepState {
    /// For `data-state`.
    pub fn name(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Current => "current",
            StepState::Todo => "todo",
        }
    }
}

/// The five steps of closing, each with where it stands.
///
/// ```
/// use exit_assistant::core::closing_progress::{step_states, ClosingProgress, StepState};
/// use exit_assistant::core::readiness::Readiness;
/// let states = step_states(&Readiness::default(), &ClosingProgress::default());
/// assert_eq!(states[0].1, StepState::Current);
/// ```
pub fn step_states(readiness: &Readiness, progress: &ClosingProgress) -> [(Text, StepState); 5] {
    let done = [
        readiness.backup_complete,
        // Nothing is known to be settled until the whole history has been read.
        readiness.backup_complete && readiness.pending.is_empty(),
        readiness
            .money
            .iter()
            .all(|m| m.holding == Some(Holding::Zero)),
        progress.request.is_some(),
        progress.after_done.len() == AfterItem::ALL.len(),
    ];
    let labels = [
        Text::StepBackUp,
        Text::StepSettleOrders,
        Text::StepMoneyLeft,
        Text::StepCloseAccount,
        Text::StepAfterClosing,
    ];
    let current = done.iter().position(|d| !d);
    let mut states = [(Text::StepBackUp, StepState::Todo); 5];
    for (i, state) in states.iter_mut().enumerate() {
        *state = (
            labels[i],
            if done[i] {
                StepState::Done
            } else if Some(i) == current {
                StepState::Current
            } else {
                StepState::Todo
            },
        );
    }
    states
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_page_keeps_what_the_user_said() {
        let mut progress = ClosingProgress::default();
        assert!(progress.record(Asset::Wallet, Holding::Zero, true, "2026-11-22"));
        assert!(!progress.record(Asset::Wallet, Holding::Unreadable, false, "2026-11-23"));
        assert_eq!(progress.assets[&Asset::Wallet].holding, Holding::Zero);
        // A reading of the page wins over the user's word.
        let held = Holding::NonZero {
            shown: "US $3.00".into(),
        };
        assert!(progress.record(Asset::Wallet, held.clone(), false, "2026-11-23"));
        assert_eq!(progress.assets[&Asset::Wallet].holding, held);
    }

    #[test]
    fn the_request_is_overdue_after_72_hours() {
        let progress = ClosingProgress {
            request: Some(DeletionRequest {
                route: Route::PrivacyCentre,
                at_ms: 0.0,
            }),
            ..ClosingProgress::default()
        };
        assert!(!progress.request_overdue(72.0 * 3_600_000.0));
        assert!(progress.request_overdue(72.0 * 3_600_000.0 + 1.0));
        assert!(!ClosingProgress::default().request_overdue(1e15));
    }

    /// The stored shape is the one `#[serde(flatten)]` over the tagged `Holding` wrote, so
    /// progress saved by earlier versions still loads, and theirs reads ours.
    #[test]
    fn asset_checks_keep_their_stored_shape() {
        let cases = [
            (
                Holding::Zero,
                serde_json::json!({"holding": "zero", "by_user": false, "on": "2026-11-20"}),
            ),
            (
                Holding::NonZero {
                    shown: "US $12.50".into(),
                },
                serde_json::json!({"holding": "non_zero", "shown": "US $12.50", "by_user": true, "on": "2026-11-20"}),
            ),
            (
                Holding::Unreadable,
                serde_json::json!({"holding": "unreadable", "by_user": false, "on": "2026-11-20"}),
            ),
        ];
        for (holding, json) in cases {
            let by_user = json["by_user"].as_bool().unwrap();
            let check = AssetCheck {
                holding,
                by_user,
                on: "2026-11-20".into(),
            };
            assert_eq!(serde_json::to_value(&check).unwrap(), json);
            assert_eq!(serde_json::from_value::<AssetCheck>(json).unwrap(), check);
        }
        let bad = serde_json::json!({"holding": "some", "on": "2026-11-20"});
        assert!(serde_json::from_value::<AssetCheck>(bad).is_err());
    }

    #[test]
    fn old_records_load() {
        let progress: ClosingProgress =
            serde_json::from_str(r#"{"assets":{"coins":{"holding":"zero","on":"2026-11-20"}}}"#)
                .unwrap();
        assert_eq!(progress.assets[&Asset::Coins].holding, Holding::Zero);
        assert!(!progress.assets[&Asset::Coins].by_user);
    }
}
