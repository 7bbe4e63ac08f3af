//! What the session shows: the panel's view of the backup and readiness, and the render.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::core::assistant::{presence, site_notice, Presence};
use crate::core::backup::Backup;
use crate::core::backup_view::{section_view, BackupView, PanelView};
use crate::core::closing_view::ClosingView;
use crate::core::order::Order;
use crate::core::page::PageKind;
use crate::core::parse::parse_order_list_range;
use crate::core::readiness::{assess, Readiness};

use crate::web::content::overlay::Overlay;
use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::i18n::ChromeI18n;

use super::actions::dispatcher;
use super::{local_date, today, State};
use crate::web::dom::document_url;

/// The verdict reads this many cards of the list in view (the newest, where unfinished orders
/// are); the saved backup has the rest. A 10,000-card list read whole would stall the page.
const READINESS_CARDS: usize = 100;

pub(super) fn backup_view(state: &State) -> BackupView {
    section_view(
        state.page,
        state.saved.as_ref(),
        state.run.as_ref().map(|run| run.progress),
        state.elsewhere.is_some(),
        state.last_run.as_ref(),
    )
}

/// Readiness to close, from the saved backup and the orders on the page in view (the page's
/// reading wins: it is the newest).
pub(super) fn readiness(state: &State) -> Readiness {
    // A saved head brings only the orders the verdict may flag (its watch list).
    let mut orders: BTreeMap<String, Order> = BTreeMap::new();
    if let Some(backup) = &state.saved {
        orders.extend(backup.verdict_orders().map(|o| (o.id.clone(), o.clone())));
    }
    if state.page.kind == PageKind::OrderList {
        let url = document_url(&state.doc);
        if let Some(root) = state.doc.document_element() {
            orders.extend(
                parse_order_list_range(&WebNode(root), &url, 0, READINESS_CARDS)
                    .orders
                    .into_iter()
                    .map(|l| (l.order.id.clone(), l.order)),
            );
        }
    }
    let complete = state.saved.as_ref().is_some_and(Backup::complete);
    let mut readiness = assess(
        &orders.into_values().collect::<Vec<_>>(),
        complete,
        &today(),
    );
    readiness.check_money(&state.progress.assets);
    readiness
}

/// Shows the panel, the launcher or nothing; `focus` names what should get keyboard focus.
pub(super) fn render(state: &Rc<RefCell<State>>, focus: Option<&str>) -> Result<(), WebError> {
    let dispatch = dispatcher(Rc::downgrade(state));
    let mut guard = state.borrow_mut();
    let readiness = readiness(&guard);
    let closing = ClosingView::new(
        guard.page.kind,
        &readiness,
        &guard.progress,
        guard.guide,
        js_sys::Date::now(),
        guard.progress.request.as_ref().map(|r| local_date(r.at_ms)),
    );
    let view = PanelView {
        page: guard.page,
        notice: site_notice(guard.page),
        backup: backup_view(&guard),
        readiness,
        closing,
    };
    let shown = presence(
        guard.page,
        guard.prefs.panel_dismissed,
        guard.choice_on_page,
    );
    if shown != Presence::Panel {
        // The ring belongs to the open panel.
        guard.pointer = None;
    }
    let State { doc, overlay, .. } = &mut *guard;
    if shown == Presence::Hidden {
        *overlay = None;
        return Ok(());
    }
    if overlay.is_none() {
        *overlay = Some(Overlay::mount(doc)?);
    }
    let Some(layer) = overlay.as_mut() else {
        return Ok(());
    };
    match shown {
        Presence::Panel => layer.show_panel(doc, &ChromeI18n, &view, dispatch)?,
        _ => layer.show_launcher(doc, &ChromeI18n, dispatch)?,
    }
    if let Some(selector) = focus {
        layer.focus(selector);
    }
    Ok(())
}
