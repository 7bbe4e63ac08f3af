//! What the user asks of the panel: open, close, back up, download, record closing progress.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen_futures::spawn_local;

use crate::core::assistant::{presence, AssistantPrefs, Presence, UserChoice};
use crate::core::backup::Backup;
use crate::core::backup_view::{done_view, Progress};
use crate::core::closing_progress::DeletionRequest;
use crate::core::guide::Route;
use crate::core::money_left::Holding;
use crate::core::text::Text;

use crate::core::backup_view::LastRun;
use crate::core::run_end::Ending;
use crate::web::content::backup_run;
use crate::web::content::downloads::save_via_background;
use crate::web::content::overlay::{Action, Dispatch};
use crate::web::content::pointer::Pointer;
use crate::web::error::log_failure;
use crate::web::ext_api;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::saved;

use super::guide::{place_pointer, recheck_page};
use super::sync::update_progress;
use super::view::render;
use super::{today, warn, Run, State};

/// Turns overlay actions into state changes. Runs them as tasks, after the event handler that
/// raised them has returned, so a re-render may freely drop that handler.
pub(super) fn dispatcher(weak: Weak<RefCell<State>>) -> Dispatch {
    Rc::new(move |action| {
        let weak = weak.clone();
        spawn_local(async move {
            let Some(state) = weak.upgrade() else { return };
            match action {
                Action::Open | Action::Close => set_panel(&state, action == Action::Open).await,
                Action::StartBackup => start_backup(&state).await,
                Action::StopBackup => {
                    if let Some(run) = &state.borrow().run {
                        run.stop.set(true);
                    }
                }
                Action::Download(kind) => {
                    let site = state.borrow().site.clone();
                    let saved = save_via_background(&site, kind).await;
                    if let Err(error) = &saved {
                        warn(&format!("download: {error}"));
                    }
                    if let Some(overlay) = &state.borrow().overlay {
                        overlay.download_outcome(&ChromeI18n, saved.as_deref().map_err(drop));
                    }
                }
                Action::ConfirmAsset(asset, zero) => {
                    let holding = if zero {
                        Holding::Zero
                    } else {
                        Holding::NonZero {
                            shown: String::new(),
                        }
                    };
                    let today = today();
                    update_progress(&state, move |p| p.record(asset, holding, true, &today)).await;
                }
                Action::MarkRequested | Action::RequestMade => {
                    let route = Route::of_page(state.borrow().page.kind).unwrap_or(Route::App);
                    let request = DeletionRequest {
                        route,
                        at_ms: js_sys::Date::now(),
                    };
                    update_progress(&state, move |p| {
                        // The first click counts: a later one doesn't move the date.
                        let new = p.request.is_none();
                        if new {
                            p.request = Some(request);
                        }
                        new
                    })
                    .await;
                }
                Action::ForgetRequest => {
                    update_progress(&state, |p| p.request.take().is_some()).await;
                }
                Action::ToggleAfter(item, done) => {
                    update_progress(&state, move |p| {
                        if done {
                            p.after_done.insert(item)
                        } else {
                            p.after_done.remove(&item)
                        }
                    })
                    .await;
                }
                Action::SavePageReport => {
                    let (doc, kind) = {
                        let guard = state.borrow();
                        (guard.doc.clone(), guard.page.kind)
                    };
                    let saved = crate::web::content::page_report::save(&doc, kind).await;
                    if let Err(error) = &saved {
                        warn(&format!("page report: {error}"));
                    }
                    if let Some(overlay) = &state.borrow().overlay {
                        overlay.report_outcome(&ChromeI18n, saved.as_deref().map_err(drop));
                    }
                }
                Action::OpenLetter => {
                    if let Err(error) =
                        ext_api::send_to_background(&crate::core::message::ToBackground::OpenLetter)
                            .await
                    {
                        warn(&format!("could not open the letter page: {error}"));
                    }
                }
            }
        });
    })
}

async fn set_panel(state: &Rc<RefCell<State>>, open: bool) {
    let prefs = AssistantPrefs {
        panel_dismissed: !open,
    };
    {
        let mut guard = state.borrow_mut();
        guard.prefs = prefs;
        guard.choice_on_page = if open {
            UserChoice::Opened
        } else {
            UserChoice::Closed
        };
    }
    log_failure(render(
        state,
        Some(if open { "#ea-title" } else { ".launcher" }),
    ));
    recheck_page(state);
    if let Err(error) = ext_api::storage_set(AssistantPrefs::STORAGE_KEY, &prefs).await {
        warn(&format!("could not save preferences: {error}"));
    }
}

pub(super) async fn start_backup(state: &Rc<RefCell<State>>) {
    if state.borrow().run.is_some() {
        return;
    }
    let stop = Rc::new(Cell::new(false));
    let doc = {
        let mut guard = state.borrow_mut();
        let read = guard.saved.as_ref().map_or(0, Backup::order_count);
        let progress = Progress {
            read,
            expected: None,
            activity: crate::core::backup_view::Activity::ReadingList,
        };
        guard.run = Some(Run {
            progress,
            stop: stop.clone(),
        });
        guard.last_run = None;
        guard.doc.clone()
    };
    log_failure(render(state, Some(".stop")));
    let weak = Rc::downgrade(state);
    // The panel shows only the progress while a run works; the backup itself is taken when
    // the run ends (copying 10,000 orders at every step would hold the page up).
    let on_progress = move |_: &Backup, progress: Progress| {
        let Some(state) = weak.upgrade() else { return };
        let mut guard = state.borrow_mut();
        if let Some(run) = guard.run.as_mut() {
            run.progress = progress;
        }
        if let Some(overlay) = &guard.overlay {
            overlay.update_progress(&ChromeI18n, &progress);
        }
    };
    let weak = Rc::downgrade(state);
    let on_control = move |control: Option<(&'static str, Text, web_sys::Element)>| {
        let Some(state) = weak.upgrade() else { return };
        let mut guard = state.borrow_mut();
        let Some((id, text, target)) = control else {
            guard.pointer = None;
            return;
        };
        if guard
            .pointer
            .as_ref()
            .is_some_and(|p| p.points_at(id, &target))
        {
            return;
        }
        guard.pointer = None;
        let open = presence(
            guard.page,
            guard.prefs.panel_dismissed,
            guard.choice_on_page,
        ) == Presence::Panel;
        let pointer = match &guard.overlay {
            Some(overlay) if open => {
                let callout = ChromeI18n.text(text, &[]);
                Pointer::new(overlay.pointer_layer(), id, target, &callout, None).ok()
            }
            _ => None,
        };
        guard.pointer = pointer;
        place_pointer(&guard);
    };
    let me = crate::web::run_lease::this_tab().await;
    let result = backup_run::run(doc, &me, stop, on_progress, on_control).await;
    let last_run = match result {
        Ok((backup, ending)) => {
            let summary = (ending == Ending::Finished).then(|| done_view(&backup));
            let mut guard = state.borrow_mut();
            match ending {
                // A deleted backup stays deleted: the panel shows none.
                Ending::Deleted => guard.saved = None,
                // Another tab's run has it: what this tab last read stands.
                Ending::Elsewhere => {}
                _ => guard.saved = Some(backup),
            }
            drop(guard);
            LastRun { ending, summary }
        }
        Err(error) => {
            warn(&format!("backup failed: {error}"));
            // Whatever was saved before the failure is what the panel shows.
            let site = state.borrow().site.clone();
            if let Ok(saved) = saved::load_head(&site).await {
                state.borrow_mut().saved = saved;
            }
            LastRun {
                ending: Ending::of_failure(&error.to_string()),
                summary: None,
            }
        }
    };
    {
        let mut guard = state.borrow_mut();
        guard.run = None;
        guard.last_run = Some(last_run);
    }
    log_failure(render(state, Some(".result")));
}
