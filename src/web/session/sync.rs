//! The session's share of storage: the other hosts' backups and the closing progress, kept
//! in step when another tab (or this one) writes them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen_futures::spawn_local;

use crate::core::backup::Backup;
use crate::core::backup::{storage_key, STORAGE_PREFIX};
use crate::core::closure::ClosureProgress;

use crate::web::error::log_failure;
use crate::web::ext_api;
use crate::web::saved;

use super::guide::recheck_page;
use super::view::render;
use super::{warn, State};

/// Every other host's saved backup's head.
pub(super) async fn load_others(host: &str) -> Vec<Backup> {
    let mut all = saved::load_heads().await.unwrap_or_else(|error| {
        warn(&format!("saved backups unreadable: {error}"));
        Vec::new()
    });
    all.retain(|b| b.site != host);
    all
}

/// Reads the shared closing progress; a damaged record reads as none, with a warning.
pub(super) async fn load_progress() -> ClosureProgress {
    ext_api::storage_get::<ClosureProgress>(ClosureProgress::STORAGE_KEY)
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
    change: impl FnOnce(&mut ClosureProgress) -> bool,
) {
    let mut progress = load_progress().await;
    if change(&mut progress) {
        if let Err(error) = ext_api::storage_set(ClosureProgress::STORAGE_KEY, &progress).await {
            warn(&format!("could not save closing progress: {error}"));
        }
    }
    state.borrow_mut().progress = progress;
    log_failure(render(state, None));
}

/// Another tab (or this one) wrote to storage: reload what this page shows.
pub(super) fn stored_elsewhere(weak: &Weak<RefCell<State>>, keys: &[String]) {
    let Some(state) = weak.upgrade() else { return };
    let (backup_key, running) = {
        let guard = state.borrow();
        (storage_key(&guard.host), guard.run.is_some())
    };
    let progress_changed = keys.iter().any(|k| k == ClosureProgress::STORAGE_KEY);
    // A run in this tab keeps its own copy of the backup up to date.
    let backup_changed = !running && keys.contains(&backup_key);
    let others_changed = keys
        .iter()
        .any(|k| k.starts_with(STORAGE_PREFIX) && *k != backup_key);
    if !progress_changed && !backup_changed && !others_changed {
        return;
    }
    spawn_local(async move {
        let mut changed = false;
        if progress_changed {
            let progress = load_progress().await;
            let mut guard = state.borrow_mut();
            changed |= guard.progress != progress;
            guard.progress = progress;
        }
        if others_changed {
            let host = state.borrow().host.clone();
            let others = load_others(&host).await;
            let mut guard = state.borrow_mut();
            changed |= guard.others != others;
            guard.others = others;
        }
        if backup_changed {
            let (host, kind) = {
                let guard = state.borrow();
                (guard.host.clone(), guard.page.kind)
            };
            if let Ok(saved) = saved::head_for_page(&host, kind).await {
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
