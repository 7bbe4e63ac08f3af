//! The collector's decisions as it walks the order list (`core::collect::Collector`): to
//! its end, through short presses, captchas, sign-outs, the wrong status tab and the
//! "Deleted orders" tab.

use exit_assistant::core::collect::{
    Collector, DeletedTab, ListObservation, MoreButton, Next, StatedCounts, StatusTab, TimeFilter,
};

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
        stated: StatedCounts::default(),
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

#[test]
fn a_refresh_that_caught_up_ends_each_tab_though_its_button_still_shows() {
    let with_tab = |deleted_tab| ListObservation {
        deleted_tab,
        ..page(30, MoreButton::Ready)
    };
    let mut c = Collector::default();
    assert_eq!(c.next(&with_tab(DeletedTab::Present), 10), Next::PressMore);
    // The press is done; the cards it added were saved already (`backup::Refresh`).
    assert_eq!(c.next(&with_tab(DeletedTab::Present), 10), Next::PressMore);
    c.caught_up = true;
    assert_eq!(
        c.next(&with_tab(DeletedTab::Present), 10),
        Next::OpenDeletedTab,
        "View all ends: the deleted orders are next"
    );
    assert!(!c.caught_up, "taken once");
    let deleted = ListObservation {
        tab: StatusTab::Other,
        ..with_tab(DeletedTab::Active)
    };
    assert_eq!(c.next(&deleted, 10), Next::PressMore);
    c.caught_up = true;
    assert_eq!(c.next(&deleted, 10), Next::ReadDetails);
}
