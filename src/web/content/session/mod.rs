//! One page's assistant: recognition, the overlay, the backup run, listeners and timers.
//! Everything the content script creates is owned here and released when the session is
//! dropped.

mod actions;
mod guide;
mod sync;
mod view;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::Document;

use crate::core::assistant::{AssistantPrefs, UserChoice};
use crate::core::backup::Backup;
use crate::core::backup_view::Progress;
use crate::core::closing_progress::ClosingProgress;
use crate::core::closing_view::GuideFound;
use crate::core::message::{AssistantState, Request, StatusReply};
use crate::core::page::PageKind;
use crate::core::page::{recognise, Recognition};
use crate::core::site::backup_site;

use crate::core::backup_view::LastRun;
use crate::web::content::overlay::{Action, Overlay};
use crate::web::content::pointer::Pointer;
use crate::web::content::watch::PageWatch;
use crate::web::dom::document_url;
use crate::web::dom::page_shows;
use crate::web::error::{log_failure, WebError};
use crate::web::ext_api::{self, MessageListener, StorageListener};
use crate::web::saved;

use actions::{dispatcher, start_backup};
use guide::{place_pointer, recheck_page, schedule_recheck};
use sync::{load_progress, stored_elsewhere};
use view::render;

/// When a page's kind depends on what it shows, re-check after these delays (ms): the new
/// layout hydrates for several seconds (`docs/site-facts.md`, "Markup": hydration is slow).
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
    choice_on_page: UserChoice,
    /// This site's saved backup (the only one its pages show): its head as last loaded (see
    /// `core::backup::Digest`), or the whole backup a run just wrote.
    saved: Option<Backup>,
    run: Option<Run>,
    /// Another tab's run holds this site's backup; and the timer that looks again when its
    /// lease would lapse (a tab that died stops renewing it).
    elsewhere: Option<Timeout>,
    /// How many lease checks this page started (`sync::check_lease`): the latest one wins.
    lease_checks: u32,
    /// The last run's end, shown until the next start.
    last_run: Option<LastRun>,
    overlay: Option<Overlay>,
    /// The page's site (`core::site::backup_site`), which names its backup.
    site: String,
    /// Progress through closing, shared with every other tab through storage.
    progress: ClosingProgress,
    /// The ring on the control to use next, on closing pages.
    pointer: Option<Pointer>,
    /// What the guide found on this page.
    guide: Option<GuideFound>,
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
        // One backup per site: `pt.` and `www.` are one account's `aliexpress.com`.
        let site = backup_site(
            &doc.location()
                .and_then(|l| l.host().ok())
                .unwrap_or_default(),
        );
        let url = document_url(&doc);
        let page = recognise_document(&doc);
        let saved = saved::head_for_page(&site).await.unwrap_or_else(|error| {
            warn(&format!("saved backup unreadable: {error}"));
            None
        });
        let progress = load_progress().await;
        let state = State {
            doc: doc.clone(),
            url,
            page,
            prefs: prefs.unwrap_or_default(),
            choice_on_page: UserChoice::None,
            saved,
            run: None,
            elsewhere: None,
            lease_checks: 0,
            last_run: None,
            overlay: None,
            site,
            progress,
            pointer: None,
            guide: None,
            recheck: None,
        };
        let carry_on = page.kind == PageKind::OrderList
            && state.saved.as_ref().is_some_and(|b| b.continue_paging);
        let state = Rc::new(RefCell::new(state));
        sync::check_lease(&state).await;
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

fn recognise_document(doc: &Document) -> Recognition {
    recognise(&document_url(doc), |selector| page_shows(doc, selector))
}

/// The page's DOM changed. AliExpress moves between its pages with `history.pushState`,
/// which fires no event a content script can hear: a new address under a changed DOM is
/// how such a move shows. Reading the address is cheap; anything else waits for a re-check.
fn page_changed(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let moved = {
        let guard = state.borrow();
        document_url(&guard.doc) != guard.url
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
    let url = document_url(&state.borrow().doc);
    state.borrow_mut().url = url;
    let page = recognise_document(&state.borrow().doc);
    if page != state.borrow().page {
        let mut guard = state.borrow_mut();
        guard.page = page;
        guard.choice_on_page = UserChoice::None;
        drop(guard);
        log_failure(render(&state, None));
    }
    recheck_page(&state);
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
