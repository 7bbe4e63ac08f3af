//! The guide against the closing pages' fixtures, in every fixture language: at each stage of
//! each page, the assistant points at the control the user needs next, and the money pages
//! read as they should.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;

use exit_assistant::core::guide::current_step;
use exit_assistant::core::money_left::{read_asset, Asset, Holding};
use exit_assistant::core::page::PageKind;
use scraper::{Html, Selector};
use support::Node;

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site");

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("{SITE}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The step the guide picks on `html`, by name, and the text or tag of its control.
fn pointed(page: PageKind, html: &str) -> Option<(&'static str, String)> {
    let doc = Html::parse_document(html);
    let root = Node(doc.root_element());
    current_step(page, &root).map(|p| {
        let Some(element) = p.element else {
            return (p.step.id.name(), "(two alike: no ring)".to_owned());
        };
        let el = element.0;
        let label = el.text().collect::<String>().trim().to_owned();
        (
            p.step.id.name(),
            if label.is_empty() {
                el.value().name().to_owned()
            } else {
                label
            },
        )
    })
}

/// Each `data-stage` section of a fixture page on its own, with the step it expects.
fn stages(html: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse("[data-stage][data-expect]").unwrap();
    doc.select(&selector)
        .map(|s| {
            (
                s.html().replace(" hidden>", ">"),
                s.value().attr("data-expect").unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_privacy_centre_request_is_walked_in_three_languages() {
    for (file, final_text) in [
        ("privacy-centre.html", "Delete account"),
        ("privacy-centre-de.html", "Konto löschen"),
        ("privacy-centre-es.html", "Eliminar cuenta"),
    ] {
        let stages = stages(&fixture(file));
        assert_eq!(stages.len(), 4, "{file}");
        for (html, expect) in &stages {
            let step = pointed(PageKind::DeleteAccount, html).map(|(s, _)| s);
            assert_eq!(step, Some(expect.as_str()), "{file}");
        }
        // As the user fills each stage in, the guide moves on within it.
        let agree = stages[1]
            .0
            .replace("autocomplete=\"off\"", "value=\"agree\"");
        assert_eq!(
            pointed(PageKind::DeleteAccount, &agree).map(|(s, _)| s),
            Some("confirm_agree"),
            "{file}"
        );
        let wrong = stages[1].0.replace("autocomplete=\"off\"", "value=\"yes\"");
        assert_eq!(
            pointed(PageKind::DeleteAccount, &wrong).map(|(s, _)| s),
            Some("type_agree"),
            "{file}: only the asked-for word counts"
        );
        let coded = stages[2]
            .0
            .replace("autocomplete=\"one-time-code\"", "value=\"482913\"");
        assert_eq!(
            pointed(PageKind::DeleteAccount, &coded).map(|(s, _)| s),
            Some("verify"),
            "{file}"
        );
        let ticked = stages[3]
            .0
            .replace("type=\"checkbox\"", "type=\"checkbox\" checked");
        assert_eq!(
            pointed(PageKind::DeleteAccount, &ticked),
            Some(("final_delete", final_text.to_owned())),
            "{file}"
        );
    }
}

#[test]
fn the_older_deactivate_form_is_walked_in_three_languages() {
    for (file, phrase, button) in [
        (
            "deactivate.html",
            "Deactivate my account",
            "Deactivate My Account",
        ),
        (
            "deactivate-de.html",
            "Mein Konto deaktivieren",
            "Mein Konto deaktivieren",
        ),
        (
            "deactivate-es.html",
            "Desactivar mi cuenta",
            "Desactivar mi cuenta",
        ),
    ] {
        let html = fixture(file);
        let step = |html: &str| pointed(PageKind::DeactivateAccount, html).map(|(s, _)| s);
        assert_eq!(step(&html), Some("deactivate_email"), "{file}");
        let html = html.replace(
            "type=\"email\"",
            "type=\"email\" value=\"jane@example.com\"",
        );
        assert_eq!(step(&html), Some("deactivate_phrase"), "{file}");
        let typo = html.replace(
            "name=\"phrase\" type=\"text\"",
            "name=\"phrase\" type=\"text\" value=\"deactivate\"",
        );
        assert_eq!(
            step(&typo),
            Some("deactivate_phrase"),
            "{file}: a typo isn't done"
        );
        let html = html.replace(
            "name=\"phrase\" type=\"text\"",
            &format!("name=\"phrase\" type=\"text\" value=\"{phrase}\""),
        );
        assert_eq!(step(&html), Some("deactivate_reason"), "{file}");
        let html = html.replacen("<option>", "<option selected>", 1);
        assert_eq!(
            pointed(PageKind::DeactivateAccount, &html),
            Some(("final_deactivate", button.to_owned())),
            "{file}"
        );
    }
}

#[test]
fn account_pages_lead_to_deactivate_account() {
    for (suffix, texts) in [
        ("", ["Settings", "Edit profile", "Deactivate Account"]),
        (
            "-de",
            ["Einstellungen", "Profil bearbeiten", "Konto deaktivieren"],
        ),
    ] {
        let expected = ["open_settings", "edit_profile", "deactivate_link"];
        for (i, page) in ["account", "settings", "profile"].into_iter().enumerate() {
            let file = format!("{page}{suffix}.html");
            assert_eq!(
                pointed(PageKind::AccountSettings, &fixture(&file)),
                Some((expected[i], texts[i].to_owned())),
                "{file}"
            );
        }
    }
}

#[test]
fn pages_without_the_controls_point_at_nothing() {
    // The order list's header has a Settings link of its own, so it isn't tried as an account
    // page.
    let cases = [
        ("order-list.html", PageKind::DeleteAccount),
        ("order-list.html", PageKind::DeactivateAccount),
        ("wallet.html", PageKind::AccountSettings),
        ("wallet.html", PageKind::DeleteAccount),
        ("home.html", PageKind::AccountSettings),
        ("home.html", PageKind::DeactivateAccount),
    ];
    for (file, page) in cases {
        assert_eq!(pointed(page, &fixture(file)), None, "{file} as {page:?}");
    }
}

#[test]
fn money_pages_read_zero_non_zero_and_unknown() {
    let cases = [
        (
            "coins.html",
            PageKind::Coins,
            Holding::NonZero {
                shown: "729".into(),
            },
        ),
        ("coins-zero.html", PageKind::Coins, Holding::Zero),
        (
            "coupons.html",
            PageKind::Coupons,
            Holding::NonZero { shown: "2".into() },
        ),
        ("coupons-zero.html", PageKind::Coupons, Holding::Zero),
        ("wallet.html", PageKind::Wallet, Holding::Zero),
        (
            "wallet-balance.html",
            PageKind::Wallet,
            Holding::NonZero {
                shown: "Balance US $12.50".into(),
            },
        ),
        ("wallet-unknown.html", PageKind::Wallet, Holding::Unreadable),
    ];
    for (file, page, want) in cases {
        let doc = Html::parse_document(&fixture(file));
        let (asset, rule) = Asset::on_page(page).unwrap();
        assert_eq!(read_asset(rule, &Node(doc.root_element())), want, "{file}");
        assert_eq!(Some(asset), Asset::on_page(page).map(|(a, _)| a));
    }
    assert!(Asset::on_page(PageKind::OrderList).is_none());
}

/// A fixture with the page's other stages taken out: the menus and the stage at hand stay.
fn only_stage(html: &str, stage: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<section data-stage=\"") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</section>").unwrap() + start + "</section>".len();
        let section = &rest[start..end];
        if section.starts_with(&format!("<section data-stage=\"{stage}\"")) {
            out.push_str(&section.replacen(" hidden>", ">", 1));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Pages shaped unlike the others: side menus and top bars whose links read like a step's
/// control ("Delete Account", "Deactivate My Account", "Settings"), a Cancel beside each
/// button, labels in nested spans. On every step of every route the guide rings the page's
/// own control for the stage at hand, never a menu's link, and names no last step early.
#[test]
fn crowded_pages_ring_the_main_control_of_the_stage_at_hand() {
    let html = fixture("privacy-centre-crowded.html");
    let cases = [
        ("start", "open_delete", "Delete my account"),
        ("agree", "type_agree", "input"),
        ("code", "get_code", "Get code"),
        ("final", "tick_confirm", "input"),
        ("twice", "final_delete", "(two alike: no ring)"),
    ];
    for (stage, step, control) in cases {
        let page = only_stage(&html, stage);
        assert_eq!(
            pointed(PageKind::DeleteAccount, &page),
            Some((step, control.to_owned())),
            "stage {stage}"
        );
    }
    // With no stage shown, the menu's "Delete Account" link alone is not the last step.
    let menus_only = only_stage(&html, "none");
    assert_eq!(pointed(PageKind::DeleteAccount, &menus_only), None);
    // The stages filled in, as the user goes.
    let agreed = only_stage(&html, "agree").replace("autocomplete=\"off\"", "value=\"agree\"");
    assert_eq!(
        pointed(PageKind::DeleteAccount, &agreed),
        Some(("confirm_agree", "Delete".to_owned()))
    );
    let coded =
        only_stage(&html, "code").replace("autocomplete=\"one-time-code\"", "value=\"482913\"");
    assert_eq!(
        pointed(PageKind::DeleteAccount, &coded),
        Some(("verify", "Verify".to_owned()))
    );
    let ticked =
        only_stage(&html, "final").replace("type=\"checkbox\"", "type=\"checkbox\" checked");
    assert_eq!(
        pointed(PageKind::DeleteAccount, &ticked),
        Some(("final_delete", "Delete account".to_owned()))
    );

    // The older deactivate page: the menu's "Deactivate My Account" link is never the button.
    let html = fixture("deactivate-crowded.html");
    let step = |html: &str| pointed(PageKind::DeactivateAccount, html);
    assert_eq!(step(&html).map(|(s, _)| s), Some("deactivate_email"));
    let filled = html
        .replace(
            "type=\"email\"",
            "type=\"email\" value=\"jane@example.com\"",
        )
        .replace(
            "name=\"phrase\" type=\"text\"",
            "name=\"phrase\" type=\"text\" value=\"Deactivate my account\"",
        )
        .replacen("<option>", "<option selected>", 1);
    assert_eq!(
        step(&filled),
        Some(("final_deactivate", "Deactivate My Account".to_owned()))
    );

    // Account pages: Settings and Deactivate Account in menus too, leading to one place.
    assert_eq!(
        pointed(PageKind::AccountSettings, &fixture("account-crowded.html")),
        Some(("open_settings", "Settings".to_owned()))
    );
    assert_eq!(
        pointed(PageKind::AccountSettings, &fixture("profile-crowded.html")),
        Some(("deactivate_link", "Deactivate Account".to_owned()))
    );
}
