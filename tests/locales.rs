//! Every string the code names exists in every locale, with the same placeholders.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use exit_assistant::core::text::Text;
use serde_json::Value;

const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/_locales");

fn load(locale: &str) -> BTreeMap<String, Value> {
    let path = Path::new(LOCALES_DIR).join(locale).join("messages.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn locales() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(LOCALES_DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// `$NAME$` placeholders used in a message, upper-cased as Chrome compares them.
fn placeholders_used(message: &str) -> BTreeSet<String> {
    message
        .split('$')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .map(|s| s.to_ascii_uppercase())
        .collect()
}

#[test]
fn english_is_the_default_and_has_every_key_the_code_uses() {
    let en = load("en");
    for text in Text::ALL {
        assert!(
            en.contains_key(text.key()),
            "messages.json (en) lacks {}",
            text.key()
        );
    }
}

#[test]
fn every_locale_has_the_same_keys_and_placeholders() {
    let en = load("en");
    for locale in locales() {
        let messages = load(&locale);
        let keys: BTreeSet<_> = messages.keys().collect();
        assert_eq!(keys, en.keys().collect(), "{locale} keys differ from en");
        for (key, entry) in &messages {
            let message = entry["message"]
                .as_str()
                .unwrap_or_else(|| panic!("{locale}/{key} has no message"));
            let declared: BTreeSet<String> = entry
                .get("placeholders")
                .and_then(Value::as_object)
                .map(|p| p.keys().map(|k| k.to_ascii_uppercase()).collect())
                .unwrap_or_default();
            assert_eq!(placeholders_used(message), declared, "{locale}/{key}");
            let en_declared: BTreeSet<String> = en[key]
                .get("placeholders")
                .and_then(Value::as_object)
                .map(|p| p.keys().map(|k| k.to_ascii_uppercase()).collect())
                .unwrap_or_default();
            assert_eq!(
                declared, en_declared,
                "{locale}/{key} placeholders differ from en"
            );
        }
    }
}

#[test]
fn every_key_used_by_static_files_exists() {
    let en = load("en");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        "manifest.json",
        "extension/loader.js",
        "extension/popup.html",
        "extension/backup.html",
        "extension/letter.html",
        "extension/background.js",
    ];
    for file in files {
        let text = fs::read_to_string(root.join(file)).unwrap();
        for (marker, end) in [
            ("__MSG_", "__"),
            ("getMessage(\"", "\""),
            ("data-i18n=\"", "\""),
        ] {
            for piece in text.split(marker).skip(1) {
                let key = piece.split(end).next().unwrap();
                assert!(en.contains_key(key), "{file} uses missing message {key}");
            }
        }
    }
}

/// The languages issue 4 promises, in `_locales` folder names.
const PROMISED: [&str; 8] = ["en", "es", "fr", "de", "pt_BR", "ru", "pl", "ko"];

#[test]
fn the_eight_promised_languages_are_there_and_translated() {
    let en = load("en");
    assert_eq!(
        locales().into_iter().collect::<BTreeSet<_>>(),
        PROMISED.iter().map(|l| l.to_string()).collect(),
        "every promised locale, and no half-done one"
    );
    for locale in PROMISED.iter().filter(|l| **l != "en") {
        let messages = load(locale);
        let same: Vec<&String> = messages
            .iter()
            .filter(|(key, entry)| entry["message"] == en[key.as_str()]["message"])
            .map(|(key, _)| key)
            .collect();
        // Names and words that read the same in some languages ("Total", "Status", "JSON").
        assert!(
            same.len() * 20 < messages.len(),
            "{locale}: {} messages are still English: {same:?}",
            same.len()
        );
    }
}

#[test]
fn substitutions_keep_their_order_in_every_locale() {
    let en = load("en");
    for locale in locales() {
        for (key, entry) in &load(&locale) {
            assert_eq!(
                entry.get("placeholders"),
                en[key].get("placeholders"),
                "{locale}/{key}: $1, $2… must mean what they mean in English"
            );
        }
    }
}
