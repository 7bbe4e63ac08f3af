//! The verdict, always at the top of the panel.

use web_sys::Element;

use crate::core::money_left::Holding;
use crate::core::parse::is_web_url;
use crate::core::readiness::{Readiness, Verdict};
use crate::core::text::Text;

use crate::web::dom::child;
use crate::web::error::WebError;
use crate::web::i18n::Translate;

/// Pending orders listed by name in the verdict; more are counted.
const VERDICT_LISTED: usize = 8;

/// The verdict, always at the top of the panel: what blocks closing, what to know, or ready.
pub(super) fn verdict(
    panel: &Element,
    t: &dyn Translate,
    readiness: &Readiness,
) -> Result<(), WebError> {
    let verdict = readiness.verdict();
    let state = match verdict {
        Verdict::Blocked => "blocked",
        Verdict::Warnings => "warnings",
        Verdict::Ready => "ready",
    };
    let box_ = child(
        panel,
        "div",
        &[
            ("class", "verdict"),
            ("data-verdict", state),
            ("role", "status"),
        ],
        None,
    )?;
    let title = match verdict {
        Verdict::Blocked => Text::VerdictBlocked,
        Verdict::Warnings => Text::VerdictWarnings,
        Verdict::Ready => Text::VerdictReady,
    };
    child(&box_, "p", &[("class", "title")], Some(&t.text(title, &[])))?;
    if verdict == Verdict::Ready {
        return Ok(());
    }
    let list = child(&box_, "ul", &[], None)?;
    if !readiness.pending.is_empty() {
        let item = child(
            &list,
            "li",
            &[("class", "pending")],
            Some(&t.text(
                Text::VerdictPending,
                &[&readiness.pending.len().to_string()],
            )),
        )?;
        let orders = child(&item, "ul", &[], None)?;
        for order in readiness.pending.iter().take(VERDICT_LISTED) {
            let li = child(&orders, "li", &[], None)?;
            let label = match &order.open_case {
                Some(note) => format!(
                    "{} – {} – {}: {note}",
                    order.id,
                    order.status,
                    t.text(Text::VerdictOpenCase, &[])
                ),
                None => format!("{} – {}", order.id, order.status),
            };
            if is_web_url(&order.detail_url) {
                child(
                    &li,
                    "a",
                    &[("href", &order.detail_url), ("rel", "noopener noreferrer")],
                    Some(&label),
                )?;
            } else {
                li.set_text_content(Some(&label));
            }
        }
        if readiness.pending.len() > VERDICT_LISTED {
            child(
                &orders,
                "li",
                &[],
                Some(&t.text(
                    Text::VerdictMore,
                    &[&(readiness.pending.len() - VERDICT_LISTED).to_string()],
                )),
            )?;
        }
    }
    for held in readiness.money.iter().filter(|m| m.is_held()) {
        let name = t.text(held.asset.label(), &[]);
        let line = match &held.holding {
            Some(Holding::NonZero { shown }) if !shown.is_empty() => {
                t.text(Text::VerdictMoney, &[&name, shown])
            }
            _ => t.text(Text::MoneyHeldByUser, &[&name]),
        };
        let li = child(
            &list,
            "li",
            &[("class", "money-left"), ("data-asset", held.asset.name())],
            None,
        )?;
        child(
            &li,
            "a",
            &[
                ("href", held.asset.page_url()),
                ("rel", "noopener noreferrer"),
            ],
            Some(&line),
        )?;
    }
    let unknown: Vec<String> = readiness
        .money
        .iter()
        .filter(|m| m.is_unknown())
        .map(|m| t.text(m.asset.label(), &[]))
        .collect();
    if !unknown.is_empty() {
        child(
            &list,
            "li",
            &[("class", "unchecked")],
            Some(&t.text(Text::VerdictUnchecked, &[&unknown.join(", ")])),
        )?;
    }
    if !readiness.backup_complete {
        child(
            &list,
            "li",
            &[("class", "no-backup")],
            Some(&t.text(Text::VerdictNoBackup, &[])),
        )?;
    }
    if !readiness.under_protection.is_empty() {
        child(
            &list,
            "li",
            &[("class", "protected")],
            Some(&t.text(
                Text::VerdictProtected,
                &[&readiness.under_protection.len().to_string()],
            )),
        )?;
    }
    Ok(())
}
