//! Page reports (`docs/page-report.md`): a report of a fixture page holds none of the page's
//! names, titles, addresses or numbers, yet reads as the same orders, in the same shapes; and
//! every report kept in `tests/fixtures/page-reports/` (files as the panel saved them) reads
//! as its expected record says.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;

use exit_assistant::core::page::PageKind;
use exit_assistant::core::page_report::{
    kept_attribute, read_page, write_report, PageReport, Piece, Reading, EMPTIED, LEFT_OUT,
    REPORT_KIND,
};
use scraper::{ElementRef, Html};
use serde_json::Value;
use support::{histories, Node};

const HISTORIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/histories");
const REPORTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/page-reports");

/// The page as the content script walks it (`src/web/content/page_report.rs` does the same
/// over the live page).
fn pieces(html: &Html) -> Vec<Piece> {
    let mut out = Vec::new();
    walk(html.root_element(), &mut out);
    out
}

fn walk(element: ElementRef, out: &mut Vec<Piece>) {
    let tag = element.value().name();
    if LEFT_OUT.contains(&tag) {
        return;
    }
    let attributes = element
        .value()
        .attrs()
        .filter(|(name, _)| kept_attribute(name).is_some())
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    out.push(Piece::Open(tag.to_owned(), attributes));
    if !EMPTIED.contains(&tag) {
        for child in element.children() {
            if let Some(child) = ElementRef::wrap(child) {
                walk(child, out);
            } else if let Some(text) = child.value().as_text() {
                out.push(Piece::Text(text.to_string()));
            }
        }
    }
    out.push(Piece::Close);
}

fn read(html: &str, url: &str, kind: PageKind) -> Reading {
    let html = Html::parse_document(html);
    read_page(&Node(html.root_element()), url, kind)
}

/// Every text of the history that is the shopper's: order, product, store and tracking
/// numbers, titles, store names, totals and prices, and the contact on the detail pages.
fn private_texts(name: &str, details: &str) -> Vec<String> {
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(format!("{HISTORIES}/{name}/expected.json")).unwrap(),
    )
    .unwrap();
    let mut texts = Vec::new();
    let add = |texts: &mut Vec<String>, v: &Value| {
        if let Some(s) = v.as_str() {
            texts.push(s.trim().to_owned());
        }
    };
    for order in expected["orders"].as_array().unwrap() {
        add(&mut texts, &order["id"]);
        add(&mut texts, &order["store"]["name"]);
        add(&mut texts, &order["total"]["display"]);
        for number in order["tracking_numbers"].as_array().unwrap() {
            add(&mut texts, number);
        }
        for item in order["items"].as_array().unwrap() {
            add(&mut texts, &item["title"]);
            add(&mut texts, &item["unit_price"]["display"]);
            let product = item["product_url"].as_str().unwrap_or_default();
            if let Some(id) = product
                .rsplit('/')
                .next()
                .and_then(|f| f.strip_suffix(".html"))
            {
                texts.push(id.to_owned());
            }
        }
    }
    // The contact block of the detail pages: name, phone, address.
    let page = Html::parse_document(details);
    for selector in [
        ".contact-name",
        ".contact-phone",
        "[data-pl=contact_info_address]",
    ] {
        let selector = scraper::Selector::parse(selector).unwrap();
        for e in page.select(&selector).take(1) {
            texts.push(e.text().collect::<String>());
        }
    }
    // Names, titles and addresses whole; numbers by their runs of four significant digits
    // or more. A short number ("US $1.65", the "0002" of a post code) has few others of its
    // shape, so it can come out as itself by chance: alone, it identifies nobody.
    let runs: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !c.is_ascii_digit())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|run| run.trim_start_matches('0').len() >= 4)
        .collect();
    texts.retain(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    texts.extend(runs);
    texts.sort();
    texts.dedup();
    texts
}

#[test]
fn a_fixture_pages_report_holds_nothing_of_the_shopper_and_reads_the_same() {
    let mut pages = 0;
    for (name, url) in histories() {
        let details_html = fs::read_to_string(format!("{HISTORIES}/{name}/details.html")).unwrap();
        let private = private_texts(&name, &details_html);
        assert!(private.len() > 20, "{name}: {private:?}");
        for (file, kind) in [
            ("cards.html", PageKind::OrderList),
            ("cards-renamed.html", PageKind::OrderList),
            ("details.html", PageKind::OrderDetail),
            ("details-renamed.html", PageKind::OrderDetail),
        ] {
            // The old layout lists every item: the backup opens none of its detail pages.
            if name == "old-trade" && kind == PageKind::OrderDetail {
                continue;
            }
            let Ok(html) = fs::read_to_string(format!("{HISTORIES}/{name}/{file}")) else {
                continue;
            };
            let page_url = if kind == PageKind::OrderDetail {
                url.replace("/p/order/index.html", "/p/order/detail.html")
            } else {
                url.clone()
            };
            let original = read(&html, &page_url, kind);
            let found = match (&original.list, &original.detail) {
                (Some(list), _) => list.rules.orders.len() + list.structure.orders.len(),
                (_, Some(detail)) => detail.rules.items.len() + detail.structure.items.len(),
                _ => 0,
            };
            assert!(found > 0, "{name}/{file}: the original reads");
            let report = write_report(
                &page_url,
                original.clone(),
                &pieces(&Html::parse_document(&html)),
                0x5EED ^ pages,
                "test",
                "2026-12-03",
            );
            // Words as they are written; numbers as whole runs of digits.
            let runs: std::collections::HashSet<&str> =
                report.html.split(|c: char| !c.is_ascii_digit()).collect();
            for text in &private {
                let held = if text.chars().all(|c| c.is_ascii_digit()) {
                    runs.contains(text.as_str())
                } else {
                    report.html.contains(text.as_str())
                };
                assert!(!held, "{name}/{file}: the report holds {text:?}");
            }
            assert_eq!(
                read(&report.html, &report.url, kind),
                original,
                "{name}/{file}: the report reads as the page"
            );
            pages += 1;
        }
    }
    assert!(pages >= 30, "every history's pages: {pages}");
}

/// Every report in the folder, unchanged, through the readers: it reads as its
/// `<name>.expected.json` says (the reading a fixed reader must give).
#[test]
fn every_kept_report_reads_as_expected() {
    let mut checked = 0;
    let mut entries: Vec<_> = fs::read_dir(REPORTS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let report: PageReport = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: not a page report: {e}"));
        assert_eq!(report.kind, REPORT_KIND, "{name}");
        let expected: Reading = serde_json::from_str(
            &fs::read_to_string(path.with_extension("expected.json"))
                .unwrap_or_else(|_| panic!("{name}: no expected record beside it")),
        )
        .unwrap();
        let kind = expected.page.unwrap_or(PageKind::OtherAliExpress);
        assert_eq!(read(&report.html, &report.url, kind), expected, "{name}");
        checked += 1;
    }
    assert!(checked >= 3, "the kept reports: {checked}");
}
