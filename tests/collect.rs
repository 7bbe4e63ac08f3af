//! The collector's reading of the order list's own controls over real-shaped markup: the
//! status tabs (found by place, not label), their counts, the time filter and the pager.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use exit_assistant::core::collect::{observe, MoreButton, StatusTab, TimeFilter};
use scraper::Html;
use support::Node;

/// The list's header as the 2025–2026 pages show it (docs/site-facts.md, "Tabs, counts and
/// the time filter"), with `active` the active tab's place.
fn list(labels: &[&str], active: usize, more: &str) -> Html {
    let tabs: String = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let class = if i == active {
                "comet-tabs-nav-item comet-tabs-nav-item-active"
            } else {
                "comet-tabs-nav-item"
            };
            format!("<div class=\"{class}\">{l}</div>")
        })
        .collect();
    Html::parse_document(&format!(
        "<html><body><div class=\"comet-tabs-nav\">{tabs}</div>\
         <div class=\"order-item\"></div><div class=\"order-item\"></div>\
         <div class=\"order-more\">{more}</div></body></html>"
    ))
}

const REAL: [&str; 6] = [
    "View all",
    "To pay (1)",
    "Processing (2)",
    "Processed (4)",
    "Completed",
    "Deleted orders",
];

#[test]
fn view_all_states_no_count_and_the_status_tabs_count_the_unfinished_orders() {
    let page = list(&REAL, 0, "<button>View orders</button>");
    let root = Node(page.root_element());
    let seen = observe(&root, &root, false);
    assert_eq!(seen.tab, StatusTab::AllOrders);
    assert_eq!(seen.cards, 2);
    assert_eq!(seen.more, MoreButton::Ready);
    assert_eq!(seen.time_filter, TimeFilter::Absent);
    assert_eq!(
        observe(&root, &root, false).stated.all,
        None,
        "\"View all\" shows no count"
    );
    assert_eq!(observe(&root, &root, false).stated.unfinished, Some(7));
    // Labels in another language, and no space before the bracket.
    let german = list(
        &[
            "Alle",
            "Zu bezahlen(3)",
            "In Bearbeitung (0)",
            "Versandt",
            "Fertig",
        ],
        0,
        "",
    );
    assert_eq!(
        observe(
            &Node(german.root_element()),
            &Node(german.root_element()),
            false
        )
        .stated
        .unfinished,
        Some(3)
    );
    // An older layout whose "View all (256)" states the count.
    let old = list(&["View all (256)", "To pay", "Processing"], 0, "");
    assert_eq!(
        observe(&Node(old.root_element()), &Node(old.root_element()), false)
            .stated
            .all,
        Some(256)
    );
    assert_eq!(
        observe(&Node(old.root_element()), &Node(old.root_element()), false)
            .stated
            .unfinished,
        None
    );
}

#[test]
fn another_tab_is_told_apart_by_place_and_its_counts_are_not_taken() {
    let page = list(&REAL, 1, "<button disabled>View orders</button>");
    let root = Node(page.root_element());
    let seen = observe(&root, &root, false);
    assert_eq!(seen.tab, StatusTab::Other);
    assert_eq!(seen.more, MoreButton::Busy);
    assert_eq!(observe(&root, &root, false).stated.unfinished, None);
    let none = Html::parse_document("<html><body><div class=\"order-item\"></div></body></html>");
    let seen = observe(&Node(none.root_element()), &Node(none.root_element()), true);
    assert_eq!(
        (seen.tab, seen.more, seen.signed_out),
        (StatusTab::Absent, MoreButton::Absent, true)
    );
}

/// After a redesign that renames every class: the cards are counted by structure, and "View
/// orders" is found by its role and name.
#[test]
fn a_renamed_list_is_still_observed() {
    let cards = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/histories/de-eur/cards-renamed.html"
    ))
    .unwrap();
    let page = cards.replace(
        "</body>",
        "<div class=\"_q1\"><button class=\"_z9\" type=\"button\"><span>Bestellungen anzeigen</span></button></div></body>",
    );
    let html = Html::parse_document(&page);
    let seen = observe(
        &Node(html.root_element()),
        &Node(html.root_element()),
        false,
    );
    assert_eq!(seen.cards, 14);
    assert_eq!(seen.more, MoreButton::Ready);
    assert!(seen.rendered);
    let busy = Html::parse_document(&page.replace("type=\"button\"", "type=\"button\" disabled"));
    assert_eq!(
        observe(
            &Node(busy.root_element()),
            &Node(busy.root_element()),
            false
        )
        .more,
        MoreButton::Busy
    );
    // A button with another name is not "View orders".
    let other = Html::parse_document(&page.replace("Bestellungen anzeigen", "Hilfe"));
    assert_eq!(
        observe(
            &Node(other.root_element()),
            &Node(other.root_element()),
            false
        )
        .more,
        MoreButton::Absent
    );
}

/// The controls a run presses are found in the core (the browser layer reads no rule table):
/// "View all" by place, the time filter, the old layout's "Next", the captcha, and the first
/// card, by the rule tables or, after a redesign, by structure.
#[test]
fn the_controls_a_run_presses_are_found_in_the_core() {
    use exit_assistant::core::collect::controls;
    use exit_assistant::core::dom::DomNode;
    let page = list(&REAL, 2, "<button>View orders</button>");
    let root = Node(page.root_element());
    assert_eq!(controls::all_orders_tab(&root).unwrap().text(), "View all");
    assert!(controls::first_card(&root)
        .unwrap()
        .attr("class")
        .unwrap()
        .contains("order-item"));
    assert!(controls::time_filter(&root).is_none() && controls::next_page(&root).is_none());
    assert!(!controls::captcha_shown(&root));

    let with_filter = Html::parse_document(
        "<div class=\"order-header\"><select class=\"order-header-time-select\"><option value=\"1y\">Last year</option><option value=\"all\">All</option></select></div>\
         <div id=\"baxia-dialog-content\"></div>\
         <div id=\"simple-pager\"><a class=\"ui-pagination-next\" href=\"?page=2\">Next</a></div>",
    );
    let root = Node(with_filter.root_element());
    assert_eq!(controls::time_filter(&root).unwrap().value(), "1y");
    assert!(controls::captcha_shown(&root));
    assert_eq!(controls::next_page(&root).unwrap().text(), "Next");
    assert_eq!(controls::ALL_TIME, "all");

    let renamed = Html::parse_document(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/histories/de-eur/cards-renamed.html"
        ))
        .unwrap(),
    );
    let first = controls::first_card(&Node(renamed.root_element())).expect("a card by structure");
    let link = first
        .select("a[href*=\"orderId=\"]")
        .unwrap()
        .attr("href")
        .unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/histories/de-eur/expected.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let first_id = expected["orders"][0]["id"].as_str().unwrap();
    assert!(link.ends_with(first_id), "the list's first order: {link}");
}
