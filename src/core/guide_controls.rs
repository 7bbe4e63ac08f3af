//! Finding a closing step's control on the page the way a person does: by its role and its
//! name (in any of the eight languages), preferring the page's main content to its menus;
//! never by class.

use super::dom::DomNode;
use super::guide_rules::{ControlRule, Role};
use super::lowercase::lower;

/// A step's control as found on the page.
#[derive(Debug, Clone)]
pub(super) enum Found<N> {
    /// One control.
    One(N),
    /// Two or more, equally likely.
    Several,
}

impl<N> Found<N> {
    /// The one control, if it was told apart.
    pub(super) fn element(&self) -> Option<&N> {
        match self {
            Found::One(n) => Some(n),
            Found::Several => None,
        }
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

/// Every selector above, by name, for the test that parses them all (`core::selectors`).
pub(super) const ROLE_SELECTORS: [(&str, &str); 8] = [
    ("BUTTONS", BUTTONS),
    ("LINKS", LINKS),
    ("TEXT_BOXES", TEXT_BOXES),
    ("SELECTS", SELECTS),
    ("CHECKBOXES", CHECKBOXES),
    ("NAVIGATION", NAVIGATION),
    ("TRUE_BUTTONS", TRUE_BUTTONS),
    ("TRUE_LINKS", TRUE_LINKS),
];

/// Finds a step's control by role and name, then by the rule's fallback selectors. Only
/// controls that show count. Of several with the step's name, those in the page's main
/// content win over those in its navigation, then those of the step's own role (a button
/// over a link dressed as one). Two that are still alike are `Several`. `strict`, for the
/// irreversible last step: only a control of the step's own role counts, never a link that
/// reads like it.
pub(super) fn find_control<N: DomNode>(
    root: &N,
    rule: &ControlRule,
    strict: bool,
) -> Option<Found<N>> {
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
pub(super) fn normalise(text: &str) -> String {
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
pub(super) fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with(|c: char| c.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
