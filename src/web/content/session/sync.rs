//! The session's share of storage: its site's backup and the closing progress, kept in step
//! when another tab (or this one) writes them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;

use wasm_bindgen_futures::spawn_local;

use crate::core::closing_progress::ClosingProgress;
use crate::core::storage_news::StorageNews;
use crate::web::run_lease::free_own_stale;

use crate::web::error::log_failure;
use crate::web::ext_api;
use crate::web::saved;

use super::guide::recheck_page;
use super::view::render;
use super::{warn, State};

/// Looks whether another tab's run holds this site's backup (`core::lease`), and, while one
/// does, looks again when its lease would lapse.
pub(super) async fn check_lease(state: &Rc<RefCell<State>>) {
    let (site, running) = {
        let guard = state.borrow();
        (guard.site.clone(), guard.run.is_some())
    };
    // This tab's own run is no other tab's.
    if running {
        state.borrow_mut().elsewhere = None;
        return;
    }
    // Checks overlap (a heartbeat's change, then the lease given back): only the latest one's
    // answer counts, or an older "held" could outlive the lease.
    let check = {
        let mut guard = state.borrow_mut();
        guard.lease_checks += 1;
        guard.lease_checks
    };
    let lease = free_own_stale(&site).await.unwrap_or_default();
    let now = js_sys::Date::now();
    let mut guard = state.borrow_mut();
    if guard.lease_checks != check {
        return;
    }
    guard.elsewhere = lease.map(|lease| {
        let weak = Rc::downgrade(state);
        Timeout::new(lease.look_again_in_ms(now), move || {
            let Some(state) = weak.upgrade() else { return };
            spawn_local(async move {
                check_lease(&state).await;
                log_failure(render(&state, None));
            });
        })
    });
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
pub(super) async fn update_progress(
    state: &Rc<RefCell<State>>,
    change: impl FnOnce(&mut ClosingProgress) -> bool,
) {
    let mut progress = load_progress().await;
    if change(&mut progress) {
        if let Err(error) = ext_api::storage_set(ClosingProgress::STORAGE_KEY, &progress).await {
            warn(&format!("could not save closing progress: {error}"));
        }
    }
    state.borrow_mut().progress = progress;
    log_failure(render(state, None));
}

/// Another tab (or this one) wrote to storage: reload what this page shows.
pub(super) fn stored_elsewhere(weak: &Weak<RefCell<State>>, keys: &[String]) {
    let Some(state) = weak.upgrade() else { return };
    let news = {
        let guard = state.borrow();
        StorageNews::of(keys, &guard.site, guard.run.is_some())
    };
    if !news.any() {
        return;
    }
    spawn_local(async move {
        let mut changed = false;
        if news.lease {
            let before = state.borrow().elsewhere.is_some();
            check_lease(&state).await;
            changed |= state.borrow().elsewhere.is_some() != before;
        }
        if news.progress {
            let progress = load_progress().await;
            let mut guard = state.borrow_mut();
            changed |= guard.progress != progress;
            guard.progress = progress;
        }
        if news.backup {
            let site = state.borrow().site.clone();
            if let Ok(saved) = saved::head_for_page(&site).await {
                let mut guard = state.borrow_mut();
                if guard.run.is_none() {
                    changed |= guard.saved != saved;
                    guard.saved = saved;
                }
            }
        }
        if changed {
            log_failure(render(&state, None));
            recheck_page(&state);
        }
    });
}
