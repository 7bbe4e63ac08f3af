//! Readiness to close, on the fixture histories.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use exit_assistant::core::order::Order;
use exit_assistant::core::readiness::{assess, may_flag, Verdict};
use exit_assistant::core::status::{is_open_case_note, OrderState};

const TODAY: &str = "2026-11-22";

fn orders(history: &str) -> Vec<Order> {
    let text = fs::read_to_string(format!(
        "{}/tests/fixtures/histories/{history}/expected.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(file["orders"].clone()).unwrap()
}

#[test]
fn every_unfinished_order_blocks_in_every_language() {
    for history in [
        "en-usd",
        "en-usd-2022",
        "de-eur",
        "fr-eur",
        "es-eur",
        "pl-pln",
        "ko-krw",
    ] {
        let orders = orders(history);
        // The generator puts an open refund note on one completed order of each history.
        let open_case: Vec<&Order> = orders
            .iter()
            .filter(|o| o.notes.iter().any(|n| is_open_case_note(n)))
            .collect();
        assert_eq!(open_case.len(), 1, "{history}");
        assert_eq!(open_case[0].state, OrderState::Completed);
        assert!(
            orders
                .iter()
                .any(|o| !o.notes.is_empty() && !open_case.contains(&o)),
            "{history} also has a settled note, which blocks nothing"
        );
        let unfinished: Vec<&str> = orders
            .iter()
            .filter(|o| {
                matches!(
                    o.state,
                    OrderState::AwaitingPayment
                        | OrderState::AwaitingShipment
                        | OrderState::AwaitingDelivery
                ) || open_case.contains(o)
            })
            .map(|o| o.id.as_str())
            .collect();
        assert!(
            !unfinished.is_empty(),
            "{history} has pending orders to find"
        );
        // Given in any order, findings come back newest first, as the list shows them.
        let mut shuffled = orders.clone();
        shuffled.sort_by(|a, b| a.id.cmp(&b.id));
        let readiness = assess(&shuffled, true, TODAY);
        let found: Vec<&str> = readiness.pending.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(found, unfinished, "{history}");
        assert_eq!(readiness.verdict(), Verdict::Blocked, "{history}");
        let flagged: Vec<&str> = readiness
            .pending
            .iter()
            .filter(|f| f.open_case.is_some())
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(flagged, [open_case[0].id.as_str()], "{history}");
        assert!(
            readiness
                .pending
                .iter()
                .all(|f| f.detail_url.contains(&f.id)),
            "each finding links to its order"
        );
    }
}

#[test]
fn completed_orders_inside_the_dispute_window_warn() {
    let mut orders = orders("en-brl");
    orders.retain(|o| o.state == OrderState::Completed);
    // The sample's completed orders were placed between 2026-04-08 and 2026-07-15.
    let on_sep_1 = assess(&orders, true, "2026-09-01");
    let ids: Vec<&str> = on_sep_1
        .under_protection
        .iter()
        .map(|f| f.placed_on.as_deref().unwrap())
        .collect();
    assert!(ids.iter().all(|d| *d >= "2026-06-03"), "{ids:?}");
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(on_sep_1.verdict(), Verdict::Warnings);
    let much_later = assess(&orders, true, TODAY);
    assert!(much_later.under_protection.is_empty());
    assert_eq!(much_later.verdict(), Verdict::Ready);
    assert_eq!(
        assess(&orders, false, TODAY).verdict(),
        Verdict::Warnings,
        "no complete backup yet"
    );
}

#[test]
fn an_unknown_status_is_asked_about_not_ignored() {
    let mut orders = orders("en-brl");
    orders.retain(|o| o.state == OrderState::Completed);
    orders[0].state = OrderState::Unknown;
    orders[0].status = "Something new".into();
    let readiness = assess(&orders, true, TODAY);
    assert_eq!(readiness.pending.len(), 1);
    assert_eq!(readiness.verdict(), Verdict::Blocked);
}

#[test]
fn money_left_blocks_and_money_unchecked_warns() {
    use exit_assistant::core::closing_progress::ClosingProgress;
    use exit_assistant::core::money_left::{Asset, Holding};
    let mut progress = ClosingProgress::default();
    let check = |progress: &ClosingProgress| {
        let mut readiness = assess(&[], true, TODAY);
        readiness.check_money(&progress.assets);
        readiness
    };
    assert_eq!(
        check(&progress).verdict(),
        Verdict::Warnings,
        "nothing checked"
    );
    for asset in Asset::ALL {
        progress.record(asset, Holding::Zero, false, TODAY);
    }
    assert_eq!(check(&progress).verdict(), Verdict::Ready);
    let coins = Holding::NonZero {
        shown: "729".into(),
    };
    progress.record(Asset::Coins, coins, false, TODAY);
    let readiness = check(&progress);
    assert_eq!(readiness.verdict(), Verdict::Blocked);
    let held: Vec<Asset> = readiness
        .money
        .iter()
        .filter(|m| m.is_held())
        .map(|m| m.asset)
        .collect();
    assert_eq!(held, [Asset::Coins]);
    progress.record(Asset::Coins, Holding::Zero, false, TODAY);
    progress.assets.remove(&Asset::Wallet);
    progress.record(Asset::Wallet, Holding::Unreadable, false, TODAY);
    assert_eq!(
        check(&progress).verdict(),
        Verdict::Warnings,
        "an unreadable wallet asks the user"
    );
}

#[test]
fn the_orders_kept_for_the_verdict_give_the_same_verdict_from_the_save_on() {
    // A saved backup keeps only the orders `may_flag` picks; on the day of the save and on
    // every day after, the verdict from those must equal the verdict from every order.
    let saved_on = ["2026-05-01", "2026-07-20", "2026-09-01", TODAY];
    let later = [0, 1, 30, 89, 90, 91, 92, 400];
    for history in ["en-usd", "en-brl", "de-eur", "ko-krw", "hostile"] {
        let orders = orders(history);
        for day in saved_on {
            let kept: Vec<Order> = orders
                .iter()
                .filter(|o| may_flag(o, day))
                .cloned()
                .collect();
            if day == TODAY {
                assert!(
                    kept.len() < orders.len(),
                    "{history}: old orders are left out"
                );
            }
            for days in later {
                let then = add_days(day, days);
                assert_eq!(
                    assess(&kept, true, &then),
                    assess(&orders, true, &then),
                    "{history}, saved {day}, read {then}"
                );
            }
        }
    }
    // A day of slack: a page whose clock reads the day before the save still gets it right.
    let completed: Vec<Order> = orders("en-brl")
        .into_iter()
        .filter(|o| o.state == OrderState::Completed)
        .collect();
    for order in &completed {
        let placed = order.placed_on.clone().unwrap();
        let edge = add_days(&placed, 91);
        assert!(
            may_flag(order, &edge),
            "{placed}: a day before, it is still protected"
        );
        assert!(!may_flag(order, &add_days(&placed, 92)));
    }
}

/// `day` plus `n` days, for days in 2025..2028 (enough for these tests).
fn add_days(day: &str, n: u32) -> String {
    let mut y: u32 = day[..4].parse().unwrap();
    let mut m: u32 = day[5..7].parse().unwrap();
    let mut d = day[8..10].parse::<u32>().unwrap() + n;
    loop {
        let len = match m {
            2 if y.is_multiple_of(4) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if d <= len {
            return format!("{y:04}-{m:02}-{d:02}");
        }
        d -= len;
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
}
