//! The page session's decisions, natively: what each of the user's actions changes and asks
//! the browser to do, how a change to the shared progress applies, and how news from storage
//! and the end of a run are taken in (`core::session`). The browsers carry these out; the
//! end-to-end tests check that they do.

#[path = "support/orders.rs"]
mod orders;

use exit_assistant::core::assistant::{AssistantPrefs, Presence, UserChoice};
use exit_assistant::core::backup::Backup;
use exit_assistant::core::backup_view::{Activity, BackupView, Progress};
use exit_assistant::core::closing_progress::{AfterItem, ClosingProgress};
use exit_assistant::core::closing_view::GuideFound;
use exit_assistant::core::export::ExportKind;
use exit_assistant::core::guide::Route;
use exit_assistant::core::money_left::{Asset, Holding};
use exit_assistant::core::page::recognise_url;
use exit_assistant::core::readiness::Verdict;
use exit_assistant::core::run_end::{Ending, RunKind};
use exit_assistant::core::session::{
    Action, Clock, Effect, ProgressChange, RunOutcome, Session, StorageNews,
};
use exit_assistant::core::status::OrderState;

const ORDERS: &str = "https://www.aliexpress.com/p/order/index.html";
const WALLET: &str = "https://www.aliexpress.com/p/wallet-ui/index.html";
const DELETE: &str = "https://privacy.aliexpress.com/home#/request/delete";
const SITE: &str = "aliexpress.com";

fn session_on(url: &str, saved: Option<Backup>) -> Session {
    Session::new(
        recognise_url(url),
        SITE.into(),
        AssistantPrefs::default(),
        saved,
        ClosingProgress::default(),
    )
}

fn backup_with(count: usize) -> Backup {
    let mut backup = Backup::new("www.aliexpress.com", "t");
    backup.add_listed(&orders::listed(0, count), "t");
    backup
}

fn clock() -> Clock {
    Clock {
        now_ms: 1_700_000_000_000.0,
        today: "2026-12-04".into(),
    }
}

/// Applies the one progress change among `effects` to `progress`.
fn apply_change(effects: Vec<Effect>, progress: &mut ClosingProgress) -> bool {
    match effects.as_slice() {
        [Effect::ChangeProgress(change)] => change.clone().apply(progress),
        other => panic!("expected one progress change, got {other:?}"),
    }
}

#[test]
fn opening_and_closing_the_panel_is_remembered_here_and_across_pages() {
    let mut session = session_on(WALLET, None);
    assert_eq!(
        session.presence(),
        Presence::Launcher,
        "a money page starts closed"
    );
    let effects = session.act(Action::Open, &clock());
    assert_eq!(
        effects,
        [
            Effect::Render(Some("#ea-title")),
            Effect::RecheckPage,
            Effect::SavePrefs
        ]
    );
    assert_eq!(session.presence(), Presence::Panel);
    assert_eq!(session.choice_on_page, UserChoice::Opened);
    assert!(!session.prefs.panel_dismissed);

    let effects = session.act(Action::Close, &clock());
    assert_eq!(effects[0], Effect::Render(Some(".launcher")));
    assert!(effects.contains(&Effect::SavePrefs));
    assert_eq!(session.presence(), Presence::Launcher);
    assert!(session.prefs.panel_dismissed);

    // Another page forgets this page's choice but keeps the dismissal.
    assert!(session.recognised(recognise_url(ORDERS)));
    assert_eq!(session.choice_on_page, UserChoice::None);
    assert_eq!(session.presence(), Presence::Launcher);
    assert!(!session.recognised(recognise_url(ORDERS)), "the same page");
}

#[test]
fn a_run_starts_once_from_what_is_saved_and_only_a_running_one_stops() {
    let mut session = session_on(ORDERS, Some(backup_with(3)));
    assert!(session.act(Action::StopBackup, &clock()).is_empty());
    let effects = session.act(Action::StartBackup, &clock());
    assert_eq!(
        effects,
        [
            Effect::Render(Some(".stop")),
            Effect::StartRun(RunKind::Update)
        ]
    );
    assert_eq!(
        session.run,
        Some(Progress {
            read: 3,
            expected: None,
            activity: Activity::ReadingList
        }),
        "a resumed backup counts the orders it has"
    );
    assert!(matches!(session.backup_view(), BackupView::Running(_)));
    assert!(
        session.act(Action::StartBackup, &clock()).is_empty(),
        "a second press starts no second run"
    );
    assert!(session.act(Action::StartFullBackup, &clock()).is_empty());
    assert_eq!(session.act(Action::StopBackup, &clock()), [Effect::StopRun]);
    assert_eq!(
        session.act(Action::Download(ExportKind::Json), &clock()),
        [Effect::Download(ExportKind::Json)]
    );
}

#[test]
fn reading_everything_again_is_a_run_of_its_own_kind() {
    let mut session = session_on(ORDERS, Some(backup_with(3)));
    assert_eq!(
        session.act(Action::StartFullBackup, &clock()),
        [
            Effect::Render(Some(".stop")),
            Effect::StartRun(RunKind::Full)
        ]
    );
    assert!(session.run.is_some());
}

#[test]
fn the_end_of_a_run_decides_what_the_panel_shows_as_saved() {
    let before = backup_with(2);
    let after = backup_with(5);
    let ended = |ending, saved: Option<Backup>| {
        let mut session = session_on(ORDERS, saved);
        session.act(Action::StartBackup, &clock());
        session.run_ended(RunOutcome::Ended(after.clone(), ending));
        assert!(session.run.is_none());
        session
    };

    let finished = ended(Ending::Finished, Some(before.clone()));
    assert_eq!(finished.saved.as_ref().map(Backup::order_count), Some(5));
    let last = finished.last_run.clone().unwrap();
    assert!(matches!(last.summary, Some(BackupView::Done { .. })));

    let stopped = ended(Ending::Stopped, Some(before.clone()));
    assert_eq!(stopped.saved.as_ref().map(Backup::order_count), Some(5));
    assert_eq!(
        stopped.last_run.unwrap().summary,
        None,
        "only a finished run sums up"
    );

    assert_eq!(ended(Ending::Deleted, Some(before.clone())).saved, None);
    assert_eq!(
        ended(Ending::Elsewhere, Some(before.clone())).saved,
        Some(before.clone()),
        "another tab's run has it: what this tab read stands"
    );

    let mut failed = session_on(ORDERS, Some(before.clone()));
    failed.act(Action::StartBackup, &clock());
    failed.run_ended(RunOutcome::Failed {
        error: "QuotaExceededError: quota exceeded".into(),
        saved: Some(Some(after.clone())),
    });
    assert_eq!(failed.saved, Some(after));
    assert_eq!(failed.last_run.unwrap().ending, Ending::StorageFull);

    let mut unread = session_on(ORDERS, Some(before.clone()));
    unread.act(Action::StartBackup, &clock());
    unread.run_ended(RunOutcome::Failed {
        error: "no port".into(),
        saved: None,
    });
    assert_eq!(
        unread.saved,
        Some(before),
        "an unreadable head changes nothing"
    );
    assert_eq!(unread.last_run.unwrap().ending, Ending::Failed);
}

#[test]
fn the_users_word_on_money_and_the_request_become_progress_changes() {
    let mut session = session_on(DELETE, None);
    let mut progress = ClosingProgress::default();

    let confirm = session.act(Action::ConfirmAsset(Asset::Coins, true), &clock());
    assert!(apply_change(confirm, &mut progress));
    let coins = &progress.assets[&Asset::Coins];
    assert_eq!(
        (&coins.holding, coins.by_user, coins.on.as_str()),
        (&Holding::Zero, true, "2026-12-04")
    );

    let request = session.act(Action::RequestMade, &clock());
    assert!(apply_change(request, &mut progress));
    let made = progress.request.clone().unwrap();
    assert_eq!(made.route, Route::PrivacyCentre);
    assert_eq!(made.at_ms, clock().now_ms);
    let later = Clock {
        now_ms: clock().now_ms + 1_000.0,
        ..clock()
    };
    let again = session.act(Action::MarkRequested, &later);
    assert!(
        !apply_change(again, &mut progress),
        "the first click counts"
    );
    assert_eq!(progress.request.as_ref().unwrap().at_ms, clock().now_ms);
    let forget = session.act(Action::ForgetRequest, &clock());
    assert!(apply_change(forget, &mut progress));
    assert_eq!(progress.request, None);

    let tick = |done| Action::ToggleAfter(AfterItem::WatchStatements, done);
    assert!(apply_change(
        session.act(tick(true), &clock()),
        &mut progress
    ));
    assert!(!apply_change(
        session.act(tick(true), &clock()),
        &mut progress
    ));
    assert!(apply_change(
        session.act(tick(false), &clock()),
        &mut progress
    ));
    assert!(progress.after_done.is_empty());

    // Off the closing pages, a request made from the panel counts as made in the app.
    let mut orders = session_on(ORDERS, None);
    let mut progress = ClosingProgress::default();
    apply_change(orders.act(Action::MarkRequested, &clock()), &mut progress);
    assert_eq!(progress.request.unwrap().route, Route::App);
}

#[test]
fn a_money_reading_is_news_only_once_and_never_unreads_a_known_amount() {
    let mut session = session_on(WALLET, None);
    let today = "2026-12-04";
    let change = session
        .money_read(Asset::Wallet, Holding::Zero, today)
        .expect("a first reading is news");
    let mut progress = ClosingProgress::default();
    assert!(change.apply(&mut progress));
    assert!(session.progress_read(progress.clone()));
    assert!(
        !session.progress_read(progress),
        "the same progress is no change"
    );
    assert_eq!(
        session.money_read(Asset::Wallet, Holding::Zero, today),
        None
    );
    assert_eq!(
        session.money_read(Asset::Wallet, Holding::Unreadable, today),
        None,
        "a page still loading doesn't overwrite what is known"
    );
    assert!(matches!(
        session.money_read(
            Asset::Wallet,
            Holding::NonZero {
                shown: "US $3.20".into()
            },
            today
        ),
        Some(ProgressChange::Reading { by_user: false, .. })
    ));
}

#[test]
fn news_from_storage_is_merged_unless_the_pages_own_run_is_newer() {
    let mut session = session_on(ORDERS, Some(backup_with(1)));
    let head = format!("backup:{SITE}");
    assert_eq!(
        session.news(std::slice::from_ref(&head)),
        StorageNews {
            backup: true,
            ..StorageNews::default()
        }
    );
    assert!(session.saved_read(Some(backup_with(4))));
    assert!(!session.saved_read(Some(backup_with(4))), "nothing new");
    assert!(session.lease_seen(true));
    assert!(
        matches!(
            session.backup_view(),
            BackupView::Idle {
                can_start: false,
                ..
            }
        ),
        "another tab's run holds the backup"
    );
    assert!(session.lease_seen(false));

    session.act(Action::StartBackup, &clock());
    assert!(
        !session.news(&[head]).backup,
        "its own run keeps its own copy"
    );
    assert!(
        !session.saved_read(None),
        "a run's copy is newer than the head"
    );
    assert_eq!(session.saved.as_ref().map(Backup::order_count), Some(4));
    assert!(!session.lease_seen(true), "its own run is no other tab's");
    let progress = Progress {
        read: 9,
        expected: Some(20),
        activity: Activity::ReadingList,
    };
    session.run_progressed(progress);
    assert_eq!(session.run, Some(progress));
}

#[test]
fn readiness_takes_the_pages_reading_over_the_saved_one() {
    let mut listed = orders::listed(0, 1);
    let mut order = listed.remove(0).order;
    order.status = "Awaiting delivery".into();
    order.state = OrderState::AwaitingDelivery;
    let mut saved = Backup::new("www.aliexpress.com", "t");
    saved.add_listed(&orders::listed(0, 1), "t");
    let session = session_on(ORDERS, Some(saved));
    let today = "2025-01-10";
    assert_ne!(
        session.readiness(Vec::new(), today).verdict(),
        Verdict::Blocked,
        "the saved order is completed"
    );
    assert_eq!(
        session.readiness(vec![order], today).verdict(),
        Verdict::Blocked,
        "the page shows it still on its way"
    );
}

#[test]
fn the_guides_finding_is_news_only_when_it_changes() {
    let mut session = session_on(DELETE, None);
    let found = GuideFound::of(None);
    assert_eq!(found.callout, None);
    assert!(session.guide_seen(Some(found)));
    assert!(!session.guide_seen(Some(found)));
    let readiness = session.readiness(Vec::new(), "2026-12-04");
    let line = session
        .guide_line(&readiness)
        .expect("a closing page has a line");
    assert_eq!(line.route, Route::PrivacyCentre);
}

#[test]
fn the_reviews_are_read_on_request_and_carried_on_only_soon_after_a_page_turn() {
    use exit_assistant::core::review::{ReviewLog, CARRY_ON_WITHIN_MS};
    const FEEDBACK: &str = "https://feedback.aliexpress.com/management/feedbackBuyerList.htm";
    let mut session = session_on(FEEDBACK, None);
    assert_eq!(
        session.act(Action::SaveReviews, &clock()),
        [Effect::ReadReviews(false)]
    );
    assert_eq!(
        session.act(Action::CarryOnReviews, &clock()),
        [Effect::ReadReviews(true)]
    );
    assert_eq!(
        session.act(Action::StopReviews, &clock()),
        [Effect::StopReviews]
    );
    assert!(!session.carries_on_reviews(2_000_000), "nothing saved");

    let turned_at = 2_000_000;
    let mut backup = Backup::new(SITE, "t");
    backup.reviews = Some(ReviewLog {
        paging_since_ms: Some(turned_at),
        pages: 1,
        ..ReviewLog::default()
    });
    let session = session_on(FEEDBACK, Some(backup.clone()));
    assert!(session.carries_on_reviews(turned_at + 1_500));
    assert!(
        !session.carries_on_reviews(turned_at + CARRY_ON_WITHIN_MS),
        "too long ago"
    );
    // Only the feedback page carries the reading on.
    assert!(!session_on(ORDERS, Some(backup)).carries_on_reviews(turned_at + 1_500));
}
