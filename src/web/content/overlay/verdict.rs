//! The verdict, always at the top of the panel.

use web_sys::Element;

use crate::core::money_left::Holding;
use crate::core::parse::is_web_url;
use crate::core::readiness::{Readiness, Verdict};
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{child, text_child};

/// Pending orders listed by name in the verdict; more are counted.
const VERDICT_LISTED: usize = 8;

/// The verdict, always at the top of the panel: what blocks closing, what to know, or ready.
pub(super) fn verdict(
    panel: &Element,
    t: &dyn Translate,
    readiness: &Readiness,
) -> Result<(), WebError> {
    let verdict = readiness.verdict();
    let (state, title) = match verdict {
        Verdict::Blocked => ("blocked", Text::VerdictBlocked),
        Verdict::Warnings => ("warnings", Text::VerdictWarnings),
        Verdict::Ready => ("ready", Text::VerdictReady),
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
    text_child(&box_, "p", "title", &t.text(title, &[]))?;
    if verdict == Verdict::Ready {
        return Ok(());
    }
    let list = child(&box_, "ul", &[], None)?;
    pending_orders(&list, t, readiness)?;
    money_held(&list, t, readiness)?;
    warnings(&list, t, readiness)
}

/// The unfinished orders and open cases, the first few by name, each linked to its page.
fn pending_orders(
    list: &Element,
    t: &dyn Translate,
    readiness: &Readiness,
) -> Result<(), WebError> {
    let pending = &readiness.pending;
    if pending.is_empty() {
        return Ok(());
    }
    let count = pending.len().to_string();
    let item = text_child(
        list,
        "li",
        "pending",
        &t.text(Text::VerdictPending, &[&count]),
    )?;
    let orders = child(&item, "ul", &[], None)?;
    for order in pending.iter().take(VERDICT_LISTED) {
        let label = match &order.open_case {
            Some(note) => format!(
                "{} – {} – {}: {note}",
                order.id,
                order.status,
                t.text(Text::VerdictOpenCase, &[])
            ),
            None => format!("{} – {}", order.id, order.status),
        };
        let li = child(&orders, "li", &[], None)?;
        if is_web_url(&order.detail_url) {
            link(&li, &order.detail_url, &label)?;
        } else {
            li.set_text_content(Some(&label));
        }
    }
    if pending.len() > VERDICT_LISTED {
        let more = (pending.len() - VERDICT_LISTED).to_string();
        text_child(&orders, "li", "", &t.text(Text::VerdictMore, &[&more]))?;
    }
    Ok(())
}

/// Money still held, each linked to its page.
fn money_held(list: &Element, t: &dyn Translate, readiness: &Readiness) -> Result<(), WebError> {
    for held in readiness.money.iter().filter(|m| m.is_held()) {
        let name = t.text(held.asset.label(), &[]);
        let line = match &held.holding {
            Some(Holding::NonZero { shown }) if !shown.is_empty() => {
                t.text(Text::VerdictMoney, &[&name, shown])
            }
            _ => t.text(Text::MoneyHeldByUser, &[&name]),
        };
        let li = child(
            list,
            "li",
            &[("class", "money-left"), ("data-asset", held.asset.name())],
            None,
        )?;
        link(&li, held.asset.page_url(), &line)?;
    }
    Ok(())
}

/// What to know before closing: money not checked, no complete backup, orders still inside
/// the dispute window.
fn warnings(list: &Element, t: &dyn Translate, readiness: &Readiness) -> Result<(), WebError> {
    let unknown: Vec<String> = readiness
        .money
        .iter()
        .filter(|m| m.is_unknown())
        .map(|m| t.text(m.asset.label(), &[]))
        .collect();
    if !unknown.is_empty() {
        let names = unknown.join(", ");
        text_child(
            list,
            "li",
            "unchecked",
            &t.text(Text::VerdictUnchecked, &[&names]),
        )?;
    }
    if !readiness.backup_complete {
        text_child(list, "li", "no-backup", &t.text(Text::VerdictNoBackup, &[]))?;
    }
    if !readiness.under_protection.is_empty() {
        let count = readiness.under_protection.len().to_string();
        text_child(
            list,
            "li",
            "protected",
            &t.text(Text::VerdictProtected, &[&count]),
        )?;
    }
    Ok(())
}

/// A link to an AliExpress page, which opens without telling it where it came from.
fn link(parent: &Element, href: &str, label: &str) -> Result<(), WebError> {
    child(
        parent,
        "a",
        &[("href", href), ("rel", "noopener noreferrer")],
        Some(label),
    )
    .map(drop)
}
