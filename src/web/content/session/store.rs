//! The session's share of storage: the closing progress it reads and changes, and the lease
//! that says whether another tab's run holds this site's backup.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;

use crate::core::closing_progress::ClosingProgress;
use crate::core::lease::Lease;
use crate::core::session::ProgressChange;
use crate::web::error::log_failure;
use crate::web::ext_api;
use crate::web::run_lease::free_own_stale;

use super::state::{warn, State};
use super::view::render;

/// Looks whether another tab's run holds this site's backup (`core::lease`), and, while one
/// does, looks again when its lease would lapse. Returns whether the panel changes.
pub(super) async fn check_lease(state: &Rc<RefCell<State>>) -> bool {
    let (site, running) = {
        let guard = state.borrow();
        (guard.session.site.clone(), guard.session.run.is_some())
    };
    if running {
        let mut guard = state.borrow_mut();
        guard.lease_timer = None;
        return guard.session.lease_seen(false);
    }
    let check = next_lease_check(state);
    let lease = read_lease(&site).await;
    lease_found(state, check, lease)
}

/// Another tab's run lease on `site`'s backup, if one holds it (this tab's own stale lease is
/// given back). A read that fails counts as none, with a warning, as the other reads do: the
/// run itself still takes the lease before it writes (`web::run_lease`).
pub(super) async fn read_lease(site: &str) -> Option<Lease> {
    free_own_stale(site).await.unwrap_or_else(|error| {
        warn(&format!("run lease unreadable: {error}"));
        None
    })
}

/// Numbers a lease check. Checks overlap (a heartbeat's change, then the lease given back):
/// only the latest one's answer counts, or an older "held" could outlive the lease.
pub(super) fn next_lease_check(state: &Rc<RefCell<State>>) -> u32 {
    let mut guard = state.borrow_mut();
    guard.lease_checks += 1;
    guard.lease_checks
}

/// Takes lease check `check`'s answer, `lease` (another tab's run holds the site's backup,
/// or none does): while one does, looks again when it would lapse. Returns whether the panel
/// changes.
pub(super) fn lease_found(state: &Rc<RefCell<State>>, check: u32, lease: Option<Lease>) -> bool {
    let now = js_sys::Date::now();
    let mut guard = state.borrow_mut();
    if guard.lease_checks != check {
        return false;
    }
    guard.lease_timer = lease.as_ref().map(|lease| {
        let weak = Rc::downgrade(state);
        Timeout::new(lease.look_again_in_ms(now), move || {
            let Some(state) = weak.upgrade() else { return };
            spawn_local(async move {
                check_lease(&state).await;
                log_failure(render(&state, None));
            });
        })
    });
    guard.session.lease_seen(lease.is_some())
}

/// Reads the shared closing progress; a damaged record reads as none, with a warning.
pub(super) async fn load_progress() -> ClosingProgress {
    ext_api::storage_get::<ClosingProgress>(ClosingProgress::STORAGE_KEY)
        .await
        .unwrap_or_else(|error| {
            warn(&format!("closing progress unreadable: {error}"));
            None
        })
        .unwrap_or_default()
}

/// Changes the shared progress: reads the newest from storage (another tab may have written
/// since), applies `change`, and writes it back if it changed. Then re-renders.
pub(super) async fn change_progress(state: &Rc<RefCell<State>>, change: ProgressChange) {
    let mut progress = load_progress().await;
    if change.apply(&mut progress) {
        if let Err(error) = ext_api::storage_set(ClosingProgress::STORAGE_KEY, &progress).await {
            warn(&format!("could not save closing progress: {error}"));
        }
    }
    state.borrow_mut().session.progress_read(progress);
    log_failure(render(state, None));
}
