//! The backup: merging readings, honesty about gaps, and the files it exports.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/messages.rs"]
mod messages;
#[path = "support/schema.rs"]
mod schema;
mod support;

use std::fs;

use base64::Engine;
use exit_assistant::core::backup::{Backup, BackupFileV1};
use exit_assistant::core::dom::DomNode;
use exit_assistant::core::export::{items_csv, orders_csv, to_json};
use exit_assistant::core::money::Money;
use exit_assistant::core::order::{Item, Order, Store, Warning};
use exit_assistant::core::parse::{parse_order_detail, parse_order_list, ListedOrder};
use exit_assistant::core::report::{report_html, REPORT_SCRIPT, REPORT_SCRIPT_HASH};
use exit_assistant::core::status::OrderState;
use exit_assistant::core::text::Translate;
use scraper::Html;
use serde_json::Value;
use sha2::{Digest, Sha256};
use support::Node;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const URL: &str = "https://www.aliexpress.com/p/order/index.html";

fn listed(history: &str) -> Vec<ListedOrder> {
    let html = Html::parse_document(
        &fs::read_to_string(format!(
            "{ROOT}/tests/fixtures/histories/{history}/cards.html"
        ))
        .unwrap(),
    );
    parse_order_list(&Node(html.root_element()), URL).orders
}

/// A finished backup of a fixture history, read as the extension reads it.
fn full_backup(history: &str) -> Backup {
    let mut backup = Backup::new("www.aliexpress.com", "2026-11-22T10:00:00.000Z");
    backup.add_listed(&listed(history), "t1");
    backup.list_exhausted = true;
    let details = Html::parse_document(
        &fs::read_to_string(format!(
            "{ROOT}/tests/fixtures/histories/{history}/details.html"
        ))
        .unwrap(),
    );
    let details = Node(details.root_element());
    for id in backup.pending_details() {
        let section = details
            .select(&format!("section[data-order-id=\"{id}\"]"))
            .unwrap();
        let url = backup.orders[&id].order.detail_url.clone();
        backup.add_detail(&id, &parse_order_detail(&section, &url), "t2");
    }
    backup
}

/// A backup of `www.aliexpress.com` holding this one order, as read from the list.
fn backup_of(order: Order) -> Backup {
    let mut backup = Backup::new("www.aliexpress.com", "t");
    backup.add_listed(
        &[ListedOrder {
            order,
            needs_detail: false,
        }],
        "t",
    );
    backup
}

#[test]
fn a_full_backup_is_complete_and_its_file_matches_the_schema_and_the_fixture() {
    let backup = full_backup("en-usd");
    assert!(backup.is_complete(), "{:?}", backup.gaps());
    let file = backup.to_file("2026-11-22T10:05:00.000Z", "test");
    let json: Value = serde_json::from_str(&to_json(&file)).unwrap();
    let errors = schema::errors(&json);
    assert!(errors.is_empty(), "{errors:?}");
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(format!(
            "{ROOT}/tests/fixtures/histories/en-usd/expected.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(json["orders"], expected["orders"]);
    assert_eq!(
        (
            json["format"].as_str(),
            json["format_version"].as_u64(),
            json["complete"].as_bool()
        ),
        (Some("aliexpress-order-backup"), Some(3), Some(true))
    );
}

#[test]
fn the_schema_rejects_what_breaks_the_contract() {
    let mut file: Value =
        serde_json::to_value(full_backup("en-brl").to_file("2026-11-22T10:05:00Z", "test"))
            .unwrap();
    assert!(schema::validator().is_valid(&file));
    file["orders"][0]["total"]["amount"] = Value::from(132.74);
    assert!(
        !schema::validator().is_valid(&file),
        "a float amount must be rejected"
    );
    file["orders"][0]["total"]["amount"] = Value::from("132.74");
    file["orders"][0]["state"] = Value::from("done");
    assert!(
        !schema::validator().is_valid(&file),
        "an unknown state must be rejected"
    );
}

#[test]
fn an_order_read_twice_is_stored_once_and_detail_items_survive_a_later_list_reading() {
    let mut backup = full_backup("en-brl");
    let multi = backup
        .orders
        .values()
        .find(|s| s.needs_detail)
        .unwrap()
        .order
        .clone();
    assert_eq!(multi.items.len(), 2);
    // The list is read again (a resumed backup): same orders, one with a newer status.
    let mut again = listed("en-brl");
    let changed = again.iter_mut().find(|l| l.order.id == multi.id).unwrap();
    changed.order.status = "Closed".into();
    changed.order.state = OrderState::Closed;
    backup.add_listed(&again, "t3");
    assert_eq!(backup.orders.len(), 10, "stored once, keyed by id");
    let stored = &backup.orders[&multi.id];
    assert_eq!(stored.order.status, "Closed", "the newer reading wins");
    assert_eq!(
        stored.order.items, multi.items,
        "items read from the detail page are kept"
    );
    assert!(backup.is_complete());
}

#[test]
fn gaps_say_plainly_what_is_missing() {
    let mut backup = Backup::new("www.aliexpress.com", "t0");
    backup.add_listed(&listed("en-brl"), "t1");
    let codes = |b: &Backup| b.gaps().iter().map(|w| w.code.clone()).collect::<Vec<_>>();
    assert_eq!(
        codes(&backup),
        [
            "list_not_finished",
            "details_missing",
            "orders_without_items"
        ]
    );
    backup.list_exhausted = true;
    backup.stated_count = Some(12);
    assert!(codes(&backup).contains(&"count_mismatch".to_owned()));
    let file = backup.to_file("t", "test");
    assert!(!file.complete);
    assert_eq!(file.warnings.len(), codes(&backup).len());
    // The real "View all" states no count: the end of the list is the evidence, and short
    // pages on the way are no gap.
    let mut short = full_backup("en-brl");
    short.short_pages = 2;
    assert!(short.is_complete(), "{:?}", short.gaps());
    // The status tabs' counts are the cross-check: en-brl holds 2 orders on their way.
    let unfinished = |b: &Backup| {
        b.orders
            .values()
            .filter(|s| !matches!(s.order.state, OrderState::Completed | OrderState::Closed))
            .count() as u32
    };
    let mut tabs = full_backup("en-brl");
    assert!(unfinished(&tabs) > 0);
    tabs.unfinished_stated = Some(unfinished(&tabs));
    assert!(tabs.is_complete(), "{:?}", tabs.gaps());
    tabs.unfinished_stated = Some(unfinished(&tabs) - 1);
    assert!(
        tabs.is_complete(),
        "holding more unfinished orders is no gap"
    );
    tabs.unfinished_stated = Some(unfinished(&tabs) + 1);
    assert_eq!(codes(&tabs), ["unfinished_count_mismatch"]);
}

#[test]
fn completeness_agrees_with_the_gaps_in_every_case() {
    let complete = full_backup("en-brl");
    let mut cases = vec![complete.clone()];
    let mut listed_only = Backup::new("www.aliexpress.com", "t0");
    listed_only.add_listed(&listed("en-brl"), "t1");
    cases.push(listed_only);
    let change: [fn(&mut Backup); 8] = [
        |b| b.list_exhausted = false,
        |b| b.stated_count = Some(12),
        |b| b.stated_count = Some(10),
        |b| b.short_pages = 1,
        |b| b.unfinished_stated = Some(99),
        |b| b.events.push(Warning::new("signed_out", "signed out")),
        |b| b.orders.values_mut().next().unwrap().order.items.clear(),
        |b| b.orders.values_mut().next().unwrap().detailed = false,
    ];
    for (i, first) in change.iter().enumerate() {
        for second in &change[i..] {
            let mut backup = complete.clone();
            first(&mut backup);
            second(&mut backup);
            cases.push(backup);
        }
    }
    let mut both = 0;
    for backup in &cases {
        assert_eq!(
            backup.is_complete(),
            backup.gaps().is_empty(),
            "{:?}",
            backup.gaps()
        );
        both += usize::from(backup.is_complete());
    }
    assert!(both > 1 && both < cases.len(), "both answers are met");
}

#[test]
fn a_head_and_its_watch_list_give_the_count_the_completeness_and_the_verdict() {
    use exit_assistant::core::readiness::assess;
    for (history, saved_on) in [("en-usd", "2026-11-22"), ("en-brl", "2026-09-01")] {
        for complete in [true, false] {
            let mut whole = full_backup(history);
            whole.updated_at = format!("{saved_on}T10:00:00.000Z");
            whole.list_exhausted = complete;
            whole.chunks = whole.chunk_count();
            // What `saved::prepare` stores: the head with its digest and no orders, and the
            // watch list apart.
            let watch = whole
                .take_watch()
                .expect("a first save writes the watch list");
            whole.digest = Some(whole.make_digest());
            let mut head = whole.clone();
            head.orders.clear();
            let mut head: Backup =
                serde_json::from_str(&serde_json::to_string(&head).unwrap()).unwrap();
            head.watch =
                Some(serde_json::from_str(&serde_json::to_string(&watch).unwrap()).unwrap());
            assert_eq!(head.order_count(), whole.orders.len(), "{history}");
            assert_eq!(head.complete(), complete, "{history}");
            assert_eq!(whole.complete(), complete, "{history}");
            assert!(
                watch.len() < whole.orders.len(),
                "{history}: only what may be flagged"
            );
            let all: Vec<Order> = whole.verdict_orders().cloned().collect();
            let mut kept: Vec<Order> = head.verdict_orders().cloned().collect();
            assert_eq!(all.len(), whole.orders.len());
            assert_eq!(kept, watch);
            // The session gives the verdict its orders by number, as `all` comes.
            kept.sort_by(|a, b| a.id.cmp(&b.id));
            assert_eq!(
                assess(&kept, complete, saved_on),
                assess(&all, complete, saved_on),
                "{history}"
            );
            // Without its watch list, a head counts but gives no verdict of its own.
            head.watch = None;
            assert_eq!(head.verdict_orders().count(), 0);
        }
    }
    // A head saved before digests says nothing of its own: its orders are read.
    let mut old = full_backup("en-brl");
    old.digest = None;
    assert_eq!(old.order_count(), 10);
    assert_eq!(old.verdict_orders().count(), 10);
}

#[test]
fn the_watch_list_is_written_again_only_when_it_changes() {
    let mut backup = many_orders(1_200);
    backup.updated_at = "2026-11-22T10:00:00.000Z".into();
    let first = backup.take_watch().expect("never written by this copy");
    assert!(!first.is_empty() && first.len() < 1_200);
    assert_eq!(backup.take_watch(), None, "nothing changed");
    // What was written is what a full pass would make, after every change below.
    let written = |b: &Backup| assert_eq!(b.dirty.watch.as_ref(), Some(&b.make_watch()));
    // Old orders read again change nothing the verdict sees.
    let old: Vec<String> = backup
        .sorted()
        .iter()
        .rev()
        .take(50)
        .map(|s| s.order.id.clone())
        .collect();
    for id in &old {
        backup.add_detail(id, &Default::default(), "2026-11-22T10:05:00.000Z");
    }
    assert!(!backup.dirty.watch_changed, "not even looked at again");
    assert_eq!(backup.take_watch(), None);
    written(&backup);
    // A recent completed order read again is looked at, and found the same.
    let recent = first
        .iter()
        .find(|o| o.state == OrderState::Completed)
        .unwrap()
        .id
        .clone();
    backup.add_detail(&recent, &Default::default(), "2026-11-22T10:05:30.000Z");
    assert!(backup.dirty.watch_changed);
    assert_eq!(backup.take_watch(), None);
    written(&backup);
    // A new unfinished order does.
    let mut listed = listed("en-usd");
    listed
        .retain(|l| l.order.state != OrderState::Completed && l.order.state != OrderState::Closed);
    listed.truncate(1);
    listed[0].order.id = "8000000000000002".into();
    backup.add_listed(&listed, "2026-11-22T10:06:00.000Z");
    let second = backup.take_watch().expect("a new unfinished order");
    assert_eq!(second.len(), first.len() + 1);
    written(&backup);
}

#[test]
fn orders_of_the_same_day_keep_the_page_order_and_a_new_pass_settles_old_events() {
    // en-brl has two orders placed on 2026-09-01; the page lists 8214398062177351 first.
    let mut backup = full_backup("en-brl");
    let ids: Vec<&str> = backup
        .sorted()
        .iter()
        .map(|s| s.order.id.as_str())
        .take(2)
        .collect();
    assert_eq!(ids, ["8214398062177351", "8214779947343229"]);
    backup
        .events
        .push(exit_assistant::core::order::Warning::new(
            "signed_out",
            "signed out",
        ));
    backup.short_pages = 3;
    assert!(!backup.is_complete());
    backup.begin_pass();
    backup.add_listed(&listed("en-brl"), "t4");
    backup.list_exhausted = true;
    assert!(backup.is_complete(), "{:?}", backup.gaps());
}

#[test]
fn summary_counts_years_and_exact_totals() {
    let summary = full_backup("en-brl").summary();
    assert_eq!(summary.orders, 10);
    assert_eq!(summary.years, ["2026"]);
    assert_eq!(summary.totals, [("BRL".to_owned(), "1700.07".to_owned())]);
}

fn hostile_file() -> BackupFileV1 {
    let evil = "=HYPERLINK(\"https://evil.example\",\"x\")<script>alert(1)</script>";
    let money = Money {
        amount: "1.00".into(),
        currency: "USD".into(),
        display: "<b>US $1.00</b>".into(),
    };
    let order = Order {
        id: "8212313961591322".into(),
        placed_on: Some("2026-07-15".into()),
        status: "+Completed\"><img src=x onerror=alert(1)>".into(),
        state: OrderState::Completed,
        store: Store {
            name: evil.into(),
            url: Some("javascript:alert(1)".into()),
        },
        total: Some(money.clone()),
        items: vec![Item {
            title: "@SUM(1,2)</td><script>alert(2)</script>".into(),
            variant: Some("-2+3, \"size\"".into()),
            quantity: 1,
            unit_price: Some(money),
            product_url: Some(
                "https://www.aliexpress.com/item/1.html\" onmouseover=\"alert(3)".into(),
            ),
            image_url: None,
        }],
        tracking_numbers: vec![],
        detail_url: "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322"
            .into(),
        notes: vec![evil.into()],
        warnings: vec![Warning::new("missing_total", evil)],
        read_by: None,
        deleted: false,
        details: None,
    };
    let mut backup = backup_of(order);
    backup.list_exhausted = true;
    backup.to_file("2026-11-22T10:05:00Z", "test")
}

#[test]
fn csvs_follow_rfc_4180_and_neutralise_formulas() {
    let file = full_backup("en-usd").to_file("2026-11-22T10:05:00Z", "test");
    let orders = orders_csv(&file, &messages::Messages::load("en"));
    let items = items_csv(&file, &messages::Messages::load("en"));
    assert!(orders.starts_with("\u{feff}Order ID,Date,Status,State,Store,"));
    // The headings follow the user's language (the JSON's keys never do).
    let german = orders_csv(&file, &messages::Messages::load("de"));
    assert!(german.starts_with("\u{feff}Bestellnummer,Datum,Status,Zustand,Shop,"));
    assert!(
        orders.ends_with("\r\n") && !orders.replace("\r\n", "").contains('\n'),
        "CRLF line ends"
    );
    assert_eq!(orders.matches("\r\n").count(), file.orders.len() + 1);
    let item_count: usize = file.orders.iter().map(|o| o.items.len()).sum();
    assert_eq!(items.matches("\r\n").count(), item_count + 1);

    let hostile = hostile_file();
    let orders = orders_csv(&hostile, &messages::Messages::load("en"));
    let items = items_csv(&hostile, &messages::Messages::load("en"));
    assert!(
        orders.contains(
            "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")<script>alert(1)</script>\""
        ),
        "{orders}"
    );
    assert!(
        orders.contains(",\"'+Completed\"\"><img"),
        "status neutralised: {orders}"
    );
    assert!(
        items.contains(",'@SUM(1,2)") || items.contains(",\"'@SUM(1,2)"),
        "{items}"
    );
    assert!(items.contains("\"'-2+3, \"\"size\"\"\""), "{items}");
    for cell in items.lines().flat_map(|l| l.split(',')) {
        assert!(
            !cell.starts_with(['=', '+', '@']),
            "unneutralised cell {cell}"
        );
    }
}

#[test]
fn the_report_is_self_contained_escaped_and_runs_only_its_own_script() {
    let hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(REPORT_SCRIPT.as_bytes()));
    assert_eq!(
        REPORT_SCRIPT_HASH,
        format!("sha256-{hash}"),
        "update REPORT_SCRIPT_HASH after changing the script"
    );

    let file = full_backup("en-usd").to_file("2026-11-22T10:05:00Z", "test");
    let html = report_html(&file, &messages::Messages::load("en"));
    assert!(html.contains(&format!("script-src '{REPORT_SCRIPT_HASH}'")));
    assert!(html.contains("default-src 'none'"), "nothing is fetched");
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains(" src="), "no external resource");
    for order in &file.orders {
        assert!(
            html.contains(&order.id),
            "order {} is in the report",
            order.id
        );
    }
    assert!(html.contains("Totals per year") && html.contains("<svg"));
    // What the backup leaves out is said, each with where to look for it, in the panel's words.
    let english = messages::Messages::load("en");
    for left_out in exit_assistant::core::not_kept::NOT_KEPT {
        let line = format!(
            "<li data-not-kept=\"{}\"><a href=\"{}\" rel=\"noopener noreferrer\">{}</a>: {}</li>",
            left_out.id,
            left_out.url,
            english.text(left_out.what, &[]),
            english.text(left_out.advice, &[]).replace('\'', "&#39;")
        );
        assert!(html.contains(&line), "the report says {line}");
    }

    let html = report_html(&hostile_file(), &messages::Messages::load("en"));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "page text added no script"
    );
    assert!(!html.contains("<img"), "page text added no element");
    assert!(!html.contains("javascript:"), "no javascript: link");
    assert!(
        !html.contains("\" onmouseover="),
        "attributes can't be broken out of"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// A backup of `n` orders: en-usd's, repeated under new numbers, in page order.
fn many_orders(n: usize) -> Backup {
    let base = full_backup("en-usd");
    let mut backup = Backup::new("www.aliexpress.com", "2026-11-22T10:00:00.000Z");
    for (i, stored) in base.sorted().into_iter().cycle().take(n).enumerate() {
        let mut stored = stored.clone();
        stored.order.id = format!("{:016}", 3_000_000_000_000_000u64 + i as u64);
        stored.position = i as u64 + 1;
        backup.orders.insert(stored.order.id.clone(), stored);
    }
    backup.next_position = n as u64;
    backup.list_exhausted = true;
    backup
}

#[test]
fn orders_are_stored_in_chunks_and_a_save_writes_only_what_changed() {
    let mut backup = many_orders(1_200);
    assert_eq!(backup.chunk_count(), 3, "500 orders a chunk");
    // Never saved: every chunk is written, and the head remembers how many there are.
    assert_eq!(backup.take_dirty(), [0, 1, 2]);
    assert_eq!(backup.chunks, 3);
    assert!(backup.take_dirty().is_empty(), "nothing changed since");

    // A detail page read for an order at position 730 changes its chunk only.
    let id = backup
        .orders
        .values()
        .find(|s| s.position == 730)
        .unwrap()
        .order
        .id
        .clone();
    backup.add_detail(&id, &Default::default(), "t3");
    assert_eq!(backup.take_dirty(), [1]);

    // New orders from the list go into the last chunk, or a new one.
    let mut listed = listed("en-usd");
    listed.truncate(1);
    listed[0].order.id = "8000000000000001".into();
    backup.add_listed(&listed, "t4");
    assert_eq!(backup.orders["8000000000000001"].position, 1_201);
    assert_eq!(backup.take_dirty(), [2]);

    // What is stored reads back as the same backup.
    let mut head: Backup = serde_json::from_str(&{
        let mut bare = backup.clone();
        bare.orders.clear();
        serde_json::to_string(&bare).unwrap()
    })
    .unwrap();
    assert!(head.orders.is_empty());
    for n in 0..head.chunks {
        head.add_chunk_json(&backup.chunk_json(n)).unwrap();
    }
    assert_eq!(head, backup);
    assert!(
        head.add_chunk_json("[{\"order\": 1}]").is_err(),
        "a damaged chunk is an error, not fewer orders"
    );
}

#[test]
fn a_backup_saved_with_its_orders_inline_is_read_and_rewritten_in_chunks() {
    let old = full_backup("en-brl");
    let json = serde_json::to_string(&old).unwrap();
    let mut read: Backup = serde_json::from_str(&json).unwrap();
    assert_eq!(read.orders.len(), 10);
    assert_eq!(read.chunks, 0);
    assert_eq!(
        read.take_dirty(),
        [0],
        "every chunk is written on the next save"
    );
}

/// Backups kept per host by earlier versions become one backup of the site: every order of
/// both, each once, keeping its detail-page items; the newer pass says how far the list was
/// read.
#[test]
fn per_host_backups_merge_into_one_per_site_losing_nothing() {
    let whole = full_backup("en-usd");
    let ids: Vec<String> = whole.sorted().iter().map(|s| s.order.id.clone()).collect();
    let newest = |n: usize| {
        let mut b = whole.clone();
        b.orders.retain(|id, _| ids[..n].contains(id));
        b.list_exhausted = false;
        b
    };

    // www. read the newest 150 orders with their details, then stopped; pt. later read the
    // whole list and every detail page.
    let mut www = newest(150);
    www.site = "www.aliexpress.com".into();
    www.updated_at = "2026-11-20T10:00:00.000Z".into();
    let mut pt = whole.clone();
    pt.site = "pt.aliexpress.com".into();
    pt.updated_at = "2026-11-21T10:00:00.000Z".into();
    let mut site = Backup::new("aliexpress.com", "");
    site.absorb(www.clone());
    site.absorb(pt.clone());
    assert_eq!(site.site, "aliexpress.com");
    assert_eq!(site.orders.len(), whole.orders.len());
    for (id, stored) in &whole.orders {
        assert_eq!(site.orders[id].order, stored.order, "order {id}");
    }
    assert!(site.is_complete(), "{:?}", site.gaps());
    let merged: Vec<String> = site.sorted().iter().map(|s| s.order.id.clone()).collect();
    assert_eq!(merged, ids, "newest first, as the page lists them");
    assert_eq!(
        site.take_dirty().len() as u64,
        site.chunk_count(),
        "every chunk is written under the site's keys"
    );

    // www. holds everything, complete; pt. later read only the list's first 100 cards, with
    // no detail page. Nothing read from a detail page is lost, and the latest pass, which did
    // not finish, is told.
    let mut pt_list_only = Backup::new("pt.aliexpress.com", "2026-11-21T09:00:00.000Z");
    let first_100: Vec<_> = listed("en-usd")
        .into_iter()
        .filter(|l| ids[..100].contains(&l.order.id))
        .collect();
    pt_list_only.add_listed(&first_100, "2026-11-21T10:00:00.000Z");
    let mut www_whole = whole.clone();
    www_whole.updated_at = "2026-11-20T10:00:00.000Z".into();
    let mut site = Backup::new("aliexpress.com", "");
    site.absorb(www_whole);
    site.absorb(pt_list_only);
    assert_eq!(site.orders.len(), whole.orders.len());
    for (id, stored) in &whole.orders {
        assert_eq!(
            site.orders[id].order.items, stored.order.items,
            "order {id}"
        );
    }
    let codes: Vec<String> = site.gaps().into_iter().map(|w| w.code).collect();
    assert_eq!(codes, ["list_not_finished"]);
}

/// Each order's warnings go wherever the order goes: the JSON, a CSV column, the report, and
/// a count in the summary. No field is empty without saying why.
#[test]
fn per_order_warnings_are_exported_and_counted() {
    let mut backup = Backup::new("aliexpress.com", "t0");
    backup.add_listed(&listed("shapes-2026"), "t1");
    let file = backup.to_file("2026-11-22T10:05:00Z", "test");
    let without_total = file
        .orders
        .iter()
        .find(|o| o.total.is_none())
        .expect("the old order with no total");
    assert_eq!(
        without_total
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect::<Vec<_>>(),
        ["missing_total"]
    );
    let json: Value = serde_json::from_str(&to_json(&file)).unwrap();
    assert!(
        schema::validator().is_valid(&json),
        "format 3 against its schema"
    );
    let csv = orders_csv(&file, &messages::Messages::load("en"));
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with(",Notes,Warnings,Payment method,Shipping address,Price breakdown"));
    assert!(csv.contains("the page shows no readable total"));
    let report = report_html(&file, &messages::Messages::load("en"));
    assert!(report.contains("⚠ order ") && report.contains("the page shows no readable total"));
    assert!(
        report.contains("is not one the assistant knows"),
        "Processed: asked about"
    );
    // The old order and the "Processed" one.
    assert_eq!(backup.summary().with_warnings, 2);
}

/// What a pass could not confirm is said in the summary, not made a gap: the end of the list
/// is the evidence (docs/site-facts.md).
#[test]
fn an_unconfirmed_time_filter_and_a_missing_deleted_tab_are_said_not_gaps() {
    let mut backup = full_backup("en-brl");
    backup.all_time_confirmed = Some(false);
    backup.deleted_tab_found = Some(false);
    assert!(backup.is_complete(), "{:?}", backup.gaps());
    let summary = backup.summary();
    assert!(summary.all_time_unconfirmed && summary.deleted_tab_missing);
    backup.begin_pass();
    let summary = backup.summary();
    assert!(
        !summary.all_time_unconfirmed && !summary.deleted_tab_missing,
        "a new pass looks again"
    );
}

/// A line of a CSV as a spreadsheet splits it on `separator`: a cell that starts with a quote
/// runs to its closing quote; any other runs to the next separator or line end.
fn spreadsheet_cells(text: &str, separator: char) -> Vec<String> {
    let chars: Vec<char> = text.trim_start_matches('\u{feff}').chars().collect();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut quoted, mut at_start) = (false, true);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if quoted {
            if c == '"' && chars.get(i + 1) == Some(&'"') {
                cell.push('"');
                i += 1;
            } else if c == '"' {
                quoted = false;
            } else {
                cell.push(c);
            }
        } else if at_start && c == '"' {
            quoted = true;
            at_start = false;
        } else if c == separator || c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n')) {
            cells.push(std::mem::take(&mut cell));
            at_start = true;
            if c == '\r' {
                i += 1;
            }
        } else {
            cell.push(c);
            at_start = false;
        }
        i += 1;
    }
    cells.push(cell);
    cells
}

/// Whatever a text holds, in whichever column, no cell of either CSV becomes a formula in a
/// spreadsheet whose list separator is `,` or `;` (Excel in German, French, Spanish, Polish,
/// Portuguese or Russian splits on `;`).
#[test]
fn no_csv_cell_becomes_a_formula_whatever_the_list_separator() {
    let payloads = [
        "x;=1+1;", "a,=1", "\t=1", "\r=1", "\"=1\"", "-2+3", "=1", "+1", "@SUM(1)", "a; -1",
        "a;\"=1", "a, ;+1", "\t", "-",
    ];
    for payload in payloads {
        let money = Money {
            amount: payload.into(),
            currency: payload.into(),
            display: payload.into(),
        };
        let order = Order {
            id: payload.into(),
            placed_on: Some(payload.into()),
            status: payload.into(),
            state: OrderState::Unknown,
            store: Store {
                name: payload.into(),
                url: Some(payload.into()),
            },
            total: Some(money.clone()),
            items: vec![Item {
                title: payload.into(),
                variant: Some(payload.into()),
                quantity: 1,
                unit_price: Some(money),
                product_url: Some(payload.into()),
                image_url: Some(payload.into()),
            }],
            tracking_numbers: vec![payload.into(), payload.into()],
            detail_url: payload.into(),
            notes: vec![payload.into()],
            warnings: vec![Warning::new(payload, payload)],
            read_by: None,
            deleted: false,
            details: None,
        };
        let backup = backup_of(order);
        let file = backup.to_file("2026-11-22T10:05:00Z", "test");
        for csv in [
            orders_csv(&file, &messages::Messages::load("en")),
            items_csv(&file, &messages::Messages::load("en")),
        ] {
            assert!(csv.contains('\''), "{payload:?}: neutralised somewhere");
            for separator in [',', ';'] {
                for cell in spreadsheet_cells(&csv, separator) {
                    assert!(
                        !cell
                            .trim_start_matches(' ')
                            .starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{payload:?} split on {separator:?}: {cell:?} is a formula\n{csv}"
                    );
                }
            }
        }
    }
}

/// The spreadsheet is made from any backup: hostile text, a text longer than a cell holds
/// (cut at Excel's 32,767 characters rather than failing), and a date that isn't one (kept as
/// text). LibreOffice opening it and its cells are checked end to end (`backup-scenarios.mjs`).
#[test]
fn the_spreadsheet_is_made_from_any_backup() {
    use exit_assistant::core::export::ExportKind;
    let mut file = hostile_file();
    file.orders[0].items[0].title = "long ".repeat(10_000);
    file.orders[0].placed_on = Some("sometime in 2026".into());
    let (name, mime, bytes) = ExportKind::Xlsx
        .render(&file, "2026-12-04", &messages::Messages::load("en"))
        .expect("the workbook is made");
    assert_eq!(name, "aliexpress-orders-2026-12-04.xlsx");
    assert_eq!(
        mime,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(bytes.starts_with(b"PK\x03\x04"), "an .xlsx is a zip file");
}
