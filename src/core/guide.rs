//! Pointing at the right control: which step of closing the page in view is at, and which
//! element the user should use next. The routes to closing the account, in words.

use serde::{Deserialize, Serialize};

use super::dom::DomNode;
use super::guide_controls::{find_control, normalise, Found};
use super::guide_rules::{DoneWhen, GuideStep, StepId, GUIDE_STEPS};
use super::page::PageKind;
use super::text::Text;

/// A way to close the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The privacy centre's "Delete my account" (since 2021) [V].
    PrivacyCentre,
    /// The older "Deactivate account" page [V 2020–2021].
    DeactivatePage,
    /// The app's Settings [V-doc].
    App,
    /// A GDPR Art. 17 / CCPA letter to the privacy contact.
    Letter,
}

/// The privacy centre's delete request [V: JustDeleteMe since 2021-11-24].
pub const PRIVACY_DELETE_URL: &str = "https://privacy.aliexpress.com/home#/request/delete";
/// The privacy centre, where "Download Data" is [V].
pub const PRIVACY_CENTRE_URL: &str = "https://privacy.aliexpress.com/home";
/// The older deactivate page [V: JustDeleteMe 2020–2021].
pub const DEACTIVATE_URL: &str =
    "https://accounts.aliexpress.com/user/organization/deactive_account.htm";
/// The account hub, where Settings is [V].
pub const ACCOUNT_URL: &str = "https://www.aliexpress.com/p/account/index.html";

/// The app route, step by step [V-doc: etechshout.com].
pub const APP_STEPS: [Text; 5] = [
    Text::AppStepSettings,
    Text::AppStepDelete,
    Text::AppStepCode,
    Text::AppStepTick,
    Text::AppStepConfirm,
];

impl Route {
    /// Every route, in the order the panel offers them.
    pub const ALL: [Route; 4] = [
        Route::PrivacyCentre,
        Route::DeactivatePage,
        Route::App,
        Route::Letter,
    ];

    /// Its name.
    pub fn title(self) -> Text {
        match self {
            Route::PrivacyCentre => Text::RoutePrivacy,
            Route::DeactivatePage => Text::RouteDeactivate,
            Route::App => Text::RouteApp,
            Route::Letter => Text::RouteLetter,
        }
    }

    /// What it involves, in words (also what the panel says when a control can't be found).
    pub fn in_words(self) -> Text {
        match self {
            Route::PrivacyCentre => Text::RoutePrivacyWords,
            Route::DeactivatePage => Text::RouteDeactivateWords,
            Route::App => Text::RouteAppWords,
            Route::Letter => Text::RouteLetterWords,
        }
    }

    /// The page it starts on, for web routes.
    pub fn url(self) -> Option<&'static str> {
        match self {
            Route::PrivacyCentre => Some(PRIVACY_DELETE_URL),
            Route::DeactivatePage => Some(DEACTIVATE_URL),
            Route::App | Route::Letter => None,
        }
    }

    /// The route a closing page belongs to.
    pub fn of_page(page: PageKind) -> Option<Route> {
        match page {
            PageKind::DeleteAccount | PageKind::AccountSettings => Some(Route::PrivacyCentre),
            PageKind::DeactivateAccount => Some(Route::DeactivatePage),
            _ => None,
        }
    }
}

impl StepId {
    /// The name used in `data-step`.
    pub fn name(self) -> &'static str {
        match self {
            StepId::OpenSettings => "open_settings",
            StepId::EditProfile => "edit_profile",
            StepId::DeactivateLink => "deactivate_link",
            StepId::OpenDelete => "open_delete",
            StepId::TypeAgree => "type_agree",
            StepId::ConfirmAgree => "confirm_agree",
            StepId::GetCode => "get_code",
            StepId::EnterCode => "enter_code",
            StepId::Verify => "verify",
            StepId::TickConfirm => "tick_confirm",
            StepId::FinalDelete => "final_delete",
            StepId::DeactivateEmail => "deactivate_email",
            StepId::DeactivatePhrase => "deactivate_phrase",
            StepId::DeactivateReason => "deactivate_reason",
            StepId::FinalDeactivate => "final_deactivate",
        }
    }
}

/// The steps that happen on a page, in order.
pub fn steps_on(page: PageKind) -> impl Iterator<Item = &'static GuideStep> {
    GUIDE_STEPS.iter().filter(move |s| s.page == page)
}

/// Whether the page has guided steps at all.
pub fn is_step_page(page: PageKind) -> bool {
    steps_on(page).next().is_some()
}

/// The step to point at, and its element.
#[derive(Debug, Clone)]
pub struct Pointed<N> {
    /// The step.
    pub step: &'static GuideStep,
    /// Its control; `None` when two controls could be it and nothing tells them apart: the
    /// panel says so rather than ring a guess.
    pub element: Option<N>,
}

/// Finds the step the page is at and the control to use next.
///
/// The page's steps are looked for in order. The last one whose control shows marks how far
/// the page has got; of the run of showing steps that ends there, the first not yet done is
/// the one to use (type "agree" before pressing Delete; press "Get code" before typing it).
/// The flow's irreversible last step only counts once the page has got there: with the step
/// before it showing, or with no earlier step showing at all. A "Delete account" link in a
/// side menu, beside the first step's "Delete my account", is not the last step.
/// `None` when no control of the page's steps can be found.
pub fn current_step<N: DomNode + Clone>(page: PageKind, root: &N) -> Option<Pointed<N>> {
    let steps: Vec<&'static GuideStep> = steps_on(page).collect();
    let found: Vec<Option<Found<N>>> = steps
        .iter()
        .map(|s| find_control(root, &s.control, s.last))
        .collect();
    let reached = |i: usize| {
        !steps[i].last || i == 0 || found[i - 1].is_some() || found[..i].iter().all(Option::is_none)
    };
    let last = (0..steps.len())
        .rev()
        .find(|&i| found[i].is_some() && reached(i))?;
    let mut first = last;
    while first > 0 && found[first - 1].is_some() {
        first -= 1;
    }
    let element = |i: usize| found[i].as_ref().and_then(Found::element);
    let pick = (first..last)
        .find(|&i| !is_done(steps[i].done_when, element(i), element(i + 1)))
        .unwrap_or(last);
    Some(Pointed {
        step: steps[pick],
        element: element(pick).cloned(),
    })
}

fn is_done<N: DomNode>(rule: DoneWhen, element: Option<&N>, next: Option<&N>) -> bool {
    let filled = |e: Option<&N>| e.is_some_and(|e| !e.value().trim().is_empty());
    match rule {
        DoneWhen::Passed => true,
        DoneWhen::Filled => filled(element),
        DoneWhen::NextFilled => filled(next),
        DoneWhen::Holds(words) => element.is_some_and(|e| {
            let value = normalise(&e.value());
            words.iter().any(|w| *w == value)
        }),
    }
}

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
