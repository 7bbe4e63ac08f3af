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
use crate::core::backup::{storage_key, STORAGE_PREFIX};
use crate::core::backup_view::{done_view, idle_view, BackupView, PanelView, Progress};
use crate::core::closing_view::ClosingView;
use crate::core::closure::{ClosureProgress, DeletionRequest};
use crate::core::guide::{current_step, is_step_page, Route};
use crate::core::message::{AssistantState, Request, StatusReply};
use crate::core::money_left::{read_asset, Asset, Holding};
use crate::core::order::Order;
use crate::core::page::PageKind;
use crate::core::page::{recognise, Recognition};
use crate::core::parse::parse_order_list_range;
use crate::core::readiness::{assess, Readiness};
use crate::core::text::Text;

use super::backup_run::{self, Ending};
use super::dom::{page_shows, WebNode};
use super::download::download_via_background;
use super::error::{log_failure, WebError};
use super::ext_api::{self, MessageListener, StorageListener};
use super::i18n::{ChromeI18n, Translate};
use super::overlay::{Action, Dispatch, Overlay};
use super::pointer::Pointer;
use super::saved;
use super::watch::PageWatch;

/// The verdict reads this many cards of the list in view (the newest, where unfinished orders
/// are); the saved backup has the rest. A 10,000-card list read whole would stall the page.
const READINESS_CARDS: usize = 100;

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
    /// The address the page was last recognised at: single-page navigation changes it
    /// without a reload, and often without any event.
    url: String,
    page: Recognition,
    prefs: AssistantPrefs,
    /// What the user did on this page; reset when the page changes.
    here: UserChoice,
    /// This host's saved backup, as last loaded or written.
    saved: Option<Backup>,
    /// The other hosts' backups: one account's orders may be read on `www.` and `pt.`, and
    /// the closing pages live on other hosts still.
    others: Vec<Backup>,
    run: Option<Run>,
    /// The last run's end, shown until the next start.
    finished: Option<(Ending, Option<Text>)>,
    overlay: Option<Overlay>,
    /// The page's host, which names its backup.
    host: String,
    /// Progress through closing, shared with every other tab through storage.
    progress: ClosureProgress,
    /// The ring on the control to use next, on closing pages.
    pointer: Option<Pointer>,
    /// The guide's line: the step's callout (`None`: not found) and whether it is the last.
    guide: Option<(Option<Text>, bool)>,
    /// A pending re-check of the page after it changed.
    recheck: Option<Timeout>,
}

/// The running assistant on one page.
pub struct PageSession {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
    _messages: MessageListener,
    _storage: StorageListener,
    _watch: Option<PageWatch>,
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
        let url = current_url(&doc);
        let page = recognise_document(&doc);
        let saved = saved::load_for_page(&host, page.kind)
            .await
            .unwrap_or_else(|error| {
                warn(&format!("saved backup unreadable: {error}"));
                None
            });
        let progress = load_progress().await;
        let others = load_others(&host).await;
        let state = State {
            doc: doc.clone(),
            url,
            page,
            prefs: prefs.unwrap_or_default(),
            here: UserChoice::None,
            saved,
            run: None,
            finished: None,
            overlay: None,
            host,
            others,
            progress,
            pointer: None,
            guide: None,
            recheck: None,
        };
        let carry_on = page.kind == PageKind::OrderList
            && state.saved.as_ref().is_some_and(|b| b.continue_paging);
        let state = Rc::new(RefCell::new(state));
        render(&state, None)?;
        super::perf::mark("exit-assistant:panel");
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
        let storage = {
            let weak = weak.clone();
            StorageListener::new(move |keys| stored_elsewhere(&weak, &keys))
        };
        let watch = if page.kind == PageKind::NotAliExpress {
            None
        } else {
            let (changed, moved) = (weak.clone(), weak.clone());
            Some(PageWatch::new(
                &doc,
                move || page_changed(&changed),
                move || {
                    if let Some(state) = moved.upgrade() {
                        place_pointer(&state.borrow());
                    }
                },
            )?)
        };
        let messages = MessageListener::new(move |message| answer(&weak, message));
        recheck_page(&state);
        Ok(PageSession {
            state,
            _listeners: listeners,
            _messages: messages,
            _storage: storage,
            _watch: watch,
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

fn current_url(doc: &Document) -> String {
    doc.location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default()
}

fn recognise_document(doc: &Document) -> Recognition {
    recognise(&current_url(doc), |selector| page_shows(doc, selector))
}

/// The page's DOM changed. AliExpress moves between its pages with `history.pushState`,
/// which fires no event a content script can hear: a new address under a changed DOM is
/// how such a move shows. Reading the address is cheap; anything else waits for a re-check.
fn page_changed(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let moved = {
        let guard = state.borrow();
        current_url(&guard.doc) != guard.url
    };
    if moved {
        refresh(weak);
    } else {
        schedule_recheck(weak);
    }
}

/// Re-recognises after navigation or hydration, and re-renders only if the page changed.
fn refresh(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let url = current_url(&state.borrow().doc);
    state.borrow_mut().url = url;
    let page = recognise_document(&state.borrow().doc);
    if page != state.borrow().page {
        let mut guard = state.borrow_mut();
        guard.page = page;
        guard.here = UserChoice::None;
        drop(guard);
        log_failure(render(&state, None));
    }
    recheck_page(&state);
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
    for backup in state.others.iter().chain(&state.saved) {
        orders.extend(
            backup
                .orders
                .values()
                .map(|s| (s.order.id.clone(), s.order.clone())),
        );
    }
    if state.page.kind == PageKind::OrderList {
        let url = current_url(&state.doc);
        if let Some(root) = state.doc.document_element() {
            orders.extend(
                parse_order_list_range(&WebNode(root), &url, 0, READINESS_CARDS)
                    .orders
                    .into_iter()
                    .map(|l| (l.order.id.clone(), l.order)),
            );
        }
    }
    let complete = state
        .others
        .iter()
        .chain(&state.saved)
        .any(Backup::is_complete);
    let mut readiness = assess(
        &orders.into_values().collect::<Vec<_>>(),
        complete,
        &today(),
    );
    readiness.check_money(&state.progress.assets);
    readiness
}

/// Today, `YYYY-MM-DD`.
fn today() -> String {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    now.get(..10).unwrap_or_default().to_owned()
}

/// A time as the user reads dates.
fn local_date(at_ms: f64) -> String {
    js_sys::Date::new(&at_ms.into())
        .to_locale_date_string(&ext_api::ui_language(), &JsValue::UNDEFINED)
        .into()
}

/// Shows the panel, the launcher or nothing; `focus` names what should get keyboard focus.
fn render(state: &Rc<RefCell<State>>, focus: Option<&str>) -> Result<(), WebError> {
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
    let shown = presence(guard.page, guard.prefs.panel_dismissed, guard.here);
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
                Action::Download(kind) => {
                    let site = state.borrow().host.clone();
                    log_failure(download_via_background(&site, kind).await);
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
    recheck_page(state);
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
        let open = presence(guard.page, guard.prefs.panel_dismissed, guard.here) == Presence::Panel;
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
    let result = backup_run::run(doc, stop, on_progress, on_control).await;
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
            // Whatever was saved before the failure is what the panel shows.
            let host = state.borrow().host.clone();
            if let Ok(saved) = saved::load(&host).await {
                state.borrow_mut().saved = saved;
            }
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

/// Every other host's saved backup.
async fn load_others(host: &str) -> Vec<Backup> {
    let mut all = saved::load_all().await.unwrap_or_else(|error| {
        warn(&format!("saved backups unreadable: {error}"));
        Vec::new()
    });
    all.retain(|b| b.site != host);
    all
}

/// Reads the shared closing progress; a damaged record reads as none, with a warning.
async fn load_progress() -> ClosureProgress {
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
async fn update_progress(
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
fn stored_elsewhere(weak: &Weak<RefCell<State>>, keys: &[String]) {
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
            if let Ok(saved) = saved::load_for_page(&host, kind).await {
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

/// How long the page must be still before it is read again, in ms: hydration and the
/// page's own re-renders come in bursts.
const RECHECK_DELAY_MS: u32 = 120;

/// The page changed: read it again once it settles.
fn schedule_recheck(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let kind = state.borrow().page.kind;
    if !is_step_page(kind) && Asset::on_page(kind).is_none() {
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
fn recheck_page(state: &Rc<RefCell<State>>) {
    read_money(state);
    point(state);
}

fn read_money(state: &Rc<RefCell<State>>) {
    let (asset, holding) = {
        let guard = state.borrow();
        let Some((asset, rule)) = Asset::on_page(guard.page.kind) else {
            return;
        };
        let Some(root) = guard.doc.document_element() else {
            return;
        };
        (asset, read_asset(rule, &WebNode(root)))
    };
    let today = today();
    let mut progress = state.borrow().progress.clone();
    if !progress.record(asset, holding.clone(), false, &today) {
        return;
    }
    let state = state.clone();
    spawn_local(async move {
        update_progress(&state, move |p| p.record(asset, holding, false, &today)).await;
    });
}

/// Points the ring at the control to use next, and keeps the panel's line in step.
fn point(state: &Rc<RefCell<State>>) {
    let kind = state.borrow().page.kind;
    if !is_step_page(kind) {
        let mut guard = state.borrow_mut();
        guard.guide = None;
        // A running backup points at the list's own controls; otherwise nothing is ringed.
        if guard.run.is_none() {
            guard.pointer = None;
        }
        return;
    }
    let open = state
        .borrow()
        .overlay
        .as_ref()
        .is_some_and(|o| o.pointer_layer().is_connected())
        && presence(
            state.borrow().page,
            state.borrow().prefs.panel_dismissed,
            state.borrow().here,
        ) == Presence::Panel;
    let found = {
        let guard = state.borrow();
        guard
            .doc
            .document_element()
            .and_then(|root| current_step(kind, &WebNode(root)))
    };
    let line = found.as_ref().map(|p| p.step.callout);
    let last = found.as_ref().is_some_and(|p| p.step.last);
    let guide = Some((line, last));
    let guide_changed = state.borrow().guide != guide;
    state.borrow_mut().guide = guide;
    match found {
        Some(found) if open => {
            let same = state
                .borrow()
                .pointer
                .as_ref()
                .is_some_and(|p| p.points_at(found.step.id.name(), &found.element.0));
            if !same {
                state.borrow_mut().pointer = None;
                let pointer = new_pointer(state, found.step, found.element.0);
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
fn place_pointer(state: &State) {
    if let Some(pointer) = &state.pointer {
        pointer.place();
        if let Some(overlay) = &state.overlay {
            overlay.keep_clear_of(pointer.target());
        }
    }
}

fn guide_line(state: &State) -> Option<crate::core::closing_view::GuideLine> {
    let readiness = readiness(state);
    ClosingView::new(
        state.page.kind,
        &readiness,
        &state.progress,
        state.guide,
        0.0,
        None,
    )
    .guide
}

fn new_pointer(
    state: &Rc<RefCell<State>>,
    step: &'static crate::core::guide_rules::GuideStep,
    target: web_sys::Element,
) -> Option<Pointer> {
    let guard = state.borrow();
    let overlay = guard.overlay.as_ref()?;
    let line = guide_line(&guard)?;
    let text = super::closing_panel::guide_text(&ChromeI18n, &line);
    let on_click: Option<Box<dyn Fn()>> = step.last.then(|| {
        let dispatch = dispatcher(Rc::downgrade(state));
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
