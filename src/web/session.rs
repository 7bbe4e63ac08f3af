//! One page's assistant: recognition, the overlay, the backup run, listeners and timers.
//! Everything the content script creates is owned here and released when the session is
//! dropped.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::Document;

use crate::core::assistant::{presence, site_notice, AssistantPrefs, Presence, UserChoice};
use crate::core::backup::Backup;
use crate::core::backup_view::{done_view, idle_view, BackupView, PanelView, Progress};
use crate::core::export::ExportKind;
use crate::core::message::{AssistantState, Request, StatusReply};
use crate::core::order::Order;
use crate::core::page::PageKind;
use crate::core::page::{recognise, Recognition};
use crate::core::parse::parse_order_list;
use crate::core::readiness::{assess, Readiness};
use crate::core::text::Text;

use super::backup_run::{self, Ending};
use super::dom::{page_shows, WebNode};
use super::download::download_backup;
use super::error::{log_failure, WebError};
use super::ext_api::{self, MessageListener};
use super::i18n::ChromeI18n;
use super::overlay::{Action, Dispatch, Overlay};

/// When a page's kind depends on what it shows, re-check after these delays (ms): the new
/// layout hydrates for several seconds (reference section 2.1, "Hydration is slow").
const DOM_RECHECK_DELAYS_MS: [u32; 4] = [500, 1_500, 4_000, 10_000];

/// A backup run under way.
struct Run {
    progress: Progress,
    stop: Rc<Cell<bool>>,
}

struct State {
    doc: Document,
    page: Recognition,
    prefs: AssistantPrefs,
    /// What the user did on this page; reset when the page changes.
    here: UserChoice,
    /// This host's saved backup, as last loaded or written.
    saved: Option<Backup>,
    run: Option<Run>,
    /// The last run's end, shown until the next start.
    finished: Option<(Ending, Option<Text>)>,
    overlay: Option<Overlay>,
}

/// The running assistant on one page.
pub struct PageSession {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
    _messages: MessageListener,
    _rechecks: Vec<Timeout>,
}

impl PageSession {
    /// Recognises the page, reads the user's preferences and saved backup, and shows what the
    /// page calls for.
    pub async fn start(doc: Document) -> Result<PageSession, WebError> {
        let prefs = ext_api::storage_get::<AssistantPrefs>(AssistantPrefs::STORAGE_KEY)
            .await
            .unwrap_or_else(|error| {
                warn(&format!("preferences unreadable, using defaults: {error}"));
                None
            });
        let host = doc
            .location()
            .and_then(|l| l.host().ok())
            .unwrap_or_default();
        let page = recognise_document(&doc);
        let saved = backup_run::load_for_page(&host, page.kind)
            .await
            .unwrap_or_else(|error| {
                warn(&format!("saved backup unreadable: {error}"));
                None
            });
        let state = State {
            doc: doc.clone(),
            page,
            prefs: prefs.unwrap_or_default(),
            here: UserChoice::None,
            saved,
            run: None,
            finished: None,
            overlay: None,
        };
        let carry_on = page.kind == PageKind::OrderList
            && state.saved.as_ref().is_some_and(|b| b.continue_paging);
        let state = Rc::new(RefCell::new(state));
        render(&state, None)?;
        if carry_on {
            // The backup pressed "Next" on the previous page of the old layout.
            let state = state.clone();
            spawn_local(async move { start_backup(&state).await });
        }

        let weak = Rc::downgrade(&state);
        let window = web_sys::window().ok_or_else(|| WebError::new("no window"))?;
        // Single-page navigation: hash routes (the privacy centre) and history moves.
        let listeners = ["hashchange", "popstate"]
            .into_iter()
            .map(|event| {
                let weak = weak.clone();
                EventListener::new(&window, event, move |_| refresh(&weak))
            })
            .collect();
        let rechecks = if page.depends_on_dom() {
            DOM_RECHECK_DELAYS_MS
                .into_iter()
                .map(|ms| {
                    let weak = weak.clone();
                    Timeout::new(ms, move || refresh(&weak))
                })
                .collect()
        } else {
            Vec::new()
        };
        let messages = MessageListener::new(move |message| answer(&weak, message));
        Ok(PageSession {
            state,
            _listeners: listeners,
            _messages: messages,
            _rechecks: rechecks,
        })
    }
}

impl Drop for PageSession {
    fn drop(&mut self) {
        // A run holds only a weak reference to the session; tell it to stop.
        if let Some(run) = &self.state.borrow().run {
            run.stop.set(true);
        }
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[Exit Assistant] {message}").into());
}

fn recognise_document(doc: &Document) -> Recognition {
    let url = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    recognise(&url, |selector| page_shows(doc, selector))
}

/// Re-recognises after navigation or hydration, and re-renders only if the page changed.
fn refresh(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let page = recognise_document(&state.borrow().doc);
    if page != state.borrow().page {
        let mut guard = state.borrow_mut();
        guard.page = page;
        guard.here = UserChoice::None;
        drop(guard);
        log_failure(render(&state, None));
    }
}

fn backup_view(state: &State) -> BackupView {
    if let Some(run) = &state.run {
        return BackupView::Running(run.progress);
    }
    match (&state.finished, &state.saved) {
        (Some((Ending::Finished, _)), Some(saved)) => done_view(saved),
        (Some((_, notice)), saved) => match idle_view(state.page, saved.as_ref()) {
            BackupView::Idle {
                can_start, saved, ..
            } => BackupView::Idle {
                can_start,
                notice: *notice,
                saved,
            },
            other => other,
        },
        (None, saved) => idle_view(state.page, saved.as_ref()),
    }
}

/// Readiness to close, from the saved backup and the orders on the page in view (the page's
/// reading wins: it is the newest).
fn readiness(state: &State) -> Readiness {
    let mut orders: BTreeMap<String, Order> = BTreeMap::new();
    if let Some(saved) = &state.saved {
        orders.extend(
            saved
                .orders
                .values()
                .map(|s| (s.order.id.clone(), s.order.clone())),
        );
    }
    if state.page.kind == PageKind::OrderList {
        let url = state
            .doc
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        if let Some(root) = state.doc.document_element() {
            orders.extend(
                parse_order_list(&WebNode(root), &url)
                    .orders
                    .into_iter()
                    .map(|l| (l.order.id.clone(), l.order)),
            );
        }
    }
    let today = String::from(js_sys::Date::new_0().to_iso_string());
    let complete = state.saved.as_ref().is_some_and(Backup::is_complete);
    assess(
        &orders.into_values().collect::<Vec<_>>(),
        complete,
        &today[..10],
    )
}

/// Shows the panel, the launcher or nothing; `focus` names what should get keyboard focus.
fn render(state: &Rc<RefCell<State>>, focus: Option<&str>) -> Result<(), WebError> {
    let dispatch = dispatcher(Rc::downgrade(state));
    let mut guard = state.borrow_mut();
    let view = PanelView {
        page: guard.page,
        notice: site_notice(guard.page),
        backup: backup_view(&guard),
        readiness: readiness(&guard),
    };
    let State {
        doc,
        page,
        prefs,
        here,
        overlay,
        ..
    } = &mut *guard;
    let shown = presence(*page, prefs.panel_dismissed, *here);
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

/// Turns overlay actions into state changes. Runs them as tasks, after the event handler that
/// raised them has returned, so a re-render may freely drop that handler.
fn dispatcher(weak: Weak<RefCell<State>>) -> Dispatch {
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
                Action::Download(kind) => log_failure(download_saved(&state.borrow(), kind)),
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
        guard.here = if open {
            UserChoice::Opened
        } else {
            UserChoice::Closed
        };
    }
    log_failure(render(
        state,
        Some(if open { "#ea-title" } else { ".launcher" }),
    ));
    if let Err(error) = ext_api::storage_set(AssistantPrefs::STORAGE_KEY, &prefs).await {
        warn(&format!("could not save preferences: {error}"));
    }
}

async fn start_backup(state: &Rc<RefCell<State>>) {
    if state.borrow().run.is_some() {
        return;
    }
    let stop = Rc::new(Cell::new(false));
    let doc = {
        let mut guard = state.borrow_mut();
        let read = guard.saved.as_ref().map_or(0, |b| b.orders.len());
        let progress = Progress {
            read,
            expected: None,
            activity: crate::core::backup_view::Activity::ReadingList,
        };
        guard.run = Some(Run {
            progress,
            stop: stop.clone(),
        });
        guard.finished = None;
        guard.doc.clone()
    };
    log_failure(render(state, Some(".stop")));
    let weak = Rc::downgrade(state);
    let on_progress = move |backup: &Backup, progress: Progress| {
        let Some(state) = weak.upgrade() else { return };
        let mut guard = state.borrow_mut();
        guard.saved = Some(backup.clone());
        if let Some(run) = guard.run.as_mut() {
            run.progress = progress;
        }
        if let Some(overlay) = &guard.overlay {
            overlay.update_progress(&ChromeI18n, &progress);
        }
    };
    let result = backup_run::run(doc, stop, on_progress).await;
    let finished = match result {
        Ok((backup, ending)) => {
            let notice = match ending {
                Ending::Finished => None,
                Ending::Stopped => Some(Text::BackupStopped),
                Ending::Stalled => Some(Text::BackupInterrupted),
            };
            state.borrow_mut().saved = Some(backup);
            (ending, notice)
        }
        Err(error) => {
            warn(&format!("backup failed: {error}"));
            (Ending::Stalled, Some(Text::BackupFailed))
        }
    };
    {
        let mut guard = state.borrow_mut();
        guard.run = None;
        guard.finished = Some(finished);
    }
    log_failure(render(state, Some(".result")));
}

fn download_saved(state: &State, kind: ExportKind) -> Result<(), WebError> {
    let Some(backup) = &state.saved else {
        return Err(WebError::new("no saved backup"));
    };
    download_backup(backup, kind)
}

/// Answers the toolbar popup.
fn answer(weak: &Weak<RefCell<State>>, message: JsValue) -> Option<JsValue> {
    let request: Request = serde_wasm_bindgen::from_value(message).ok()?;
    let state = weak.upgrade()?;
    match request {
        Request::Status => {
            let reply = StatusReply {
                state: AssistantState::Running,
                page: Some(state.borrow().page),
            };
            ext_api::to_js(&reply).ok()
        }
        Request::OpenAssistant => {
            dispatcher(Rc::downgrade(&state))(Action::Open);
            ext_api::to_js(&true).ok()
        }
    }
}
