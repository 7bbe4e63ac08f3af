//! Pointing at the right control: which step of closing the page in view is at, and which
//! element the user should use next. The routes to closing the account, in words.

use serde::{Deserialize, Serialize};

use super::case::lower;
use super::dom::DomNode;
use super::guide_rules::{ControlRule, DoneWhen, GuideStep, Role, StepId, GUIDE_STEPS};
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
    /// Its control.
    pub element: N,
}

/// Finds the step the page is at and the control to use next.
///
/// The page's steps are looked for in order. The last one whose control shows marks how far
/// the page has got; of the run of showing steps that ends there, the first not yet done is
/// the one to use (type "agree" before pressing Delete; press "Get code" before typing it).
/// `None` when no control of the page's steps can be found.
pub fn current_step<N: DomNode + Clone>(page: PageKind, root: &N) -> Option<Pointed<N>> {
    let steps: Vec<&'static GuideStep> = steps_on(page).collect();
    let found: Vec<Option<N>> = steps
        .iter()
        .map(|s| find_control(root, &s.control))
        .collect();
    let last = found.iter().rposition(Option::is_some)?;
    let mut first = last;
    while first > 0 && found[first - 1].is_some() {
        first -= 1;
    }
    let pick = (first..last)
        .find(|&i| !is_done(steps[i].done_when, found[i].as_ref(), found[i + 1].as_ref()))
        .unwrap_or(last);
    Some(Pointed {
        step: steps[pick],
        element: found[pick].clone()?,
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

/// Finds a control by role and name; then by the rule's fallback selectors. Only controls that
/// show count.
pub fn find_control<N: DomNode>(root: &N, rule: &ControlRule) -> Option<N> {
    let by_name = match rule.role {
        Role::Button | Role::Link => {
            let candidates = if rule.role == Role::Button {
                BUTTONS
            } else {
                LINKS
            };
            root.select_all(candidates)
                .into_iter()
                .find(|c| c.is_shown() && rule.names.contains(&normalise(&own_name(c)).as_str()))
        }
        Role::TextBox | Role::Select | Role::Checkbox => {
            let fields = match rule.role {
                Role::TextBox => TEXT_BOXES,
                Role::Select => SELECTS,
                _ => CHECKBOXES,
            };
            find_field(root, fields, rule.names)
        }
    };
    by_name.or_else(|| {
        rule.fallback
            .iter()
            .flat_map(|s| root.select_all(s))
            .find(DomNode::is_shown)
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
