//! The backup's decisions while it reads the order list. Pure: the browser layer observes the
//! page, asks [`Collector::next`] what to do, does it with the page's own controls, and waits
//! for the page to change. Timing (human pace, time-outs) is the browser layer's job.

use serde::{Deserialize, Serialize};

use super::dom::DomNode;
use super::list_rules::{LIST_CONTROLS, LIST_LAYOUTS};
use super::lowercase::lower;
use super::order::Warning;

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

/// What the order list shows now, read over the page's DOM. Runs on every DOM change while a
/// step waits: it counts cards, it doesn't read them. `signed_out`: the page is a sign-in page.
pub fn observe<N: DomNode + Clone>(root: &N, signed_out: bool) -> ListObservation {
    let controls = &LIST_CONTROLS;
    // Where no layout finds a card, the structural reader counts them (a redesign).
    let cards = LIST_LAYOUTS
        .iter()
        .map(|l| root.select_after(l.card, 0, 0).0)
        .find(|&n| n > 0)
        .unwrap_or_else(|| super::structural::find_cards(root).len());
    let more = match view_more_control(root) {
        None if root.select_any(controls.next_page).is_some() => MoreButton::Ready,
        None => MoreButton::Absent,
        Some(b) if b.attr("disabled").is_some() => MoreButton::Busy,
        Some(_) => MoreButton::Ready,
    };
    let time_filter = match root.select_any(controls.time_filter) {
        None => TimeFilter::Absent,
        Some(select) if select.value() == controls.all_time_value => TimeFilter::AllTime,
        Some(_) => TimeFilter::Shorter,
    };
    ListObservation {
        signed_out,
        captcha: root.select_any(controls.captcha).is_some(),
        cards,
        rendered: cards > 0 || more != MoreButton::Absent,
        more,
        time_filter,
        tab: status_tab(root),
        deleted_tab: deleted_tab(root),
    }
}

/// The list's own controls a run uses, found here so that the browser layer only presses
/// them: it reads no rule table itself.
pub mod controls {
    use super::super::dom::DomNode;
    use super::super::list_rules::{LIST_CONTROLS, LIST_LAYOUTS};

    /// Orders one press of "View orders" adds.
    pub const PAGE_SIZE: usize = LIST_CONTROLS.page_size;
    /// The time filter's value for the whole history.
    pub const ALL_TIME: &str = LIST_CONTROLS.all_time_value;

    /// The time filter (a `<select>` where it is one).
    pub fn time_filter<N: DomNode>(root: &N) -> Option<N> {
        root.select_any(LIST_CONTROLS.time_filter)
    }

    /// The old layout's "Next" link.
    pub fn next_page<N: DomNode>(root: &N) -> Option<N> {
        root.select_any(LIST_CONTROLS.next_page)
    }

    /// Whether the slider captcha shows.
    pub fn captcha_shown<N: DomNode>(root: &N) -> bool {
        root.select_any(LIST_CONTROLS.captcha).is_some()
    }

    /// The first status tab: "View all".
    pub fn all_orders_tab<N: DomNode>(root: &N) -> Option<N> {
        root.select(LIST_CONTROLS.tabs)
    }

    /// The list's first card, by the rule tables, else by structure: when it leaves the page,
    /// the list has re-rendered (another tab, another period).
    pub fn first_card<N: DomNode + Clone>(root: &N) -> Option<N> {
        LIST_LAYOUTS
            .iter()
            .find_map(|l| root.select(l.card))
            .or_else(|| {
                super::super::structural::find_cards(root)
                    .into_iter()
                    .next()
            })
    }
}

/// The "Deleted orders" tab, by its name.
pub fn deleted_tab_control<N: DomNode>(root: &N) -> Option<N> {
    root.select_all(LIST_CONTROLS.tabs).into_iter().find(|t| {
        let name = lower(&t.text().split_whitespace().collect::<Vec<_>>().join(" "));
        LIST_CONTROLS.deleted_tab_names.contains(&name.as_str())
    })
}

fn deleted_tab<N: DomNode>(root: &N) -> DeletedTab {
    match deleted_tab_control(root) {
        None => DeletedTab::Absent,
        Some(t) if is_active(&t) => DeletedTab::Active,
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
pub fn view_more_control<N: DomNode + Clone>(root: &N) -> Option<N> {
    root.select_any(LIST_CONTROLS.view_more).or_else(|| {
        root.select_all("button, [role=\"button\"]")
            .into_iter()
            .find(|b| {
                let name = lower(&b.text().split_whitespace().collect::<Vec<_>>().join(" "));
                LIST_CONTROLS.view_more_names.contains(&name.as_str())
            })
    })
}

/// Which tab is active: the first ("View all") or another. Found by place, not by label,
/// which changes by language.
fn status_tab<N: DomNode>(root: &N) -> StatusTab {
    let tabs = root.select_all(LIST_CONTROLS.tabs);
    match tabs.iter().position(|t| is_active(t)) {
        None => StatusTab::Absent,
        Some(0) => StatusTab::AllOrders,
        Some(_) => StatusTab::Other,
    }
}

/// The count the active tab states (`View all (256)` on layouts that show one).
pub fn stated_count<N: DomNode>(root: &N) -> Option<u32> {
    last_number(&root.select_any(LIST_CONTROLS.stated_count)?.text())
}

/// The counts the other status tabs state, added up: "To pay (N)", "Processing (N)" and
/// "Processed (N)" count the orders that are not finished. `None` when no tab states one,
/// or when the tab with every order is not the one shown.
pub fn unfinished_stated<N: DomNode>(root: &N) -> Option<u32> {
    if status_tab(root) != StatusTab::AllOrders {
        return None;
    }
    let tabs = root.select_all(LIST_CONTROLS.tabs);
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

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Wait for the page to render or change.
    Wait,
    /// Switch the time filter to the whole history, then wait for the list to re-render.
    ChooseAllTime,
    /// Switch to the tab with every order ("View all"), then wait for the list to re-render.
    ChooseAllOrders,
    /// "View all" is read to its end: switch to "Deleted orders", then wait for it to show.
    OpenDeletedTab,
    /// Press "View orders" (at a human pace), then wait for cards to be added.
    PressMore,
    /// Ask the user to solve the captcha, and wait until it is gone.
    SolveCaptcha,
    /// The list is exhausted: read the detail pages that are still needed.
    ReadDetails,
    /// The user was signed out: stop and say so.
    SignedOut,
    /// The list stayed on another status tab after the switch: say so (a gap), then read
    /// what it shows.
    WrongTab,
}

/// Presses in a row that add nothing, on a settled page, before the list counts as ended:
/// with the button gone, that is the evidence of its end (`docs/site-facts.md`, "Tabs,
/// counts and the time filter").
pub const MAX_EMPTY_PRESSES: u32 = 3;

/// The collector's memory across observations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collector {
    /// The time filter was switched to the whole history.
    pub chose_all_time: bool,
    /// The tab with every order was chosen.
    pub chose_all_orders: bool,
    /// The page stayed on another tab after the switch: the run reads what it shows, and
    /// the backup says it is not every order.
    pub stays_on_tab: bool,
    /// What the run is reading now.
    pub phase: Phase,
    /// Whether the "Deleted orders" tab was found when "View all" ended (`None`: not yet).
    pub deleted_tab_found: Option<bool>,
    /// Whether the time filter was seen set to the whole history when "View all" ended
    /// (`None`: not yet; `Some(false)`: not found, so what it covers can't be confirmed).
    pub all_time_confirmed: Option<bool>,
    /// "View orders" presses so far.
    pub presses: u32,
    /// Cards on the page before the last press.
    pub cards_before_press: Option<usize>,
    /// Presses in a row that added no card.
    pub empty_presses: u32,
    /// The last press met a captcha: what it added says nothing about the list, so it is
    /// neither a short page nor an empty press.
    pub press_met_captcha: bool,
    /// What went wrong on the way, for the backup's warnings.
    pub events: Vec<Warning>,
}

impl Collector {
    /// Decides the next step from what the page shows now.
    pub fn next(&mut self, page: &ListObservation, page_size: usize) -> Next {
        if page.signed_out {
            return Next::SignedOut;
        }
        if page.captcha {
            self.press_met_captcha |= self.cards_before_press.is_some();
            return Next::SolveCaptcha;
        }
        if self.phase == Phase::Deleted {
            return self.next_deleted(page, page_size);
        }
        // Before waiting for cards: a status tab may hold none.
        if page.tab == StatusTab::Other && !self.stays_on_tab {
            if self.chose_all_orders {
                self.stays_on_tab = true;
                return Next::WrongTab;
            }
            self.chose_all_orders = true;
            return Next::ChooseAllOrders;
        }
        if !page.rendered {
            return Next::Wait;
        }
        if page.time_filter == TimeFilter::Shorter && !self.chose_all_time {
            self.chose_all_time = true;
            return Next::ChooseAllTime;
        }
        if self.press_pending(page, page_size) {
            return Next::Wait;
        }
        match self.walk(page) {
            Next::ReadDetails => self.list_ended(page),
            next => next,
        }
    }

    /// The list's end or the next press, on whichever tab is read.
    fn walk(&mut self, page: &ListObservation) -> Next {
        match page.more {
            MoreButton::Absent => Next::ReadDetails,
            MoreButton::Busy => Next::Wait,
            // Presses that add nothing once the page has settled: the list has ended.
            MoreButton::Ready if self.empty_presses >= MAX_EMPTY_PRESSES => Next::ReadDetails,
            MoreButton::Ready => {
                self.presses += 1;
                self.cards_before_press = Some(page.cards);
                Next::PressMore
            }
        }
    }

    /// "View all" has ended: the orders the user deleted from it are next, where the page has
    /// their tab (on a tab of their own, they are on no other).
    fn list_ended(&mut self, page: &ListObservation) -> Next {
        self.deleted_tab_found = Some(page.deleted_tab != DeletedTab::Absent);
        self.all_time_confirmed = Some(page.time_filter == TimeFilter::AllTime);
        if page.deleted_tab == DeletedTab::Absent || self.stays_on_tab {
            return Next::ReadDetails;
        }
        self.phase = Phase::Deleted;
        self.empty_presses = 0;
        self.cards_before_press = None;
        Next::OpenDeletedTab
    }

    /// Reading "Deleted orders": wait for the tab to show, then walk it to its end.
    fn next_deleted(&mut self, page: &ListObservation, page_size: usize) -> Next {
        if page.deleted_tab != DeletedTab::Active || self.press_pending(page, page_size) {
            return Next::Wait;
        }
        self.walk(page)
    }

    /// Whether the last press is still loading; once it is done, what it added is accounted
    /// for (unless it met a captcha, which says nothing about the list).
    fn press_pending(&mut self, page: &ListObservation, page_size: usize) -> bool {
        let Some(before) = self.cards_before_press else {
            return false;
        };
        if page.more == MoreButton::Busy {
            return true;
        }
        self.cards_before_press = None;
        if !std::mem::take(&mut self.press_met_captcha) {
            self.account_for_press(before, page, page_size);
        }
        false
    }

    /// Called when a press's wait ended. A press that added fewer cards than a page while the
    /// list goes on is noted and pressed again (AliExpress sometimes drops orders from a page).
    fn account_for_press(&mut self, before: usize, page: &ListObservation, page_size: usize) {
        let added = page.cards.saturating_sub(before);
        if added == 0 && page.more != MoreButton::Absent {
            self.empty_presses += 1;
        } else {
            self.empty_presses = 0;
        }
        if added < page_size && page.more != MoreButton::Absent {
            self.events.push(Warning::new("short_page", format!("\"View orders\" press {} added {added} orders instead of {page_size}; pressed again", self.presses)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(cards: usize, more: MoreButton) -> ListObservation {
        ListObservation {
            signed_out: false,
            captcha: false,
            cards,
            rendered: true,
            more,
            time_filter: TimeFilter::AllTime,
            tab: StatusTab::AllOrders,
            deleted_tab: DeletedTab::Absent,
        }
    }

    #[test]
    fn walks_a_list_to_its_end() {
        let mut c = Collector::default();
        let hydrating = ListObservation {
            rendered: false,
            ..page(0, MoreButton::Absent)
        };
        assert_eq!(c.next(&hydrating, 10), Next::Wait);
        let default_filter = ListObservation {
            time_filter: TimeFilter::Shorter,
            ..page(10, MoreButton::Ready)
        };
        assert_eq!(c.next(&default_filter, 10), Next::ChooseAllTime);
        assert_eq!(c.next(&page(10, MoreButton::Ready), 10), Next::PressMore);
        assert_eq!(c.next(&page(10, MoreButton::Busy), 10), Next::Wait);
        assert_eq!(c.next(&page(20, MoreButton::Ready), 10), Next::PressMore);
        assert_eq!(c.next(&page(25, MoreButton::Absent), 10), Next::ReadDetails);
        assert_eq!(
            c.all_time_confirmed,
            Some(true),
            "the filter was seen on every year"
        );
        assert_eq!(c.presses, 2);
        assert!(
            c.events.is_empty(),
            "the last page may be short: {:?}",
            c.events
        );
    }

    #[test]
    fn a_short_press_is_noted_and_pressed_again() {
        let mut c = Collector::default();
        assert_eq!(c.next(&page(10, MoreButton::Ready), 10), Next::PressMore);
        assert_eq!(c.next(&page(14, MoreButton::Ready), 10), Next::PressMore);
        assert_eq!(c.events.len(), 1);
        assert_eq!(c.events[0].code, "short_page");
    }

    #[test]
    fn a_run_started_on_another_tab_switches_to_every_order_or_says_it_did_not() {
        let mut c = Collector::default();
        let to_pay = ListObservation {
            tab: StatusTab::Other,
            ..page(3, MoreButton::Absent)
        };
        assert_eq!(c.next(&to_pay, 10), Next::ChooseAllOrders);
        assert_eq!(c.next(&page(10, MoreButton::Ready), 10), Next::PressMore);
        let mut stuck = Collector::default();
        assert_eq!(stuck.next(&to_pay, 10), Next::ChooseAllOrders);
        assert_eq!(stuck.next(&to_pay, 10), Next::WrongTab);
        assert_eq!(
            stuck.next(&to_pay, 10),
            Next::ReadDetails,
            "then reads what it shows"
        );
        // No tabs at all (the old layout, or a redesign): carry on with the list.
        let no_tabs = ListObservation {
            tab: StatusTab::Absent,
            ..page(3, MoreButton::Absent)
        };
        assert_eq!(Collector::default().next(&no_tabs, 10), Next::ReadDetails);
    }

    #[test]
    fn the_deleted_orders_tab_is_read_after_view_all_or_said_missing() {
        let with_tab = |cards, more, deleted_tab| ListObservation {
            deleted_tab,
            ..page(cards, more)
        };
        let mut c = Collector::default();
        assert_eq!(
            c.next(&with_tab(10, MoreButton::Ready, DeletedTab::Present), 10),
            Next::PressMore
        );
        assert_eq!(
            c.next(&with_tab(15, MoreButton::Absent, DeletedTab::Present), 10),
            Next::OpenDeletedTab
        );
        assert_eq!(c.deleted_tab_found, Some(true));
        // Until the tab shows, wait; then walk it to its end like any list.
        assert_eq!(
            c.next(&with_tab(15, MoreButton::Absent, DeletedTab::Present), 10),
            Next::Wait
        );
        let deleted = ListObservation {
            tab: StatusTab::Other,
            ..with_tab(10, MoreButton::Ready, DeletedTab::Active)
        };
        assert_eq!(
            c.next(&deleted, 10),
            Next::PressMore,
            "not switched back to View all"
        );
        let end = ListObservation {
            tab: StatusTab::Other,
            ..with_tab(12, MoreButton::Absent, DeletedTab::Active)
        };
        assert_eq!(c.next(&end, 10), Next::ReadDetails);
        // A page without the tab: the list's end is the end, and the run knows the tab was
        // not there.
        let mut none = Collector::default();
        assert_eq!(
            none.next(&page(3, MoreButton::Absent), 10),
            Next::ReadDetails
        );
        assert_eq!(none.deleted_tab_found, Some(false));
    }

    #[test]
    fn a_list_that_stops_growing_ends_after_three_presses() {
        let mut c = Collector::default();
        let mut steps = Vec::new();
        for _ in 0..5 {
            steps.push(c.next(&page(10, MoreButton::Ready), 10));
        }
        assert_eq!(
            steps,
            [
                Next::PressMore,
                Next::PressMore,
                Next::PressMore,
                Next::ReadDetails,
                Next::ReadDetails
            ]
        );
    }

    #[test]
    fn a_press_that_met_a_captcha_is_no_short_page() {
        let mut c = Collector::default();
        assert_eq!(c.next(&page(10, MoreButton::Ready), 10), Next::PressMore);
        let captcha = ListObservation {
            captcha: true,
            ..page(10, MoreButton::Ready)
        };
        assert_eq!(c.next(&captcha, 10), Next::SolveCaptcha);
        assert_eq!(c.next(&captcha, 10), Next::SolveCaptcha);
        // Solved: the press added nothing, and is pressed again without a gap or a strike.
        assert_eq!(c.next(&page(10, MoreButton::Ready), 10), Next::PressMore);
        assert!(c.events.is_empty(), "{:?}", c.events);
        assert_eq!(c.empty_presses, 0);
        // The next press is judged as usual again.
        assert_eq!(c.next(&page(13, MoreButton::Ready), 10), Next::PressMore);
        assert_eq!(c.events.len(), 1);
    }

    #[test]
    fn captcha_and_sign_out_win() {
        let mut c = Collector::default();
        assert_eq!(
            c.next(
                &ListObservation {
                    captcha: true,
                    ..page(10, MoreButton::Ready)
                },
                10
            ),
            Next::SolveCaptcha
        );
        assert_eq!(
            c.next(
                &ListObservation {
                    signed_out: true,
                    ..page(10, MoreButton::Ready)
                },
                10
            ),
            Next::SignedOut
        );
        let no_filter = ListObservation {
            time_filter: TimeFilter::Absent,
            ..page(3, MoreButton::Absent)
        };
        assert_eq!(c.next(&no_filter, 10), Next::ReadDetails);
        assert_eq!(
            c.all_time_confirmed,
            Some(false),
            "no filter: what the list covered is not confirmed"
        );
    }
}
