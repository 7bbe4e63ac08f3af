//! The address book through both readers, and the saved addresses through every export: the
//! fixtures are guesses at the page's shape (`docs/site-facts.md`, "Address book"), so the
//! readers are proven on the rule tables' shape, on a redesign with hashed classes and masked
//! phone numbers, and on a page neither can read.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/messages.rs"]
mod messages;
#[path = "support/schema.rs"]
mod schema;
mod support;

use std::fs;

use exit_assistant::core::address::{read_addresses, AddressBook, SavedAddress};
use exit_assistant::core::backup::Backup;
use exit_assistant::core::export::{to_json, ExportKind};
use exit_assistant::core::import::read_backup_file;
use exit_assistant::core::order::ReadBy;
use exit_assistant::core::report::report_html;
use messages::Messages;
use scraper::Html;
use serde_json::Value;
use support::Node;

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site");

fn read(file: &str) -> (Vec<SavedAddress>, ReadBy) {
    let html = Html::parse_document(&fs::read_to_string(format!("{SITE}/{file}")).unwrap());
    read_addresses(&Node(html.root_element()))
}

fn lines(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_rule_tables_read_every_field() {
    let (addresses, by) = read("address-book.html");
    assert_eq!(by, ReadBy::Rules);
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        addresses,
        vec![
            SavedAddress {
                name: some("Ana Souza"),
                phone: some("+55 11 91234-5678"),
                street: some("Rua das Flores 123, Apto 45"),
                city: some("Sao Paulo"),
                region: some("São Paulo"),
                postcode: some("01310-100"),
                country: some("Brazil"),
                is_default: true,
                shown: lines(&[
                    "Ana Souza",
                    "+55 11 91234-5678",
                    "Default",
                    "Rua das Flores 123, Apto 45",
                    "Sao Paulo",
                    "São Paulo",
                    "01310-100",
                    "Brazil",
                ]),
            },
            SavedAddress {
                name: some("Ana Souza (work)"),
                phone: some("+55 21 99876-0001"),
                street: some("Av. Atlântica 1702 <img src=x onerror=alert(1)>"),
                city: some("Rio de Janeiro"),
                region: some("Rio de Janeiro"),
                postcode: some("22021-001"),
                country: some("Brazil"),
                is_default: false,
                shown: lines(&[
                    "Ana Souza (work)",
                    "+55 21 99876-0001",
                    "Av. Atlântica 1702 <img src=x onerror=alert(1)>",
                    "Rio de Janeiro",
                    "Rio de Janeiro",
                    "22021-001",
                    "Brazil",
                ]),
            },
        ]
    );
}

#[test]
fn after_a_redesign_the_structure_reads_each_address_line_by_line() {
    let (addresses, by) = read("address-book-renamed.html");
    assert_eq!(by, ReadBy::Structure);
    assert_eq!(addresses.len(), 2, "{addresses:?}");
    assert_eq!(addresses[0].name.as_deref(), Some("Ana Souza"));
    assert_eq!(addresses[0].phone.as_deref(), Some("+55 11*****5678"));
    assert_eq!(addresses[1].name.as_deref(), Some("Ana Souza (work)"));
    assert!(addresses[1].shown.contains(&"22021-001".to_owned()));
    // Only what the page shows as the address: no heading, link or button.
    for a in &addresses {
        assert!(a.street.is_none() && a.postcode.is_none(), "not told apart");
        for chrome in ["Shipping address", "Edit", "Delete", "My Orders"] {
            assert!(!a.shown.contains(&chrome.to_owned()), "{chrome}: {a:?}");
        }
    }
}

#[test]
fn a_page_neither_reader_reads_gives_no_address() {
    assert_eq!(read("address-book-unreadable.html").0, Vec::new());
}

fn backup_with_addresses() -> Backup {
    let (addresses, read_by) = read("address-book.html");
    let mut backup = Backup::new("aliexpress.com", "2026-12-04T10:00:00.000Z");
    backup.address_book = Some(AddressBook {
        addresses,
        read_at: "2026-12-04T10:00:00.000Z".to_owned(),
        read_by,
    });
    backup
}

#[test]
fn the_addresses_go_into_every_file_and_import_back() {
    let file = backup_with_addresses().to_file("2026-12-04T10:05:00.000Z", "test");
    let json = to_json(&file);
    let value: Value = serde_json::from_str(&json).unwrap();
    let errors = schema::errors(&value);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        value["address_book"]["addresses"][0]["postcode"],
        "01310-100"
    );
    assert_eq!(
        read_backup_file(&json).unwrap().address_book,
        file.address_book
    );

    let en = Messages::load("en");
    let (name, _, csv) = ExportKind::CsvAddresses
        .render(&file, "2026-12-04", &en)
        .unwrap();
    assert_eq!(name, "aliexpress-addresses-2026-12-04.csv");
    let csv = String::from_utf8(csv).unwrap();
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "Name,Phone,Street,City,Region,Postcode,Country,Default,As shown"
    );
    assert!(rows[1].starts_with("Ana Souza,'+55 11 91234-5678,\"Rua das Flores 123, Apto 45\",Sao Paulo,São Paulo,01310-100,Brazil,✓,"), "{}", rows[1]);
    assert_eq!(rows.len(), 3);

    let report = report_html(&file, &en);
    assert!(report.contains("<h2>Saved addresses</h2>"));
    assert!(report.contains("Av. Atlântica 1702 &lt;img src=x onerror=alert(1)&gt;"));
    assert!(!report.contains("<img src=x"));
    let german = report_html(&file, &Messages::load("de"));
    assert!(german.contains("<h2>Gespeicherte Adressen</h2>") && german.contains(">Postleitzahl<"));
}
