//! Pointing at the right control: which step of closing the page in view is at, and which
//! element the user should use next. The routes to closing the account, in words.

use serde::{Deserialize, Serialize};

use super::dom::DomNode;
use super::guide_rules::{ControlRule, DoneWhen, GuideStep, Role, StepId, GUIDE_STEPS};
use super::lowercase::lower;
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

/// A step's control as found on the page.
#[derive(Debug, Clone)]
enum Found<N> {
    /// One control.
    One(N),
    /// Two or more, equally likely.
    Several,
}

impl<N> Found<N> {
    fn element(&self) -> Option<&N> {
        match self {
            Found::One(n) => Some(n),
            Found::Several => None,
        }
    }
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

const BUTTONS: &str =
    "button, [role=\"button\"], input[type=\"button\"], input[type=\"submit\"], a[href]";
const LINKS: &str = "a[href], [role=\"link\"], button, [role=\"button\"]";
const TEXT_BOXES: &str = "input:not([type]), input[type=\"text\"], input[type=\"email\"], input[type=\"tel\"], input[type=\"number\"], input[type=\"search\"], textarea, [role=\"textbox\"]";
const SELECTS: &str = "select, [role=\"combobox\"], [role=\"listbox\"]";
const CHECKBOXES: &str = "input[type=\"checkbox\"], [role=\"checkbox\"]";

/// Where a page keeps its navigation: a control there is a way to another page, not the step
/// at hand.
const NAVIGATION: &str = "nav, [role=\"navigation\"], [role=\"menu\"], [role=\"menubar\"], [role=\"menuitem\"], [role=\"tablist\"], aside, header, footer";
/// What is a button itself, not a link styled as one.
const TRUE_BUTTONS: &str = "button, [role=\"button\"], input";
/// What is a link itself.
const TRUE_LINKS: &str = "a[href], [role=\"link\"]";

/// Finds a step's control by role and name, then by the rule's fallback selectors. Only
/// controls that show count. Of several with the step's name, those in the page's main
/// content win over those in its navigation, then those of the step's own role (a button
/// over a link dressed as one). Two that are still alike are `Several`. `strict`, for the
/// irreversible last step: only a control of the step's own role counts, never a link that
/// reads like it.
fn find_control<N: DomNode>(root: &N, rule: &ControlRule, strict: bool) -> Option<Found<N>> {
    let by_name = match rule.role {
        Role::Button | Role::Link => {
            let (candidates, own_role) = if rule.role == Role::Button {
                (BUTTONS, TRUE_BUTTONS)
            } else {
                (LINKS, TRUE_LINKS)
            };
            let named: Vec<N> = root
                .select_all(candidates)
                .into_iter()
                .filter(|c| c.is_shown() && rule.names.contains(&normalise(&own_name(c)).as_str()))
                .filter(|c| !strict || c.within(own_role))
                .collect();
            let rank = |c: &N| (!c.within(NAVIGATION), c.within(own_role));
            let best = named.iter().map(rank).max();
            let mut best: Vec<N> = named
                .into_iter()
                .filter(|c| Some(rank(c)) == best)
                .collect();
            // Links that lead to one place are one way there, wherever they sit.
            let one_place = rule.role == Role::Link
                && best
                    .first()
                    .and_then(|b| b.attr("href"))
                    .is_some_and(|href| {
                        best.iter().all(|c| c.attr("href").as_ref() == Some(&href))
                    });
            match best.len() {
                0 => None,
                1 => best.pop().map(Found::One),
                _ if one_place => Some(Found::One(best.swap_remove(0))),
                _ => Some(Found::Several),
            }
        }
        Role::TextBox | Role::Select | Role::Checkbox => {
            let fields = match rule.role {
                Role::TextBox => TEXT_BOXES,
                Role::Select => SELECTS,
                _ => CHECKBOXES,
            };
            find_field(root, fields, rule.names).map(Found::One)
        }
    };
    by_name.or_else(|| {
        rule.fallback
            .iter()
            .flat_map(|s| root.select_all(s))
            .find(DomNode::is_shown)
            .map(Found::One)
    })
}

/// A field whose own name (aria-label, placeholder, title) or label contains one of `names`.
fn find_field<N: DomNode>(root: &N, fields: &str, names: &[&str]) -> Option<N> {
    let named = |text: &str| {
        let text = normalise(text);
        !text.is_empty() && names.iter().any(|n| text.contains(n))
    };
    let own = root.select_all(fields).into_iter().find(|f| {
        f.is_shown()
            && ["aria-label", "placeholder", "title"]
                .iter()
                .any(|a| f.attr(a).is_some_and(|v| named(&v)))
    });
    own.or_else(|| {
        root.select_all("label")
            .into_iter()
            .filter(|l| named(&l.text()))
            .find_map(|label| {
                let by_for = label
                    .attr("for")
                    .filter(|id| is_plain_id(id))
                    .and_then(|id| root.select(&format!("#{id}")));
                by_for
                    .or_else(|| label.select(fields))
                    .filter(DomNode::is_shown)
            })
    })
}

/// A button's or link's name: its aria-label, else its text, else its value or title.
fn own_name<N: DomNode>(node: &N) -> String {
    node.attr("aria-label")
        .filter(|l| !l.trim().is_empty())
        .or_else(|| Some(node.text()).filter(|t| !t.trim().is_empty()))
        .or_else(|| node.attr("value"))
        .or_else(|| node.attr("title"))
        .unwrap_or_default()
}

/// Lower-case, single spaces, no surrounding quotes or arrows.
fn normalise(text: &str) -> String {
    lower(&text.split_whitespace().collect::<Vec<_>>().join(" "))
        .trim_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '“' | '”' | '«' | '»' | '›' | '>' | '.' | ':'
            )
        })
        .trim()
        .to_owned()
}

/// Ids safe to put in a `#id` selector as they are.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with(|c: char| c.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_lower_case() {
        for step in GUIDE_STEPS {
            for name in step.control.names {
                assert_eq!(normalise(name), *name, "{:?}", step.id);
            }
        }
        assert_eq!(normalise("  Delete\n My  Account › "), "delete my account");
    }

    #[test]
    fn every_closing_page_has_one_last_step_at_most() {
        for page in [PageKind::DeleteAccount, PageKind::DeactivateAccount] {
            let last: Vec<_> = steps_on(page).filter(|s| s.last).collect();
            assert_eq!(last.len(), 1, "{page:?}");
            assert!(steps_on(page).last().is_some_and(|s| s.last));
        }
        assert!(steps_on(PageKind::AccountSettings).all(|s| !s.last));
    }

    #[test]
    fn plain_ids_only() {
        assert!(is_plain_id("agree-field"));
        assert!(!is_plain_id("a b"));
        assert!(!is_plain_id("1x"));
        assert!(!is_plain_id("x\"],y"));
    }
}
