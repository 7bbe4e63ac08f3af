//! Unit tests of `backup_view.rs`, kept apart so the code reads on its own.

use super::*;
use crate::core::page::recognise_url;

#[test]
fn the_section_shows_this_tabs_run_then_another_tabs_then_how_the_last_run_ended() {
    let list = recognise_url("https://www.aliexpress.com/p/order/index.html");
    let saved = Backup::new("aliexpress.com", "t");
    let progress = Progress {
        read: 10,
        expected: None,
        activity: Activity::ReadingList,
    };
    let idle = |notice, can_start| BackupView::Idle {
        can_start,
        notice,
        saved: None,
    };
    let finished = LastRun {
        ending: Ending::Finished,
        summary: Some(done_view(&saved)),
    };
    let full = LastRun {
        ending: Ending::StorageFull,
        summary: None,
    };
    assert_eq!(
        section_view(list, Some(&saved), Some(progress), true, Some(&full)),
        BackupView::Running(progress),
        "this tab's run first"
    );
    assert_eq!(
        section_view(list, Some(&saved), None, true, Some(&finished)),
        idle(Some(Text::BackupRunningElsewhere), false),
        "no second start while another tab runs"
    );
    assert_eq!(
        section_view(list, Some(&saved), None, false, Some(&finished)),
        done_view(&saved),
        "a finished run's summary"
    );
    assert_eq!(
        section_view(list, None, None, false, Some(&finished)),
        idle(None, true),
        "a finished run's backup deleted since: offer to start again"
    );
    assert_eq!(
        section_view(list, Some(&saved), None, false, Some(&full)),
        idle(Some(Text::BackupStorageFull), true),
        "a failed run says why, over what is saved"
    );
    assert_eq!(
        section_view(list, Some(&saved), None, false, None),
        idle(None, true)
    );
}

#[test]
fn idle_view_table() {
    let list = recognise_url("https://www.aliexpress.com/p/order/index.html");
    let login = recognise_url("https://login.aliexpress.com/");
    let wallet = recognise_url("https://www.aliexpress.com/p/wallet-ui/index.html");
    let russia = recognise_url("https://aliexpress.ru/order-list");
    let interrupted = Backup {
        in_progress: true,
        ..Backup::new("www.aliexpress.com", "t")
    };
    let cases = [
        (list, None, true, None),
        (
            list,
            Some(&interrupted),
            true,
            Some(Text::BackupInterrupted),
        ),
        (
            login,
            Some(&interrupted),
            false,
            Some(Text::SignedOutDuringBackup),
        ),
        (wallet, None, false, Some(Text::BackupGoToList)),
        (russia, None, false, None),
    ];
    for (page, saved, start, want) in cases {
        match idle_view(page, saved) {
            BackupView::Idle {
                can_start, notice, ..
            } => assert_eq!((can_start, notice), (start, want), "{page:?}"),
            other => panic!("{other:?}"),
        }
    }
}
