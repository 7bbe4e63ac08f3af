//! The backup's warnings in the user's language: every file says them in the browser's
//! language from their codes and values, and the JSON keeps both.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/messages.rs"]
mod messages;

use exit_assistant::core::backup::Backup;
use exit_assistant::core::export::ExportKind;
use exit_assistant::core::order::Warning;
use exit_assistant::core::warning_text::{localize_file, say};
use messages::Messages;
use serde_json::Value;

fn warning(code: &str, params: &[&str]) -> Warning {
    Warning::with(
        code,
        "the English words",
        params.iter().map(|p| (*p).to_owned()).collect(),
    )
}

#[test]
fn each_warning_is_said_in_the_users_language_with_its_values() {
    let de = Messages::load("de");
    let en = Messages::load("en");
    assert_eq!(
        say(&warning("list_not_finished", &["120"]), &de),
        "die Bestellliste wurde nicht bis zum Ende gelesen: bisher 120 Bestellungen"
    );
    assert_eq!(
        say(
            &warning("unknown_status", &["8212313961591322", "Versandbereit"]),
            &de
        ),
        "Bestellung 8212313961591322: Der Status „Versandbereit“ ist dem Assistenten nicht bekannt"
    );
    assert_eq!(
        say(&warning("details_incomplete", &["8212313961591322", "price_lines,payment_method"]), &de),
        "Bestellung 8212313961591322: Die Detailseite zeigte nichts davon: Preisaufstellung, Zahlungsart"
    );
    assert_eq!(
        say(&warning("signed_out", &[]), &en),
        "you were signed out of AliExpress during the backup"
    );
    // Written before the values were kept (format 2), or of a code with no sentence: the
    // English words stay.
    assert_eq!(
        say(&warning("list_not_finished", &[]), &de),
        "the English words"
    );
    assert_eq!(say(&warning("list_stalled", &[]), &de), "the English words");
}

#[test]
fn every_language_has_every_warning_with_its_values() {
    let codes: [(&str, &[&str]); 14] = [
        ("list_not_finished", &["7"]),
        ("details_missing", &["2", "1, 2"]),
        ("count_mismatch", &["9", "8"]),
        ("unfinished_count_mismatch", &["5", "3"]),
        ("orders_without_items", &["1"]),
        ("signed_out", &[]),
        ("not_all_orders", &[]),
        ("captcha_unsolved", &[]),
        ("page_not_responding", &[]),
        ("page_unreadable", &[]),
        ("unknown_status", &["1234567890", "Zzz"]),
        ("unreadable_date", &["1234567890"]),
        ("missing_total", &["1234567890"]),
        ("details_incomplete", &["1234567890", "ship_to"]),
    ];
    for locale in ["de", "en", "es", "fr", "ko", "pl", "pt_BR", "ru"] {
        let t = Messages::load(locale);
        for (code, params) in codes {
            let said = say(&warning(code, params), &t);
            assert_ne!(said, "the English words", "{locale} {code}");
            for value in params.iter().filter(|p| !p.contains('_')) {
                assert!(said.contains(value), "{locale} {code}: {said}");
            }
            assert!(!said.contains('$'), "{locale} {code}: {said}");
        }
    }
}

#[test]
fn the_files_say_them_in_the_users_language_and_the_json_keeps_codes_and_values() {
    let mut backup = Backup::new("aliexpress.com", "2026-12-04T10:00:00.000Z");
    backup.events.push(warning("signed_out", &[]));
    let file = backup.to_file("2026-12-04T10:05:00.000Z", "test");
    let de = Messages::load("de");
    let german = localize_file(&file, &de);
    let codes: Vec<&str> = german.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["signed_out", "list_not_finished"]);
    assert_eq!(
        german.warnings[1].message,
        "die Bestellliste wurde nicht bis zum Ende gelesen: bisher 0 Bestellungen"
    );
    let (_, _, json) = ExportKind::Json.render(&file, "2026-12-04", &de).unwrap();
    let json: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["warnings"][1]["code"], "list_not_finished");
    assert_eq!(json["warnings"][1]["params"][0], "0");
    assert!(json["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Sie wurden"));
    let (_, _, report) = ExportKind::Report.render(&file, "2026-12-04", &de).unwrap();
    assert!(String::from_utf8(report)
        .unwrap()
        .contains("Sie wurden während der Sicherung von AliExpress abgemeldet"));
}
