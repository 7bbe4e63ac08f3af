//! What the panel shows about closing: where each step stands, the step on this page, and
//! the request and its follow-up.

use super::closing_progress::{step_states, ClosingProgress, StepState};
use super::guide::Route;
use super::guide_rules::GuideStep;
use super::page::PageKind;
use super::readiness::{Readiness, Verdict};
use super::text::Text;

/// The guide's line for a closing page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideLine {
    /// The callout of the step to take; `None` when its control can't be found.
    pub callout: Option<Text>,
    /// The route the page belongs to, told in words when the control can't be found.
    pub route: Route,
    /// The step is the last click and something still blocks closing.
    pub blocked_last: bool,
}

/// What the guide found on a closing page: the step's callout (`None`: its control isn't
/// there) and whether the control is the irreversible last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideFound {
    /// The callout beside the ring.
    pub callout: Option<Text>,
    /// The control is the step's irreversible last click.
    pub last: bool,
}

impl GuideFound {
    /// What the guide found, from the step it found (if any) and whether its control was
    /// told apart from the others. Two controls that could both be the step: the panel says
    /// so, and the ring marks neither.
    pub fn of(found: Option<(&GuideStep, bool)>) -> GuideFound {
        GuideFound {
            callout: found.map(|(step, told_apart)| {
                if told_apart {
                    step.callout
                } else {
                    Text::GuideAmbiguous
                }
            }),
            last: found.is_some_and(|(step, told_apart)| step.last && told_apart),
        }
    }
}

/// The closing parts of the panel.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingView {
    /// The five steps and where each stands.
    pub steps: [(Text, StepState); 5],
    /// On a closing page: the step to take there.
    pub guide: Option<GuideLine>,
    /// The saved progress.
    pub progress: ClosingProgress,
    /// The request's date as the user reads dates, once made.
    pub request_date: Option<String>,
    /// Still signed in more than 72 hours after the request.
    pub overdue: bool,
}

/// Pages that show only to a signed-in user: they redirect to sign-in otherwise
/// (`docs/site-facts.md`, "Account and money pages"). Being on one means the account still
/// works.
pub fn shows_signed_in(page: PageKind) -> bool {
    matches!(
        page,
        PageKind::OrderList
            | PageKind::OrderDetail
            | PageKind::Wallet
            | PageKind::Coins
            | PageKind::Coupons
            | PageKind::AddressBook
            | PageKind::AccountSettings
    )
}

impl GuideLine {
    /// The guide's line for what it found on `page`; `None` off the closing routes.
    pub fn new(page: PageKind, found: GuideFound, readiness: &Readiness) -> Option<GuideLine> {
        Route::of_page(page).map(|route| GuideLine {
            callout: found.callout,
            route,
            blocked_last: found.last && readiness.verdict() == Verdict::Blocked,
        })
    }
}

impl ClosingView {
    /// Builds the view. `now_ms` is the time now; `request_date` the request's date, formatted.
    pub fn new(
        page: PageKind,
        readiness: &Readiness,
        progress: &ClosingProgress,
        guide: Option<GuideFound>,
        now_ms: f64,
        request_date: Option<String>,
    ) -> ClosingView {
        ClosingView {
            steps: step_states(readiness, progress),
            guide: guide.and_then(|found| GuideLine::new(page, found, readiness)),
            progress: progress.clone(),
            request_date,
            overdue: shows_signed_in(page) && progress.request_overdue(now_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::closing_progress::DeletionRequest;

    #[test]
    fn overdue_only_where_the_page_proves_a_sign_in() {
        let progress = ClosingProgress {
            request: Some(DeletionRequest {
                route: Route::PrivacyCentre,
                at_ms: 0.0,
            }),
            ..ClosingProgress::default()
        };
        let later = 73.0 * 3_600_000.0;
        let view = |page| {
            ClosingView::new(page, &Readiness::default(), &progress, None, later, None).overdue
        };
        assert!(view(PageKind::OrderList));
        assert!(!view(PageKind::Login));
        assert!(!view(PageKind::OtherAliExpress));
    }

    #[test]
    fn the_last_step_warns_while_blocked() {
        let mut readiness = Readiness {
            backup_complete: true,
            ..Readiness::default()
        };
        let progress = ClosingProgress::default();
        let view = |r: &Readiness| {
            ClosingView::new(
                PageKind::DeleteAccount,
                r,
                &progress,
                Some(GuideFound {
                    callout: Some(Text::GuideFinalDelete),
                    last: true,
                }),
                0.0,
                None,
            )
            .guide
            .unwrap()
        };
        assert!(!view(&readiness).blocked_last);
        readiness.money = vec![crate::core::readiness::MoneyFinding {
            asset: crate::core::money_left::Asset::Coins,
            holding: Some(crate::core::money_left::Holding::NonZero {
                shown: "729".into(),
            }),
            by_user: false,
        }];
        assert!(view(&readiness).blocked_last);
        assert_eq!(view(&readiness).route, Route::PrivacyCentre);
    }
}
