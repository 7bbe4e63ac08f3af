//! Reading the page again once it settles: the money on a money page, and the ring on the
//! control to use next on a closing page.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;

use crate::core::assistant::Presence;
use crate::core::closing_view::{GuideFound, GuideLine};
use crate::core::guide::{current_step, is_step_page};
use crate::core::guide_rules::GuideStep;
use crate::core::money_left::{read_asset, Asset};
use crate::core::order::ReadBy;
use crate::core::page::PageKind;
use crate::core::session::Action;

use crate::web::content::overlay::guide_text;
use crate::web::content::pointer::Pointer;
use crate::web::dom::WebNode;
use crate::web::error::log_failure;
use crate::web::i18n::ChromeI18n;

use super::state::{today, warn, State};
use super::store::change_progress;
use super::view::{readiness, render};

/// How long the page must be still before it is read again, in ms: hydration and the
/// page's own re-renders come in bursts.
const RECHECK_DELAY_MS: u32 = 120;

/// The page changed: read it again once it settles.
pub(super) fn schedule_recheck(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let kind = state.borrow().session.page.kind;
    let lists_records = matches!(kind, PageKind::AddressBook | PageKind::Feedback);
    if !is_step_page(kind) && Asset::on_page(kind).is_none() && !lists_records {
        return;
    }
    let weak = weak.clone();
    let timer = Timeout::new(RECHECK_DELAY_MS, move || {
        if let Some(state) = weak.upgrade() {
            state.borrow_mut().recheck = None;
            recheck_page(&state);
        }
    });
    state.borrow_mut().recheck = Some(timer);
}

/// Reads what the page shows now: the money on a money page, and the step to point at on a
/// closing page.
pub(super) fn recheck_page(state: &Rc<RefCell<State>>) {
    read_money(state);
    count_records(state);
    point(state);
}

/// On the address book or the feedback page, with the panel open: draws the panel again when
/// the page now shows another number of addresses or reviews than the panel says (the list
/// fills in after the page loads, and a reading of the reviews turns its pages).
fn count_records(state: &Rc<RefCell<State>>) {
    let seen = {
        let guard = state.borrow();
        if guard.session.presence() != Presence::Panel {
            return;
        }
        let (found, by_structure) = match guard.session.page.kind {
            PageKind::AddressBook => {
                let (found, read_by) = crate::web::content::addresses::on_page(&guard.doc);
                (found.len(), read_by == ReadBy::Structure)
            }
            PageKind::Feedback => {
                let (found, read_by) = crate::web::content::reviews::on_page(&guard.doc);
                (found.len(), read_by == ReadBy::Structure)
            }
            _ => return,
        };
        (found, by_structure)
    };
    let changed = state.borrow().records_shown != Some(seen);
    state.borrow_mut().records_shown = Some(seen);
    if changed {
        log_failure(render(state, None));
    }
}

fn read_money(state: &Rc<RefCell<State>>) {
    let change = {
        let guard = state.borrow();
        let Some((asset, rule)) = Asset::on_page(guard.session.page.kind) else {
            return;
        };
        let Some(root) = guard.doc.document_element() else {
            return;
        };
        let holding = read_asset(rule, &WebNode(root));
        guard.session.money_read(asset, holding, &today())
    };
    let Some(change) = change else { return };
    let state = state.clone();
    spawn_local(async move { change_progress(&state, change).await });
}

/// Points the ring at the control to use next, and keeps the panel's line in step.
fn point(state: &Rc<RefCell<State>>) {
    let kind = state.borrow().session.page.kind;
    if !is_step_page(kind) {
        let mut guard = state.borrow_mut();
        guard.session.guide = None;
        // A running backup points at the list's own controls; otherwise nothing is ringed.
        if guard.session.run.is_none() {
            guard.pointer = None;
        }
        return;
    }
    let open = state
        .borrow()
        .overlay
        .as_ref()
        .is_some_and(|o| o.pointer_layer().is_connected())
        && state.borrow().session.presence() == Presence::Panel;
    let found = {
        let guard = state.borrow();
        guard
            .doc
            .document_element()
            .and_then(|root| current_step(kind, &WebNode(root)))
    };
    let guide = GuideFound::of(found.as_ref().map(|p| (p.step, p.element.is_some())));
    let guide_changed = state.borrow_mut().session.guide_seen(Some(guide));
    match found.and_then(|f| Some((f.step, f.element?))) {
        Some((step, element)) if open => {
            let same = state
                .borrow()
                .pointer
                .as_ref()
                .is_some_and(|p| p.points_at(step.id.name(), &element.0));
            if !same {
                state.borrow_mut().pointer = None;
                let pointer = new_pointer(state, step, element.0);
                state.borrow_mut().pointer = pointer;
            }
            place_pointer(&state.borrow());
        }
        _ => state.borrow_mut().pointer = None,
    }
    if guide_changed {
        let updated = {
            let guard = state.borrow();
            match (&guard.overlay, guide_line(&guard)) {
                (Some(overlay), Some(line)) => overlay.update_guide(&ChromeI18n, &line),
                _ => false,
            }
        };
        if !updated && open {
            // The panel has no guide section yet (first reading of the page): draw it.
            log_failure(render(state, None));
        }
    }
}

/// Puts the ring where its control is now, and the panel where it doesn't cover it.
pub(super) fn place_pointer(state: &State) {
    if let Some(pointer) = &state.pointer {
        pointer.place();
        if let Some(overlay) = &state.overlay {
            overlay.keep_clear_of(pointer.target());
        }
    }
}

fn guide_line(state: &State) -> Option<GuideLine> {
    state.session.guide_line(&readiness(state))
}

fn new_pointer(
    state: &Rc<RefCell<State>>,
    step: &'static GuideStep,
    target: web_sys::Element,
) -> Option<Pointer> {
    let guard = state.borrow();
    let overlay = guard.overlay.as_ref()?;
    let line = guide_line(&guard)?;
    let text = guide_text(&ChromeI18n, &line);
    let on_click: Option<Box<dyn Fn()>> = step.last.then(|| {
        let dispatch = guard.dispatch.clone();
        Box::new(move || dispatch(Action::RequestMade)) as Box<dyn Fn()>
    });
    match Pointer::new(
        overlay.pointer_layer(),
        step.id.name(),
        target,
        &text,
        on_click,
    ) {
        Ok(pointer) => Some(pointer),
        Err(error) => {
            warn(&format!("could not point: {error}"));
            None
        }
    }
}
