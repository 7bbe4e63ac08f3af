//! The backup's decisions while it reads the order list. Pure: the browser layer observes the
//! page, asks [`Collector::next`] what to do, does it with the page's own controls, and waits
//! for the page to change. Timing (human pace, time-outs) is the browser layer's job.

use serde::{Deserialize, Serialize};

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
}

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Wait for the page to render or change.
    Wait,
    /// Switch the time filter to the whole history, then wait for the list to re-render.
    ChooseAllTime,
    /// Press "View orders" (at a human pace), then wait for cards to be added.
    PressMore,
    /// Ask the user to solve the captcha, and wait until it is gone.
    SolveCaptcha,
    /// The list is exhausted: read the detail pages that are still needed.
    ReadDetails,
    /// The user was signed out: stop and say so.
    SignedOut,
    /// The list stopped growing though "View orders" is still there: stop and say so.
    Stalled,
}

/// Presses that add nothing before the backup gives up on the list.
pub const MAX_EMPTY_PRESSES: u32 = 3;

/// The collector's memory across observations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collector {
    /// The time filter was switched to the whole history.
    pub chose_all_time: bool,
    /// "View orders" presses so far.
    pub presses: u32,
    /// Cards on the page before the last press.
    pub cards_before_press: Option<usize>,
    /// Presses in a row that added no card.
    pub empty_presses: u32,
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
            return Next::SolveCaptcha;
        }
        if !page.rendered {
            return Next::Wait;
        }
        if page.time_filter == TimeFilter::Shorter && !self.chose_all_time {
            self.chose_all_time = true;
            return Next::ChooseAllTime;
        }
        if let Some(before) = self.cards_before_press {
            if page.more == MoreButton::Busy {
                return Next::Wait;
            }
            self.cards_before_press = None;
            self.account_for_press(before, page, page_size);
        }
        match page.more {
            MoreButton::Absent => Next::ReadDetails,
            MoreButton::Busy => Next::Wait,
            MoreButton::Ready if self.empty_presses >= MAX_EMPTY_PRESSES => Next::Stalled,
            MoreButton::Ready => {
                self.presses += 1;
                self.cards_before_press = Some(page.cards);
                Next::PressMore
            }
        }
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
    fn a_list_that_stops_growing_is_given_up_after_three_presses() {
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
                Next::Stalled,
                Next::Stalled
            ]
        );
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
    }
}
