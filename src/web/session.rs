//! One page's assistant: recognition, the overlay, listeners and timers. Everything the
//! content script creates is owned here and released when the session is dropped.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::Document;

use crate::core::assistant::{presence, site_notice, AssistantPrefs, Presence, UserChoice};
use crate::core::message::{AssistantState, Request, StatusReply};
use crate::core::page::{recognise, Recognition};

use super::dom::page_shows;
use super::error::WebError;
use super::ext_api::{self, MessageListener};
use super::i18n::ChromeI18n;
use super::overlay::{Action, Dispatch, Overlay};

/// When a page's kind depends on what it shows, re-check after these delays (ms): the new
/// layout hydrates for several seconds (reference section 2.1, "Hydration is slow").
const DOM_RECHECK_DELAYS_MS: [u32; 4] = [500, 1_500, 4_000, 10_000];

struct State {
    doc: Document,
    page: Recognition,
    prefs: AssistantPrefs,
    /// What the user did on this page; reset when the page changes.
    here: UserChoice,
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
    /// Recognises the page, reads the user's preferences and shows what the page calls for.
    pub async fn start(doc: Document) -> Result<PageSession, WebError> {
        let prefs = ext_api::storage_get::<AssistantPrefs>(AssistantPrefs::STORAGE_KEY)
            .await
            .unwrap_or_else(|error| {
                web_sys::console::warn_1(
                    &format!("[Exit Assistant] preferences unreadable, using defaults: {error}")
                        .into(),
                );
                None
            });
        let page = recognise_document(&doc);
        let state = Rc::new(RefCell::new(State {
            doc: doc.clone(),
            page,
            prefs: prefs.unwrap_or_default(),
            here: UserChoice::None,
            overlay: None,
        }));
        render(&state, false)?;

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

    /// The page as last recognised.
    pub fn page(&self) -> Recognition {
        self.state.borrow().page
    }
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
        report(render(&state, false));
    }
}

/// Shows the panel, the launcher or nothing, and moves focus when the user asked for it.
fn render(state: &Rc<RefCell<State>>, move_focus: bool) -> Result<(), WebError> {
    let dispatch = dispatcher(Rc::downgrade(state));
    let mut guard = state.borrow_mut();
    let State {
        doc,
        page,
        prefs,
        here,
        overlay,
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
        Presence::Panel => {
            layer.show_panel(doc, &ChromeI18n, *page, site_notice(*page), dispatch)?
        }
        _ => layer.show_launcher(doc, &ChromeI18n, dispatch)?,
    }
    if move_focus {
        layer.focus_main_control();
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
            let prefs = AssistantPrefs {
                panel_dismissed: action == Action::Close,
            };
            let here = if action == Action::Open {
                UserChoice::Opened
            } else {
                UserChoice::Closed
            };
            {
                let mut guard = state.borrow_mut();
                guard.prefs = prefs;
                guard.here = here;
            }
            report(render(&state, true));
            if let Err(error) = ext_api::storage_set(AssistantPrefs::STORAGE_KEY, &prefs).await {
                web_sys::console::warn_1(
                    &format!("[Exit Assistant] could not save preferences: {error}").into(),
                );
            }
        });
    })
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

fn report(result: Result<(), WebError>) {
    if let Err(error) = result {
        web_sys::console::error_1(&format!("[Exit Assistant] {error}").into());
    }
}
