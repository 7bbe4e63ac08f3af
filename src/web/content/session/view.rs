//! Drawing the session: the panel, the launcher or nothing, from the core's view of it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::assistant::Presence;
use crate::core::page::PageKind;
use crate::core::parse::parse_order_list_range;
use crate::core::readiness::Readiness;

use crate::web::content::overlay::Overlay;
use crate::web::dom::{document_url, WebNode};
use crate::web::error::WebError;
use crate::web::i18n::ChromeI18n;

use super::state::{local_date, today, State};

/// The verdict reads this many cards of the list in view (the newest, where unfinished orders
/// are); the saved backup has the rest. A 10,000-card list read whole would stall the page.
const READINESS_CARDS: usize = 100;

/// Readiness to close, from the saved backup and the orders on the page in view.
pub(super) fn readiness(state: &State) -> Readiness {
    let mut on_page = Vec::new();
    if state.session.page.kind == PageKind::OrderList {
        let url = document_url(&state.doc);
        if let Some(root) = state.doc.document_element() {
            on_page = parse_order_list_range(&WebNode(root), &url, 0, READINESS_CARDS)
                .orders
                .into_iter()
                .map(|listed| listed.order)
                .collect();
        }
    }
    state.session.readiness(on_page, &today())
}

/// Shows the panel, the launcher or nothing; `focus` names what should get keyboard focus.
pub(super) fn render(state: &Rc<RefCell<State>>, focus: Option<&str>) -> Result<(), WebError> {
    let mut guard = state.borrow_mut();
    let view = {
        let session = &guard.session;
        let request_date = session
            .progress
            .request
            .as_ref()
            .map(|r| local_date(r.at_ms));
        let mut view = session.panel_view(readiness(&guard), js_sys::Date::now(), request_date);
        if session.page.kind == PageKind::AddressBook {
            let (found, read_by) = crate::web::content::addresses::on_page(&guard.doc);
            view.addresses = view.addresses.with_page(&found, read_by);
        }
        if session.page.kind == PageKind::Feedback {
            let (found, read_by) = crate::web::content::reviews::on_page(&guard.doc);
            view.reviews = view
                .reviews
                .with_page(&found, read_by, guard.reviews_reading);
        }
        view
    };
    // What the panel says the page shows, so a page that fills in later redraws it.
    guard.records_shown = view.addresses.on_page.or(view.reviews.on_page);
    let shown = guard.session.presence();
    if shown != Presence::Panel {
        // The ring belongs to the open panel.
        guard.pointer = None;
    }
    let State {
        doc,
        overlay,
        dispatch,
        ..
    } = &mut *guard;
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
        Presence::Panel => layer.show_panel(doc, &ChromeI18n, &view, dispatch.clone())?,
        _ => layer.show_launcher(doc, &ChromeI18n, dispatch.clone())?,
    }
    if let Some(selector) = focus {
        layer.focus(selector);
    }
    Ok(())
}
