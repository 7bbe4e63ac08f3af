//! What the order list shows, as the collector needs it: cards, the "View orders" button,
//! the time filter, which status tab, the tabs' counts, a captcha; and the list's own
//! controls that a run presses, found here so the web layer reads no rule table.

use serde::{Deserialize, Serialize};

use crate::core::dom::DomNode;
use crate::core::list_rules::{LIST_CONTROLS, LIST_LAYOUTS};
use crate::core::lowercase::lower;

use crate::core::collect::find::Find;

/// The "View orders" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoreButton {
    /// Not on the page: the list is exhausted.
    Absent,
    /// Ready to press.
    Ready,
    /// Present but disabled: the page is loading.
    Busy,
}

/// The time filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeFilter {
    /// The page has none: carry on with what it lists.
    Absent,
    /// Set to the whole history.
    AllTime,
    /// Set to a shorter period (the default is the last year).
    Shorter,
}

/// Which status tab the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusTab {
    /// No tabs found: carry on with what the list shows.
    Absent,
    /// The first tab, "View all": every order.
    AllOrders,
    /// Another tab ("To pay", "Processing"…), which shows only some orders.
    Other,
}

/// What the page shows at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListObservation {
    /// The user was sent to a sign-in page.
    pub signed_out: bool,
    /// A captcha covers the page.
    pub captcha: bool,
    /// Order cards on the page.
    pub cards: usize,
    /// The list has rendered (cards or the pager are there).
    pub rendered: bool,
    /// The pager.
    pub more: MoreButton,
    /// The time filter.
    pub time_filter: TimeFilter,
    /// The status tab shown.
    pub tab: StatusTab,
    /// The "Deleted orders" tab.
    pub deleted_tab: DeletedTab,
    /// The counts the tabs state.
    pub stated: StatedCounts,
}

/// The order counts the status tabs state, where the layout shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatedCounts {
    /// Every order: the count the active tab states (`View all (256)` on layouts that show
    /// one).
    pub all: Option<u32>,
    /// The orders not finished: "To pay (N)", "Processing (N)" and "Processed (N)" added up.
    /// `None` when no tab states one, or when the tab with every order is not the one shown.
    pub unfinished: Option<u32>,
}

/// The "Deleted orders" tab, where orders the user deleted from the list still are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeletedTab {
    /// Not found on the page.
    Absent,
    /// There, not shown.
    Present,
    /// Shown.
    Active,
}

/// Which part of the history a run is reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Phase {
    /// The list of every order ("View all").
    #[default]
    AllOrders,
    /// The "Deleted orders" tab, once "View all" has been read to its end.
    Deleted,
}

/// What the order list shows now, read over the page's DOM: the cards counted in `root`, the
/// list's controls looked for in `controls` (the whole page, or the page without its cards:
/// see [`Find`]). Runs on every DOM change while a step waits: it counts cards, it doesn't read
/// them. `signed_out`: the page is a sign-in page. The tabs are looked for once for all that
/// is read from them.
pub fn observe<N: DomNode + Clone>(
    root: &N,
    controls: &impl Find<N>,
    signed_out: bool,
) -> ListObservation {
    let rules = &LIST_CONTROLS;
    // Where no layout finds a card, the structural reader counts them (a redesign).
    let cards = LIST_LAYOUTS
        .iter()
        .map(|l| root.select_after(l.card, 0, 0).0)
        .find(|&n| n > 0)
        .unwrap_or_else(|| crate::core::parse::structural::find_cards(root).len());
    let more = match view_more_control(controls) {
        None if controls.first_of(rules.next_page).is_some() => MoreButton::Ready,
        None => MoreButton::Absent,
        Some(b) if b.attr("disabled").is_some() => MoreButton::Busy,
        Some(_) => MoreButton::Ready,
    };
    let time_filter = match controls.first_of(rules.time_filter) {
        None => TimeFilter::Absent,
        Some(select) if select.value() == rules.all_time_value => TimeFilter::AllTime,
        Some(_) => TimeFilter::Shorter,
    };
    let tabs = controls.all(rules.tabs);
    let tab = status_tab(&tabs);
    ListObservation {
        signed_out,
        captcha: controls::captcha_shown(controls),
        cards,
        rendered: cards > 0 || more != MoreButton::Absent,
        more,
        time_filter,
        tab,
        deleted_tab: deleted_tab(&tabs),
        stated: StatedCounts {
            all: controls
                .first_of(rules.stated_count)
                .and_then(|t| last_number(&t.text())),
            unfinished: (tab == StatusTab::AllOrders)
                .then(|| unfinished_stated(&tabs))
                .flatten(),
        },
    }
}

/// The list's own controls a run uses, found here so that the browser layer only presses
/// them: it reads no rule table itself.
pub mod controls {
    use crate::core::collect::find::Find;
    use crate::core::dom::DomNode;
    use crate::core::list_rules::{LIST_CONTROLS, LIST_LAYOUTS};

    /// Orders one press of "View orders" adds.
    pub const PAGE_SIZE: usize = LIST_CONTROLS.page_size;
    /// The time filter's value for the whole history.
    pub const ALL_TIME: &str = LIST_CONTROLS.all_time_value;

    /// The time filter (a `<select>` where it is one).
    pub fn time_filter<N: DomNode>(controls: &impl Find<N>) -> Option<N> {
        controls.first_of(LIST_CONTROLS.time_filter)
    }

    /// The old layout's "Next" link.
    pub fn next_page<N: DomNode>(controls: &impl Find<N>) -> Option<N> {
        controls.first_of(LIST_CONTROLS.next_page)
    }

    /// Whether the slider captcha shows.
    pub fn captcha_shown<N: DomNode>(controls: &impl Find<N>) -> bool {
        controls.first_of(LIST_CONTROLS.captcha).is_some()
    }

    /// The first status tab: "View all".
    pub fn all_orders_tab<N: DomNode>(controls: &impl Find<N>) -> Option<N> {
        controls.first(LIST_CONTROLS.tabs)
    }

    /// The list's first card, by the rule tables, else by structure: when it leaves the page,
    /// the list has re-rendered (another tab, another period).
    pub fn first_card<N: DomNode + Clone>(root: &N) -> Option<N> {
        LIST_LAYOUTS
            .iter()
            .find_map(|l| root.select(l.card))
            .or_else(|| {
                crate::core::parse::structural::find_cards(root)
                    .into_iter()
                    .next()
            })
    }
}

/// The "Deleted orders" tab, by its name.
pub fn deleted_tab_control<N: DomNode>(controls: &impl Find<N>) -> Option<N> {
    controls
        .all(LIST_CONTROLS.tabs)
        .into_iter()
        .find(is_deleted_tab)
}

fn is_deleted_tab<N: DomNode>(tab: &N) -> bool {
    let name = lower(&tab.text().split_whitespace().collect::<Vec<_>>().join(" "));
    LIST_CONTROLS.deleted_tab_names.contains(&name.as_str())
}

fn deleted_tab<N: DomNode>(tabs: &[N]) -> DeletedTab {
    match tabs.iter().find(|t| is_deleted_tab(*t)) {
        None => DeletedTab::Absent,
        Some(t) if is_active(t) => DeletedTab::Active,
        Some(_) => DeletedTab::Present,
    }
}

fn is_active<N: DomNode>(tab: &N) -> bool {
    tab.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|c| c == LIST_CONTROLS.active_tab_class)
    })
}

/// The "View orders" button: by the rule tables' selectors, else by its role and its name.
pub fn view_more_control<N: DomNode>(controls: &impl Find<N>) -> Option<N> {
    controls.first_of(LIST_CONTROLS.view_more).or_else(|| {
        controls
            .all("button, [role=\"button\"]")
            .into_iter()
            .find(|b| {
                let name = lower(&b.text().split_whitespace().collect::<Vec<_>>().join(" "));
                LIST_CONTROLS.view_more_names.contains(&name.as_str())
            })
    })
}

/// Which tab is active: the first ("View all") or another. Found by place, not by label,
/// which changes by language.
fn status_tab<N: DomNode>(tabs: &[N]) -> StatusTab {
    match tabs.iter().position(|t| is_active(t)) {
        None => StatusTab::Absent,
        Some(0) => StatusTab::AllOrders,
        Some(_) => StatusTab::Other,
    }
}

/// The counts the other status tabs state, added up; `None` when none states one.
fn unfinished_stated<N: DomNode>(tabs: &[N]) -> Option<u32> {
    let counts: Vec<u32> = tabs
        .iter()
        .skip(1)
        .filter_map(|t| bracketed_number(&t.text()))
        .collect();
    (!counts.is_empty()).then(|| counts.iter().sum())
}

/// The number in `(N)` at the end of a tab's label.
fn bracketed_number(text: &str) -> Option<u32> {
    let inner = text.trim().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let digits = inner[open + 1..].trim();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn last_number(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .rfind(|s| !s.is_empty())?
        .parse()
        .ok()
}
