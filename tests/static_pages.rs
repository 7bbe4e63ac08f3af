//! The extension pages' static markup agrees with the code that fills it: the values the
//! letter page's template offers are the ones `core::letter` reads, and every element the
//! Rust looks up by id is in the template.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use exit_assistant::core::letter::Region;
use scraper::{Html, Selector};

fn template(file: &str, id: &str) -> Html {
    let page =
        fs::read_to_string(format!("{}/extension/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let html = Html::parse_document(&page);
    let selector = Selector::parse(&format!("template#{id}")).unwrap();
    let template = html.select(&selector).next().expect("the template");
    Html::parse_fragment(&template.inner_html())
}

fn values(html: &Html, selector: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.value().attr("value").unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_letter_pages_template_offers_what_core_letter_reads() {
    let page = template("letter.html", "letter-page");
    let regions: Vec<String> = Region::ALL.iter().map(|r| r.name().to_owned()).collect();
    assert_eq!(values(&page, "#region option"), regions);
    assert!(values(&page, "#region option")
        .iter()
        .all(|v| Region::from_name(v).is_some()));
    assert_eq!(
        values(&page, "input[name=kind]"),
        ["erasure", "access"],
        "letter_page::current reads these two"
    );
    for id in [
        "letter-form",
        "region",
        "email",
        "name",
        "to",
        "preview",
        "error",
        "copy",
        "download",
        "mail",
        "status",
    ] {
        let selector = Selector::parse(&format!("#{id}")).unwrap();
        assert_eq!(page.select(&selector).count(), 1, "#{id}");
    }
    let named = Selector::parse("[data-i18n]").unwrap();
    assert!(
        page.select(&named).all(|e| e.children().next().is_none()),
        "a localised element is empty: its text comes from _locales"
    );
}

#[test]
fn the_backup_pages_templates_hold_every_part_backup_page_rs_fills() {
    let page = template("backup.html", "backups-page");
    for selector in [
        "h1",
        "p.empty",
        "section.import",
        "section.import #import-file",
        "section.import .import-status",
    ] {
        let found = Selector::parse(selector).unwrap();
        assert_eq!(page.select(&found).count(), 1, "{selector}");
    }
    let entry = template("backup.html", "backup-entry");
    for selector in [
        "section.backup",
        "section.backup > h2",
        ".counts",
        ".when",
        ".refreshed",
        ".complete",
        ".gaps ul",
        "button.show",
        "button.delete",
        ".confirm[hidden] .question",
        ".confirm button.yes",
        ".confirm button.no",
        ".orders[hidden]",
    ] {
        let found = Selector::parse(selector).unwrap();
        assert_eq!(entry.select(&found).count(), 1, "{selector}");
    }
}
