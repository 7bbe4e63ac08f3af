//! The collector: from what the list shows now, the next step of the run.

use crate::core::order::Warning;

use super::observe::{DeletedTab, ListObservation, MoreButton, Phase, StatusTab, TimeFilter};

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
    /// A refresh found the rest of the tab being read already saved
    /// (`backup::Refresh::caught_up`): the tab ends here.
    pub caught_up: bool,
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
        if std::mem::take(&mut self.caught_up) {
            return Next::ReadDetails;
        }
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
