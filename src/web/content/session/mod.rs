//! One page's assistant: recognition, the overlay, the backup run, listeners and timers.
//! Everything the content script creates is owned here and released when the session is
//! dropped.

mod actions;
mod guide;
mod reviews;
mod run;
mod state;
mod store;
mod view;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use futures_util::future::{join, join3};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::Document;

use crate::core::assistant::AssistantPrefs;
use crate::core::message::{AssistantState, Request, StatusReply};
use crate::core::page::PageKind;
use crate::core::page::{recognise, Recognition, DOM_RECHECK_DELAYS_MS};
use crate::core::session::{Action, Session};
use crate::core::site::backup_site;

use crate::web::content::watch::PageWatch;
use crate::web::dom::{document_url, page_shows};
use crate::web::error::{log_failure, WebError};
use crate::web::ext_api::{self, MessageListener, StorageListener};
use crate::web::saved;

use actions::dispatcher;
use guide::{place_pointer, recheck_page, schedule_recheck};
use state::{warn, State};
use store::{check_lease, lease_found, load_progress, next_lease_check, read_lease};
use view::render;

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
        // One backup per site: `pt.` and `www.` are one account's `aliexpress.com`.
        let site = backup_site(
            &doc.location()
                .and_then(|l| l.host().ok())
                .unwrap_or_default(),
        );
        // The first reads go out together: each is a round trip to the browser, and the
        // panel waits for all of them before it is drawn.
        let (session, lease) = join(load_session(&doc, site.clone()), read_lease(&site)).await;
        let page = session.page;
        let carry_on = session.carries_on_paging();
        let carry_on_reviews = session.carries_on_reviews(js_sys::Date::now() as u64);
        let url = document_url(&doc);
        let state = Rc::new_cyclic(|weak| {
            RefCell::new(State {
                session,
                doc: doc.clone(),
                url,
                dispatch: dispatcher(weak.clone()),
                run_stop: None,
                lease_timer: None,
                lease_checks: 0,
                overlay: None,
                pointer: None,
                recheck: None,
                records_shown: None,
                reviews_stop: None,
                reviews_reading: None,
            })
        });
        let check = next_lease_check(&state);
        lease_found(&state, check, lease);
        render(&state, None)?;
        super::perf::mark("exit-assistant:panel");
        if carry_on {
            // The backup pressed "Next" on the previous page of the old layout.
            let dispatch = state.borrow().dispatch.clone();
            dispatch(Action::StartBackup);
        }
        if carry_on_reviews {
            // The reading of the reviews pressed "Next" on the page before, which loaded this
            // one: the panel opens to show it going on.
            let dispatch = state.borrow().dispatch.clone();
            dispatch(Action::Open);
            dispatch(Action::CarryOnReviews);
        }
        let session = PageSession::listen(state, &doc, page)?;
        recheck_page(&session.state);
        Ok(session)
    }

    /// Opens the panel, as the launcher does: the person asked for it before this session
    /// started (the launcher's own button, or the toolbar popup).
    pub fn open(&self) {
        let dispatch = self.state.borrow().dispatch.clone();
        dispatch(Action::Open);
    }

    /// Listens for what can change the page's assistant: navigation, late hydration,
    /// storage, the page's own changes, and the toolbar popup.
    fn listen(
        state: Rc<RefCell<State>>,
        doc: &Document,
        page: Recognition,
    ) -> Result<PageSession, WebError> {
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
        let delays: &[u32] = if page.depends_on_dom() {
            &DOM_RECHECK_DELAYS_MS
        } else {
            &[]
        };
        let rechecks = delays
            .iter()
            .map(|&ms| {
                let weak = weak.clone();
                Timeout::new(ms, move || refresh(&weak))
            })
            .collect();
        let storage = {
            let weak = weak.clone();
            StorageListener::new(move |keys| stored(&weak, &keys))
        };
        let watch = if page.kind == PageKind::NotAliExpress {
            None
        } else {
            Some(watch_page(doc, &weak)?)
        };
        let messages = MessageListener::new(move |message| answer(&weak, message));
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

/// What the core starts from: the page, the user's preferences, this site's saved backup
/// and the closing progress. What can't be read starts empty, with a warning.
async fn load_session(doc: &Document, site: String) -> Session {
    let page = recognise_document(doc);
    let (prefs, saved, progress) = join3(
        ext_api::storage_get::<AssistantPrefs>(AssistantPrefs::STORAGE_KEY),
        saved::head_for_page(&site),
        load_progress(),
    )
    .await;
    let prefs = prefs.unwrap_or_else(|error| {
        warn(&format!("preferences unreadable, using defaults: {error}"));
        None
    });
    let saved = saved.unwrap_or_else(|error| {
        warn(&format!("saved backup unreadable: {error}"));
        None
    });
    Session::new(page, site, prefs.unwrap_or_default(), saved, progress)
}

/// Watches the page's DOM (a move or a change to read again) and its layout (the ring
/// follows its control).
fn watch_page(doc: &Document, weak: &Weak<RefCell<State>>) -> Result<PageWatch, WebError> {
    let (changed, moved) = (weak.clone(), weak.clone());
    PageWatch::new(
        doc,
        move || page_changed(&changed),
        move || {
            if let Some(state) = moved.upgrade() {
                place_pointer(&state.borrow());
            }
        },
    )
}

impl Drop for PageSession {
    fn drop(&mut self) {
        // A run holds only a weak reference to the session; tell it to stop.
        if let Some(stop) = &self.state.borrow().run_stop {
            stop.set(true);
        }
    }
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
    let moved = state.borrow_mut().session.recognised(page);
    if moved {
        log_failure(render(&state, None));
    }
    recheck_page(&state);
}

/// Another tab (or this one) wrote to storage: read again what the news names, and redraw
/// if the core says the panel changed.
fn stored(weak: &Weak<RefCell<State>>, keys: &[String]) {
    let Some(state) = weak.upgrade() else { return };
    let news = state.borrow().session.news(keys);
    if !news.any() {
        return;
    }
    spawn_local(async move {
        let mut changed = false;
        if news.lease {
            changed |= check_lease(&state).await;
        }
        if news.progress {
            let progress = load_progress().await;
            changed |= state.borrow_mut().session.progress_read(progress);
        }
        if news.backup {
            let site = state.borrow().session.site.clone();
            if let Ok(saved) = saved::head_for_page(&site).await {
                changed |= state.borrow_mut().session.saved_read(saved);
            }
        }
        if changed {
            log_failure(render(&state, None));
            recheck_page(&state);
        }
    });
}

/// Answers the toolbar popup.
fn answer(weak: &Weak<RefCell<State>>, message: JsValue) -> Option<JsValue> {
    let request: Request = serde_wasm_bindgen::from_value(message).ok()?;
    let state = weak.upgrade()?;
    match request {
        Request::Status => {
            let reply = StatusReply {
                state: AssistantState::Running,
                page: Some(state.borrow().session.page),
            };
            ext_api::to_js(&reply).ok()
        }
        Request::OpenAssistant => {
            let dispatch = state.borrow().dispatch.clone();
            dispatch(Action::Open);
            ext_api::to_js(&true).ok()
        }
    }
}
