//! A second backup in a minute (`core::backup::Refresh`): a complete backup is brought up to
//! date by reading the list from its newest order until every order that could still
//! change was read again and 20 saved, finished orders in a row read the same. The result
//! must equal a full read of the same list.

use std::collections::BTreeMap;

use exit_assistant::core::backup::{Backup, Refresh, KNOWN_IN_A_ROW};
use exit_assistant::core::money::parse_money;
use exit_assistant::core::order::{Item, Order, Store};
use exit_assistant::core::parse::{DetailPage, ListedOrder};
use exit_assistant::core::status::OrderState;

const TODAY: &str = "2026-12-04";
/// Cards a press of "View orders" adds.
const PAGE: usize = 10;

/// An order as the list shows it: one item, a total, a date `days` before today's year.
fn order(n: usize, placed_on: &str, state: OrderState) -> Order {
    let status = match state {
        OrderState::AwaitingDelivery => "Awaiting delivery",
        OrderState::Closed => "Closed",
        _ => "Completed",
    };
    Order {
        id: format!("81{n:014}"),
        placed_on: Some(placed_on.to_owned()),
        status: status.into(),
        state,
        store: Store::default(),
        total: parse_money("US $12.30"),
        items: vec![Item {
            title: format!("Item {n}"),
            variant: None,
            quantity: 1,
            unit_price: parse_money("US $12.30"),
            product_url: None,
            image_url: None,
        }],
        tracking_numbers: vec![],
        detail_url: String::new(),
        notes: vec![],
        warnings: vec![],
        read_by: None,
        deleted: false,
        details: None,
    }
}

/// The order list, newest first: `count` finished orders placed long ago, one a day back
/// from 2025-06-30.
fn history(count: usize) -> Vec<Order> {
    (0..count)
        .map(|n| {
            let day = 180 - (n % 180);
            let month = 1 + (n / 180) % 12;
            let year = 2025 - (n / 2160) as i32;
            let date = format!("{year}-{month:02}-{:02}", 1 + day % 28);
            order(n, &date, OrderState::Completed)
        })
        .collect()
}

fn listed(orders: &[Order]) -> Vec<ListedOrder> {
    orders
        .iter()
        .map(|o| ListedOrder {
            order: o.clone(),
            needs_detail: false,
        })
        .collect()
}

/// The detail pages a run reads after the list: parcels on their way show their tracking
/// numbers there.
fn read_details(backup: &mut Backup) {
    for id in backup.pending_details() {
        let items = backup.orders[&id].order.items.clone();
        backup.add_detail(
            &id,
            &DetailPage::new(items, vec!["LP00123456789012".into()], None),
            TODAY,
        );
    }
}

/// A full read of `list`, page by page, to its end.
fn full_read(list: &[Order]) -> Backup {
    let mut backup = Backup::new("aliexpress.com", TODAY);
    backup.begin_pass();
    for page in list.chunks(PAGE) {
        backup.add_listed(&listed(page), TODAY);
    }
    backup.list_exhausted = true;
    read_details(&mut backup);
    backup.in_progress = false;
    backup
}

/// A second run over `list` on top of `saved`: a refresh where it may be one. Returns the
/// backup and how many cards it read.
fn second_run(saved: &Backup, list: &[Order]) -> (Backup, usize) {
    let mut backup = saved.clone();
    let mut refresh = Refresh::start(saved, TODAY);
    backup.begin_pass();
    let mut read = 0;
    for page in list.chunks(PAGE) {
        let cards = listed(page);
        if let Some(refresh) = refresh.as_mut() {
            refresh.saw(&cards, &backup);
        }
        backup.add_listed(&cards, TODAY);
        read += page.len();
        if refresh.as_ref().is_some_and(Refresh::caught_up) {
            backup.refreshed = refresh.as_ref().map(|r| r.note(&backup));
            break;
        }
    }
    backup.list_exhausted = true;
    read_details(&mut backup);
    backup.in_progress = false;
    (backup, read)
}

fn by_id(backup: &Backup) -> BTreeMap<String, Order> {
    backup
        .orders
        .values()
        .map(|s| (s.order.id.clone(), s.order.clone()))
        .collect()
}

/// Reading all of `list` again on top of `saved`: what a refresh must equal.
fn read_all_again(saved: &Backup, list: &[Order]) -> Backup {
    let mut backup = saved.clone();
    backup.begin_pass();
    for page in list.chunks(PAGE) {
        backup.add_listed(&listed(page), TODAY);
    }
    backup.list_exhausted = true;
    read_details(&mut backup);
    backup.in_progress = false;
    backup
}

/// The orders on which two backups differ, by id.
/// `refreshed` holds exactly what reading all of `list` again over `saved` would.
fn assert_reads_as_a_full_read(refreshed: &Backup, saved: &Backup, list: &[Order]) {
    assert_eq!(
        differences(refreshed, &read_all_again(saved, list)),
        Vec::<String>::new(),
        "exact"
    );
}

fn differences(a: &Backup, b: &Backup) -> Vec<String> {
    let (a, b) = (by_id(a), by_id(b));
    let mut ids: Vec<String> = a.keys().chain(b.keys()).cloned().collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .filter(|id| a.get(id) != b.get(id))
        .collect()
}

#[test]
fn ten_new_orders_and_five_arrivals_in_a_10000_order_history_are_read_in_a_few_pages() {
    // The first backup: the recent orders still on their way.
    let mut before = history(10_000);
    for (n, order) in before.iter_mut().take(5).enumerate() {
        *order = self::order(
            20_000 + n,
            &format!("2026-11-{:02}", 20 - n),
            OrderState::AwaitingDelivery,
        );
    }
    let saved = full_read(&before);
    assert!(saved.is_complete(), "{:?}", saved.gaps());

    // Since then: ten new orders, and the five have arrived.
    let mut after: Vec<Order> = (0..10)
        .map(|n| order(30_000 + n, "2026-12-03", OrderState::AwaitingDelivery))
        .collect();
    let mut arrived = before.clone();
    for order in arrived.iter_mut().take(5) {
        order.state = OrderState::Completed;
        order.status = "Completed".into();
    }
    after.extend(arrived);

    let (refreshed, read) = second_run(&saved, &after);
    assert!(
        read <= 10 + 5 + KNOWN_IN_A_ROW + PAGE,
        "read {read} cards of {}",
        after.len()
    );
    assert_reads_as_a_full_read(&refreshed, &saved, &after);
    assert!(refreshed.is_complete(), "{:?}", refreshed.gaps());
    let note = refreshed.refreshed.expect("says it was a refresh");
    assert_eq!(note.read, read);
    assert_eq!(note.read + note.kept, after.len());
}

#[test]
fn an_old_order_still_on_its_way_is_read_again_wherever_it_is() {
    let mut before = history(3_000);
    before[2_000] = order(2_000, "2024-02-01", OrderState::AwaitingDelivery);
    let saved = full_read(&before);
    assert!(saved.is_complete(), "{:?}", saved.gaps());
    let mut after = before.clone();
    after[2_000].state = OrderState::Closed;
    after[2_000].status = "Closed".into();
    let (refreshed, read) = second_run(&saved, &after);
    assert!(read > 2_000, "read past the unfinished order: {read}");
    assert!(read < 3_000, "and stopped after it: {read}");
    assert_reads_as_a_full_read(&refreshed, &saved, &after);
}

#[test]
fn a_changed_order_starts_the_run_of_known_orders_again() {
    let before = history(200);
    let saved = full_read(&before);
    let mut after = before.clone();
    // A note appears on an old order: it is read the same no more.
    after[15].notes.push("Refund in progress".into());
    let (refreshed, read) = second_run(&saved, &after);
    assert!(read >= 16 + KNOWN_IN_A_ROW, "read {read}");
    assert_reads_as_a_full_read(&refreshed, &saved, &after);
}

#[test]
fn only_a_complete_backup_is_refreshed() {
    let list = history(100);
    let mut partial = full_read(&list);
    partial.list_exhausted = false;
    assert!(Refresh::start(&partial, TODAY).is_none());
    let (read_again, read) = second_run(&partial, &list);
    assert_eq!(read, list.len(), "an incomplete backup is read in full");
    assert_eq!(read_again.refreshed, None);
    assert!(Refresh::start(&Backup::new("aliexpress.com", TODAY), TODAY).is_none());
}

#[test]
fn a_list_read_twice_counts_each_order_once() {
    let list = history(100);
    let saved = full_read(&list);
    let mut refresh = Refresh::start(&saved, TODAY).unwrap();
    let first = listed(&list[..KNOWN_IN_A_ROW - 1]);
    refresh.saw(&first, &saved);
    refresh.saw(&first, &saved);
    assert!(
        !refresh.caught_up(),
        "the same cards again are no new evidence"
    );
    refresh.saw(&listed(&list[KNOWN_IN_A_ROW - 1..KNOWN_IN_A_ROW]), &saved);
    assert!(refresh.caught_up());
    refresh.new_tab();
    assert!(!refresh.caught_up(), "another tab starts a new run");
}
