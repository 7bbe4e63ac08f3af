//! Carrying out a backup run from a page: the run itself is `backup_run`; this feeds its
//! progress and its pointing to the panel, and its end to the core.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::assistant::Presence;
use crate::core::backup::Backup;
use crate::core::backup_view::Progress;
use crate::core::run_end::RunKind;
use crate::core::session::RunOutcome;

use crate::web::content::backup_run::{self, UsedControl};
use crate::web::content::pointer::Pointer;
use crate::web::error::log_failure;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::saved;

use super::guide::place_pointer;
use super::state::{warn, State};
use super::view::render;

/// Runs the backup the core has started (`Effect::StartRun`) to its end.
pub(super) async fn run_backup(state: &Rc<RefCell<State>>, kind: RunKind) {
    let stop = Rc::new(Cell::new(false));
    let doc = {
        let mut guard = state.borrow_mut();
        guard.run_stop = Some(stop.clone());
        guard.doc.clone()
    };
    let weak = Rc::downgrade(state);
    let on_progress = move |_: &Backup, progress: Progress| {
        let Some(state) = weak.upgrade() else { return };
        let mut guard = state.borrow_mut();
        guard.session.run_progressed(progress);
        if let Some(overlay) = &guard.overlay {
            overlay.update_progress(&ChromeI18n, &progress);
        }
    };
    let weak = Rc::downgrade(state);
    let on_control = move |control: Option<UsedControl>| {
        if let Some(state) = weak.upgrade() {
            point_at_control(&mut state.borrow_mut(), control);
        }
    };
    let me = crate::web::run_lease::this_tab().await;
    let result = backup_run::run(doc, &me, kind, stop, on_progress, on_control).await;
    let outcome = match result {
        Ok((backup, ending)) => RunOutcome::Ended(backup, ending),
        Err(error) => {
            warn(&format!("backup failed: {error}"));
            let site = state.borrow().session.site.clone();
            RunOutcome::Failed {
                error: error.to_string(),
                saved: saved::load_head(&site).await.ok(),
            }
        }
    };
    {
        let mut guard = state.borrow_mut();
        guard.run_stop = None;
        guard.session.run_ended(outcome);
    }
    log_failure(render(state, Some(".result")));
}

/// Rings the list's own control that the run waits on (its "Next" or "View more"), while the
/// panel is open; `None` takes the ring away.
fn point_at_control(state: &mut State, control: Option<UsedControl>) {
    let Some(UsedControl {
        id,
        callout,
        element: target,
    }) = control
    else {
        state.pointer = None;
        return;
    };
    if state
        .pointer
        .as_ref()
        .is_some_and(|p| p.points_at(id, &target))
    {
        return;
    }
    state.pointer = None;
    let open = state.session.presence() == Presence::Panel;
    state.pointer = match &state.overlay {
        Some(overlay) if open => {
            let callout = ChromeI18n.text(callout, &[]);
            Pointer::new(overlay.pointer_layer(), id, target, &callout, None).ok()
        }
        _ => None,
    };
    place_pointer(state);
}
