//! The feedback page through both readers and its pager, and the reviews through every export.
//! The fixtures are guesses at the page's shape (`docs/site-facts.md`, "Feedback page"), so
//! the readers are proven on the rule tables' shape (three pages that each load the next), on
//! a redesign with hashed classes whose pager redraws in place, and on a page with no review
//! but other products. What each fixture holds is written down apart from the readers, in
//! `feedback-expected.json`, from the data the fixtures were made from.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/messages.rs"]
mod messages;
#[path = "support/schema.rs"]
mod schema;
mod support;

use std::fs;

use exit_assistant::core::backup::Backup;
use exit_assistant::core::export::{to_json, ExportKind};
use exit_assistant::core::import::read_backup_file;
use exit_assistant::core::order::ReadBy;
use exit_assistant::core::report::report_html;
use exit_assistant::core::review::{next_page, read_reviews, Review, ReviewLog};
use messages::Messages;
use scraper::Html;
use serde_json::Value;
use support::Node;

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site");

fn page(file: &str) -> Html {
    Html::parse_document(&fs::read_to_string(format!("{SITE}/{file}")).unwrap())
}

fn read(file: &str) -> (Vec<Review>, ReadBy) {
    read_reviews(&Node(page(file).root_element()))
}

/// The fixtures' reviews as written down: order, product id, title, stars, date, text, photos.
fn expected() -> Vec<Value> {
    let file: Value = serde_json::from_str(
        &fs::read_to_string(format!("{SITE}/feedback-expected.json")).unwrap(),
    )
    .unwrap();
    file["reviews"].as_array().unwrap().clone()
}

/// A review's fields as the expected file names them.
fn fields(r: &Review) -> Value {
    serde_json::json!({
        "order_id": r.order_id, "product_id": r.product_id, "stars": r.stars,
        "date": r.date, "text": r.text, "photos": r.photos,
    })
}

fn expected_fields(e: &Value) -> Value {
    serde_json::json!({
        "order_id": e["order_id"], "product_id": e["product_id"], "stars": e["stars"],
        "date": e["date"], "text": e["text"], "photos": e["photos"],
    })
}

#[test]
fn the_rule_tables_read_every_field_on_every_page() {
    let expected = expected();
    let mut all = Vec::new();
    for file in [
        "feedback.html",
        "feedback-page-2.html",
        "feedback-page-3.html",
    ] {
        let (reviews, by) = read(file);
        assert_eq!(by, ReadBy::Rules, "{file}");
        all.extend(reviews);
    }
    assert_eq!(all.len(), expected.len());
    for (review, e) in all.iter().zip(&expected) {
        assert_eq!(fields(review), expected_fields(e));
        assert_eq!(review.product.as_deref(), e["product"].as_str());
        // The variant is kept among the lines as shown.
        assert!(
            review
                .shown
                .iter()
                .any(|l| Some(l.as_str()) == e["variant"].as_str()),
            "{:?}",
            review.shown
        );
    }
}

#[test]
fn the_pager_has_a_next_until_the_last_page() {
    for (file, next) in [
        ("feedback.html", Some("feedbackBuyerList.htm?page=2")),
        ("feedback-page-2.html", Some("feedbackBuyerList.htm?page=3")),
        ("feedback-page-3.html", None),
    ] {
        let html = page(file);
        let found = next_page(&Node(html.root_element()));
        assert_eq!(
            found.map(|n| n.0.value().attr("href").map(str::to_owned)),
            next.map(|h| Some(h.to_owned())),
            "{file}"
        );
    }
    // The redesign's "Next" is a button named by its label; disabled on its last page.
    let html = page("feedback-renamed.html");
    let next = next_page(&Node(html.root_element())).expect("the renamed page's Next");
    assert_eq!(next.0.value().attr("aria-label"), Some("Next page"));
    let last = fs::read_to_string(format!("{SITE}/feedback-renamed.html"))
        .unwrap()
        .replace(
            r#"id="next" aria-label"#,
            r#"id="next" disabled aria-label"#,
        );
    let html = Html::parse_document(&last);
    assert!(next_page(&Node(html.root_element())).is_none());
    let html = page("feedback-none.html");
    assert!(next_page(&Node(html.root_element())).is_none());
}

#[test]
fn a_redesign_is_read_by_structure_and_other_products_are_no_review() {
    let (reviews, by) = read("feedback-renamed.html");
    assert_eq!(by, ReadBy::Structure);
    let expected = expected();
    // Its first page shows the first three; "More to love" adds none.
    assert_eq!(reviews.len(), 3, "{reviews:#?}");
    for (review, e) in reviews.iter().zip(&expected) {
        assert_eq!(fields(review), expected_fields(e));
        assert_eq!(review.product.as_deref(), e["product"].as_str());
    }
    assert_eq!(read("feedback-none.html").0, Vec::new());
}

fn backup_with_reviews() -> Backup {
    let mut log = ReviewLog::default();
    for file in [
        "feedback.html",
        "feedback-page-2.html",
        "feedback-page-3.html",
    ] {
        let (reviews, read_by) = read(file);
        log.add_page(reviews, read_by, "2026-12-04T10:00:00.000Z");
    }
    log.complete = true;
    log.paging_since_ms = Some(1);
    let mut backup = Backup::new("aliexpress.com", "2026-12-04T10:00:00.000Z");
    backup.reviews = Some(log);
    backup
}

#[test]
fn the_reviews_go_into_every_file_and_import_back() {
    let file = backup_with_reviews().to_file("2026-12-04T10:05:00.000Z", "test");
    let json = to_json(&file);
    let value: Value = serde_json::from_str(&json).unwrap();
    let errors = schema::errors(&value);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(value["reviews"]["reviews"].as_array().unwrap().len(), 7);
    assert_eq!(value["reviews"]["pages"], 3);
    assert!(
        value["reviews"].get("paging_since_ms").is_none(),
        "the paging state stays out of files"
    );
    assert_eq!(read_backup_file(&json).unwrap().reviews, file.reviews);

    let en = Messages::load("en");
    let (name, _, csv) = ExportKind::CsvReviews
        .render(&file, "2026-12-04", &en)
        .unwrap();
    assert_eq!(name, "aliexpress-reviews-2026-12-04.csv");
    let csv = String::from_utf8(csv).unwrap();
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "Date,Order ID,Title,Product id,Stars,Review,Photos,As shown"
    );
    assert_eq!(rows.len(), 8);
    assert!(
        rows[1].starts_with("2025-08-21,3058607256425504,30Pcs 1/4inch Drip"),
        "{}",
        rows[1]
    );
    // A formula is text in a spreadsheet.
    assert!(
        rows[7].contains(",\"'=HYPERLINK(\"\"http://example.com\"\") the legs wobble.\","),
        "{}",
        rows[7]
    );

    let report = report_html(&file, &en);
    assert!(report.contains("<h2>Reviews</h2>"));
    assert!(report.contains("Band ok &lt;img src=x onerror=alert(1)&gt; but the clasp is loose."));
    assert!(!report.contains("<img src=x"));
    assert!(
        !report.contains("class=\"gap\""),
        "a complete reading says nothing missing"
    );
    let german = report_html(&file, &Messages::load("de"));
    assert!(german.contains("<h2>Bewertungen</h2>") && german.contains(">Sterne<"));
}

#[test]
fn an_incomplete_reading_says_so_in_the_report() {
    let mut backup = backup_with_reviews();
    if let Some(log) = backup.reviews.as_mut() {
        log.complete = false;
        log.pages = 1;
    }
    let report = report_html(
        &backup.to_file("2026-12-04T10:05:00.000Z", "test"),
        &Messages::load("en"),
    );
    assert!(
        report.contains("Not complete: the reading stopped at page 1, with 7 reviews kept."),
        "{report}"
    );
}

#[test]
fn a_page_report_says_what_the_readers_found_on_the_feedback_page_and_the_address_book() {
    use exit_assistant::core::page::PageKind;
    use exit_assistant::core::page_report::{read_page, RecordsReading};
    let reading = |file: &str, kind: PageKind| {
        let html = page(file);
        read_page(
            &Node(html.root_element()),
            "https://feedback.aliexpress.com/",
            kind,
        )
        .records
    };
    let records = |found, read_by, whole, next_page| {
        Some(RecordsReading {
            found,
            read_by,
            whole,
            next_page,
        })
    };
    assert_eq!(
        reading("feedback.html", PageKind::Feedback),
        records(3, ReadBy::Rules, 3, true)
    );
    assert_eq!(
        reading("feedback-page-3.html", PageKind::Feedback),
        records(1, ReadBy::Rules, 1, false)
    );
    assert_eq!(
        reading("feedback-renamed.html", PageKind::Feedback),
        records(3, ReadBy::Structure, 3, true)
    );
    assert_eq!(
        reading("feedback-none.html", PageKind::Feedback),
        records(0, ReadBy::Structure, 0, false)
    );
    // The structural reader tells only an address's name and phone apart.
    assert_eq!(
        reading("address-book.html", PageKind::AddressBook),
        records(2, ReadBy::Rules, 2, false)
    );
    assert_eq!(
        reading("address-book-renamed.html", PageKind::AddressBook),
        records(2, ReadBy::Structure, 0, false)
    );
}
