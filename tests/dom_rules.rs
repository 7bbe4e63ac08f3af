//! DOM rules against the fixture pages beside them: each rule recognises its own fixture and
//! none of the others, and every selector of every rule table compiles.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use exit_assistant::core::page::{recognise, PageKind};
use exit_assistant::core::page_rules::DOM_RULES;
use exit_assistant::core::selectors::every_selector;
use scraper::{Html, Selector};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dom-rules");
/// A URL that no URL rule names, so recognition has to look at the page.
const UNNAMED_URL: &str = "https://www.aliexpress.com/p/some-future-page/index.html";

fn shows(doc: &Html) -> impl Fn(&str) -> bool + '_ {
    |selector| {
        doc.select(&Selector::parse(selector).unwrap())
            .next()
            .is_some()
    }
}

/// Every selector of every rule table (page, list, detail, controls, structure, guide,
/// money pages) parses. `tests/web.rs` asks both browsers the same.
#[test]
fn every_selector_of_every_rule_table_parses() {
    let all = every_selector();
    let dom_rule_selectors: usize = DOM_RULES.iter().map(|r| r.selectors.len()).sum();
    assert!(
        all.len() > dom_rule_selectors + 50,
        "the list reaches past the page rules: {} selectors",
        all.len()
    );
    for (place, selector) in all {
        Selector::parse(selector).unwrap_or_else(|e| panic!("{place}: {selector}: {e:?}"));
    }
}

#[test]
fn each_fixture_is_recognised_as_its_rule_and_only_that() {
    for rule in DOM_RULES {
        let html = fs::read_to_string(format!("{DIR}/{}", rule.fixture)).unwrap();
        let doc = Html::parse_document(&html);
        assert_eq!(
            recognise(UNNAMED_URL, shows(&doc)).kind,
            rule.kind,
            "{}",
            rule.fixture
        );
        for other in DOM_RULES.iter().filter(|o| o.kind != rule.kind) {
            let matched = other.selectors.iter().any(|s| shows(&doc)(s));
            assert!(
                !matched,
                "{} also matches the {:?} rule",
                rule.fixture, other.kind
            );
        }
    }
}

#[test]
fn a_page_with_none_of_the_markers_stays_other() {
    let doc = Html::parse_document(
        "<html><body><h1>Welcome</h1><form><input name=q></form></body></html>",
    );
    assert_eq!(
        recognise(UNNAMED_URL, shows(&doc)).kind,
        PageKind::OtherAliExpress
    );
}

#[test]
fn the_url_wins_over_the_page() {
    let html = fs::read_to_string(format!("{DIR}/login-elsewhere.html")).unwrap();
    let doc = Html::parse_document(&html);
    let page = recognise("https://www.aliexpress.com/p/order/index.html", shows(&doc));
    assert_eq!(page.kind, PageKind::OrderList);
}
