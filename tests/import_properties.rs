//! Imports that can't hurt, by property: every backup the extension can write (any text the
//! pages can show, the edge values the parser can produce) imports back exactly; and no file,
//! whatever any field holds, makes the import panic.
#![cfg(not(target_arch = "wasm32"))]

use exit_assistant::core::backup::Backup;
use exit_assistant::core::export::to_json;
use exit_assistant::core::import::read_backup_file;
use exit_assistant::core::money::Money;
use exit_assistant::core::order::{Item, Order, ReadBy, Store, Warning};
use exit_assistant::core::order_details::{OrderDetails, PriceLine};
use exit_assistant::core::parse::ListedOrder;
use exit_assistant::core::status::OrderState;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Any text a page can show: any characters, markup, formulas, quotes, separators.
fn page_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@\\-\t\r\n\";,<>&'a-zA-Zà-ÿа-я가-힣0-9 ]{0,40}",
        Just(String::new()),
    ]
}

/// An absolute http(s) address, as the parser makes them.
fn url() -> impl Strategy<Value = String> {
    ("https?", "[a-z.]{1,20}", any::<String>()).prop_map(|(scheme, host, rest)| {
        format!(
            "{scheme}://{host}/{}",
            rest.replace(char::is_whitespace, "")
        )
    })
}

/// An amount as the parser writes it: exact decimals, any size.
fn money() -> impl Strategy<Value = Money> {
    (
        "[1-9][0-9]{0,30}|0",
        proptest::option::of("[0-9]{1,6}"),
        "[A-Z]{3}",
        page_text(),
    )
        .prop_map(|(whole, fraction, currency, display)| Money {
            amount: fraction.map_or(whole.clone(), |f| format!("{whole}.{f}")),
            currency,
            display,
        })
}

fn item() -> impl Strategy<Value = Item> {
    (
        page_text(),
        proptest::option::of(page_text()),
        prop_oneof![Just(1u32), Just(u32::MAX), 1u32..],
        proptest::option::of(money()),
        proptest::option::of(url()),
        proptest::option::of(url()),
    )
        .prop_map(
            |(title, variant, quantity, unit_price, product_url, image_url)| Item {
                title,
                variant,
                quantity,
                unit_price,
                product_url,
                image_url,
            },
        )
}

/// What a detail page adds, as the parser makes it: any text, amounts or none.
fn details() -> impl Strategy<Value = OrderDetails> {
    (
        proptest::collection::vec(
            (
                page_text(),
                page_text(),
                proptest::option::of(money()),
                any::<bool>(),
            ),
            0..4,
        ),
        proptest::collection::vec(page_text(), 0..3),
        proptest::option::of(page_text()),
    )
        .prop_map(|(lines, ship_to, payment_method)| OrderDetails {
            price_lines: lines
                .into_iter()
                .map(|(label, shown, amount, deducted)| PriceLine {
                    label,
                    shown,
                    amount,
                    deducted,
                })
                .collect(),
            ship_to,
            payment_method,
        })
}

fn state() -> impl Strategy<Value = OrderState> {
    prop_oneof![
        Just(OrderState::AwaitingPayment),
        Just(OrderState::AwaitingShipment),
        Just(OrderState::AwaitingDelivery),
        Just(OrderState::Completed),
        Just(OrderState::Closed),
        Just(OrderState::Unknown),
    ]
}

fn order() -> impl Strategy<Value = Order> {
    (
        "[0-9]{10,20}",
        proptest::option::of("(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"),
        (
            page_text(),
            state(),
            page_text(),
            proptest::option::of(url()),
        ),
        proptest::option::of(money()),
        proptest::collection::vec(item(), 0..4),
        (
            proptest::collection::vec(page_text(), 0..3),
            url(),
            proptest::collection::vec(page_text(), 0..3),
        ),
        (
            proptest::collection::vec(("[a-z_]{1,20}", page_text()), 0..3),
            proptest::option::of(prop_oneof![Just(ReadBy::Rules), Just(ReadBy::Structure)]),
            any::<bool>(),
            proptest::option::of(details()),
        ),
    )
        .prop_map(
            |(
                id,
                placed_on,
                (status, state, store_name, store_url),
                total,
                items,
                (tracking_numbers, detail_url, notes),
                (warnings, read_by, deleted, details),
            )| Order {
                id,
                placed_on,
                status,
                state,
                store: Store {
                    name: store_name,
                    url: store_url,
                },
                total,
                items,
                tracking_numbers,
                detail_url,
                notes,
                warnings: warnings
                    .into_iter()
                    .map(|(code, message)| Warning::new(&code, message))
                    .collect(),
                read_by,
                deleted,
                details,
            },
        )
}

proptest! {
    #![proptest_config(Config { cases: 200, failure_persistence: None, ..Config::default() })]

    /// What the extension exports imports back, order for order.
    #[test]
    fn every_exported_backup_imports_back(
        orders in proptest::collection::vec(order(), 0..8),
        site in prop_oneof![Just("www.aliexpress.com"), Just("pt.aliexpress.com"), Just("www.aliexpress.us")],
        exhausted in any::<bool>(),
    ) {
        let mut backup = Backup::new(site, "2026-11-20T09:30:00.000Z");
        let listed: Vec<ListedOrder> = orders
            .into_iter()
            .map(|order| ListedOrder { order, needs_detail: false })
            .collect();
        backup.add_listed(&listed, "2026-11-20T09:30:00.000Z");
        backup.list_exhausted = exhausted;
        let file = backup.to_file("2026-11-20T09:31:00.000Z", "Exit Assistant 0.1.0");
        let read = read_backup_file(&to_json(&file));
        prop_assert!(read.is_ok(), "refused: {:?}", read.err());
        let read = read.unwrap();
        prop_assert_eq!(&read.orders, &file.orders);
        prop_assert_eq!(read.complete, file.complete);
        let again = Backup::from_file(&read, "2026-11-20T09:32:00.000Z")
            .to_file("2026-11-20T09:31:00.000Z", "Exit Assistant 0.1.0");
        prop_assert_eq!(again.orders, file.orders);
    }

    /// No field of any type or content makes the import panic: it reads or refuses.
    #[test]
    fn no_file_makes_the_import_panic(
        exported_at in any::<String>(),
        site in any::<String>(),
        placed_on in any::<String>(),
        amount in any::<String>(),
        quantity in any::<i64>(),
        id in any::<String>(),
        version in any::<i64>(),
        odd in prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!(1e308)),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!("\u{0}\u{fffd}\u{1F600}")),
        ],
        field in 0usize..8,
    ) {
        let mut file = serde_json::json!({
            "format": "aliexpress-order-backup",
            "format_version": 2,
            "exported_at": exported_at,
            "site": site,
            "complete": true,
            "warnings": [],
            "generator": "x",
            "stated_count": null,
            "orders": [{
                "id": id, "placed_on": placed_on, "status": "", "state": "completed",
                "store": {"name": "", "url": null},
                "total": {"amount": amount, "currency": "USD", "display": ""},
                "items": [{"title": "", "variant": null, "quantity": quantity,
                    "unit_price": null, "product_url": null, "image_url": null}],
                "tracking_numbers": [], "detail_url": "https://www.aliexpress.com/", "notes": []
            }]
        });
        // One field of any type.
        let keys = ["format_version", "exported_at", "site", "complete", "warnings", "orders", "stated_count", "generator"];
        if field == 0 {
            file["format_version"] = serde_json::json!(version);
        } else {
            file[keys[field]] = odd;
        }
        let _ = read_backup_file(&file.to_string());
        // And the text cut anywhere.
        let text = file.to_string();
        let cut = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
        let _ = read_backup_file(&text[..cut]);
    }
}

/// The crafted file of the audit: a timestamp of other than ASCII used to split a character.
#[test]
fn a_timestamp_of_other_characters_is_refused_not_a_crash() {
    for exported_at in [
        "2026-11-20Té:30:00Z",
        "2026-11-20T09:30:0é",
        "2026-1é-20T09:30:00Z",
        "2026-11-20T09:30:00+0é:00",
    ] {
        let file = serde_json::json!({
            "format": "aliexpress-order-backup", "format_version": 2, "exported_at": exported_at,
            "site": "www.aliexpress.com", "complete": true, "warnings": [], "generator": "x",
            "stated_count": null, "orders": []
        });
        assert!(
            read_backup_file(&file.to_string()).is_err(),
            "{exported_at}"
        );
    }
}
