//! Importing a backup file: what the schema accepts comes back exactly as it was written, and
//! anything else is refused with its reason.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/schema.rs"]
mod schema;
use std::fs;

use exit_assistant::core::backup::Backup;
use exit_assistant::core::export::to_json;
use exit_assistant::core::import::{read_backup_file, ImportError};
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A file's `reviews` holding one review.
fn reviews(review: Value) -> Value {
    json!({"reviews": [review], "read_at": "2026-12-04T10:00:00.000Z", "read_by": "rules", "pages": 1, "complete": true})
}

/// A file as the extension writes it, holding a fixture history's expected orders.
fn file_of(history: &str, warnings: Value) -> Value {
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(format!(
            "{ROOT}/tests/fixtures/histories/{history}/expected.json"
        ))
        .unwrap(),
    )
    .unwrap();
    json!({
        "format": "aliexpress-order-backup",
        "format_version": 3,
        "exported_at": "2026-11-20T09:30:00.000Z",
        "site": expected["site"],
        "complete": warnings.as_array().unwrap().is_empty(),
        "warnings": warnings,
        "generator": "Exit Assistant 0.1.0",
        "stated_count": Value::Null,
        "orders": expected["orders"],
    })
}

#[test]
fn every_fixture_history_round_trips_exactly() {
    for history in [
        "en-usd",
        "en-brl",
        "de-eur",
        "ko-krw",
        "old-trade",
        "hostile",
    ] {
        let original = file_of(history, json!([]));
        let file =
            read_backup_file(&original.to_string()).unwrap_or_else(|e| panic!("{history}: {e:?}"));
        let backup = Backup::from_file(&file, "2026-11-23T08:00:00.000Z");
        assert!(backup.is_complete(), "{history}: {:?}", backup.gaps());
        let again: Value = serde_json::from_str(&to_json(
            &backup.to_file("2026-11-20T09:30:00.000Z", "Exit Assistant 0.1.0"),
        ))
        .unwrap();
        // A file names the host it was read on; the saved backup is the site's, one for
        // every host of it (`www.`, `pt.`, `trade.` are all `aliexpress.com`).
        let mut want = original.clone();
        let site = if original["site"].as_str().unwrap().ends_with(".us") {
            "aliexpress.us"
        } else {
            "aliexpress.com"
        };
        want["site"] = json!(site);
        assert_eq!(backup.site, site, "{history}");
        assert_eq!(again, want, "{history}");
    }
}

#[test]
fn an_incomplete_file_stays_exactly_as_incomplete() {
    let warnings = json!([
        {"code": "signed_out", "message": "you were signed out during the backup"},
        {"code": "list_not_finished", "message": "the order list was not read to its end: 10 orders so far"},
        {"code": "details_missing", "message": "1 orders still need their detail page read (items or tracking): 8212313961591322"},
    ]);
    let original = file_of("en-brl", warnings.clone());
    let backup = Backup::from_file(&read_backup_file(&original.to_string()).unwrap(), "now");
    assert!(!backup.is_complete());
    assert_eq!(
        backup.pending_details(),
        ["8212313961591322"],
        "a later run still reads the detail page the file lacks"
    );
    let gaps: Vec<String> = backup.gaps().into_iter().map(|w| w.code).collect();
    assert_eq!(gaps, ["signed_out", "list_not_finished", "details_missing"]);
    let again = backup.to_file("2026-11-20T09:30:00.000Z", "Exit Assistant 0.1.0");
    // The same words; the gaps worked out again also keep their values (format 3), for
    // saying them in another language.
    let mut want = warnings;
    want[1]["params"] = json!(["10"]);
    want[2]["params"] = json!(["1", "8212313961591322"]);
    assert_eq!(serde_json::to_value(&again.warnings).unwrap(), want);
}

/// Broken files, each with the check it breaks. The importer and the JSON Schema agree on
/// every one, except where noted.
#[test]
fn a_file_that_breaks_the_format_is_refused_with_its_reason() {
    let good = file_of("en-brl", json!([]));
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut file = good.clone();
        edit(&mut file);
        file
    };
    let invalid: Vec<(&str, Value)> = vec![
        (
            "amount as a number",
            with(&|f| f["orders"][0]["total"]["amount"] = json!(132.74)),
        ),
        (
            "amount with a comma",
            with(&|f| f["orders"][0]["total"]["amount"] = json!("132,74")),
        ),
        (
            "lower-case currency",
            with(&|f| f["orders"][0]["total"]["currency"] = json!("brl")),
        ),
        (
            "unknown state",
            with(&|f| f["orders"][0]["state"] = json!("lost")),
        ),
        (
            "short order number",
            with(&|f| f["orders"][0]["id"] = json!("123")),
        ),
        (
            "script link",
            with(&|f| f["orders"][0]["items"][0]["product_url"] = json!("javascript:alert(1)")),
        ),
        (
            "no orders field",
            with(&|f| {
                f.as_object_mut().unwrap().remove("orders");
            }),
        ),
        (
            "a date that isn't one",
            with(&|f| f["orders"][0]["placed_on"] = json!("20 Nov 2026")),
        ),
        (
            "quantity zero",
            with(&|f| f["orders"][0]["items"][0]["quantity"] = json!(0)),
        ),
        ("empty site", with(&|f| f["site"] = json!(""))),
        (
            "exported_at not a time",
            with(&|f| f["exported_at"] = json!("yesterday")),
        ),
        (
            "version as text",
            with(&|f| f["format_version"] = json!("1")),
        ),
        (
            "a review's stars out of 1 to 5",
            with(&|f| f["reviews"] = reviews(json!({"stars": 6, "shown": []}))),
        ),
        (
            "a review's date not a day",
            with(&|f| f["reviews"] = reviews(json!({"date": "Aug 2025", "shown": []}))),
        ),
        (
            "a review's order id not digits",
            with(&|f| f["reviews"] = reviews(json!({"order_id": "A-1", "shown": []}))),
        ),
    ];
    let validator = schema::validator();
    assert_eq!(schema::errors(&good), Vec::<String>::new());
    let mut with_reviews = good.clone();
    with_reviews["reviews"] = reviews(
        json!({"stars": 5, "date": "2026-05-02", "order_id": "8212238461067727", "product_id": "1005047346387565", "photos": 2, "shown": ["Fine."]}),
    );
    assert_eq!(schema::errors(&with_reviews), Vec::<String>::new());
    assert!(read_backup_file(&with_reviews.to_string()).is_ok());
    assert!(read_backup_file(&good.to_string()).is_ok());
    for (what, file) in &invalid {
        assert!(
            !validator.is_valid(file),
            "the schema should refuse: {what}"
        );
        match read_backup_file(&file.to_string()) {
            Err(ImportError::Invalid(reason)) => assert!(!reason.is_empty(), "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
    // Stricter than the schema, which can't say so: one order twice, and a site that isn't
    // AliExpress (it names the saved backup, and the verdict reads every one).
    for site in [
        "evil.example",
        "aliexpress.com.evil.example",
        "<b>www.aliexpress.com</b>",
    ] {
        let other = with(&|f| f["site"] = json!(site));
        assert!(
            matches!(read_backup_file(&other.to_string()), Err(ImportError::Invalid(r)) if r.contains("not an AliExpress host")),
            "{site}"
        );
    }
    let twice = with(&|f| {
        let first = f["orders"][0].clone();
        f["orders"].as_array_mut().unwrap().push(first);
    });
    assert!(
        matches!(read_backup_file(&twice.to_string()), Err(ImportError::Invalid(r)) if r.contains("twice"))
    );
}

#[test]
fn other_files_are_named_for_what_they_are() {
    assert_eq!(
        read_backup_file("order,date\n1,2"),
        Err(ImportError::NotJson)
    );
    assert_eq!(read_backup_file(""), Err(ImportError::NotJson));
    assert_eq!(read_backup_file("[1, 2]"), Err(ImportError::NotABackup));
    assert_eq!(
        read_backup_file(r#"{"orders": []}"#),
        Err(ImportError::NotABackup)
    );
    assert_eq!(
        read_backup_file(r#"{"format": "something-else", "format_version": 1}"#),
        Err(ImportError::NotABackup)
    );
    let mut newer = file_of("en-brl", json!([]));
    newer["format_version"] = json!(4);
    assert_eq!(
        read_backup_file(&newer.to_string()),
        Err(ImportError::NewerVersion(4))
    );
    // A byte-order mark, as some editors add, is no reason to refuse.
    assert!(read_backup_file(&format!("\u{feff}{}", file_of("en-brl", json!([])))).is_ok());
}

/// A file of format 1 (written before orders carried their warnings and reader) still
/// imports, and exports again as format 3 with the same orders.
#[test]
fn a_version_1_file_still_imports() {
    let mut v1 = file_of("shapes-2026", json!([]));
    v1["format_version"] = json!(1);
    for order in v1["orders"].as_array_mut().unwrap() {
        let order = order.as_object_mut().unwrap();
        order.remove("warnings");
        order.remove("read_by");
    }
    let file = read_backup_file(&v1.to_string()).expect("format 1 imports");
    assert!(file
        .orders
        .iter()
        .all(|o| o.warnings.is_empty() && o.read_by.is_none()));
    let backup = Backup::from_file(&file, "2026-11-23T08:00:00.000Z");
    let again: Value = serde_json::from_str(&to_json(
        &backup.to_file("2026-11-20T09:30:00.000Z", "Exit Assistant 0.1.0"),
    ))
    .unwrap();
    assert_eq!(again["format_version"], json!(3));
    assert_eq!(again["orders"], v1["orders"]);
}
