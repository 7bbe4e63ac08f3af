//! The launcher: all that most AliExpress pages load (the `launcher` feature, a WASM of its
//! own, `pkg-launcher/`). It recognises the page in Rust, as the whole assistant does, and then
//! ([`crate::core::assistant::start`]):
//! - does nothing off AliExpress;
//! - hands the page to the whole assistant at once where it works unasked (the closing flow's
//!   pages, [`crate::core::assistant::WORKS_UNASKED`]);
//! - elsewhere shows only the "Open assistant" button, and hands over when the person presses
//!   it or asks from the toolbar popup.
//!
//! Handing over takes everything of the launcher's off the page, then asks `loader.js` to load
//! and start the whole assistant (`exitAssistantStart`), which draws its own launcher or panel
//! in the same host. Single-page navigation and late hydration can make the page one that works
//! unasked, so the launcher keeps recognising it until then.

use std::cell::RefCell;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, MutationObserver, MutationObserverInit};

use crate::core::assistant::{start, Start};
use crate::core::message::{Request, StatusReply};
use crate::core::page::{recognise, Recognition, DOM_RECHECK_DELAYS_MS};
use crate::core::text::Text;

use super::dom::{document, document_url, page_shows};
use super::error::WebError;
use super::ext_api::{self, MessageListener};
use super::host::{self, Mounted};
use super::person::on_person;
use super::ui::labelled_button;

#[wasm_bindgen]
extern "C" {
    /// `extension/loader.js`: loads the whole assistant and starts it; `open` opens its panel.
    #[wasm_bindgen(js_name = exitAssistantStart)]
    fn start_whole(open: bool);
}

/// The button's name, as a key: a `const`, so this WASM carries no other key.
const OPEN_ASSISTANT: &str = Text::OpenAssistant.key();

thread_local! {
    /// The launcher on this page, until it hands over.
    static LAUNCHER: RefCell<Option<Launcher>> = const { RefCell::new(None) };
}

/// Starts the launcher on this page: see the module's documentation.
pub fn run() -> Result<(), WebError> {
    let doc = document()?;
    let page = recognise_document(&doc);
    match start(page) {
        Start::Nothing => {}
        Start::Whole => start_whole(false),
        Start::Launcher => {
            let launcher = Launcher::new(doc, page)?;
            LAUNCHER.with(|l| *l.borrow_mut() = Some(launcher));
        }
    }
    Ok(())
}

/// What the launcher has on the page. Dropping it takes all of it away.
struct Launcher {
    doc: Document,
    page: Recognition,
    url: String,
    _button: Button,
    _listeners: Vec<EventListener>,
    _messages: MessageListener,
    _rechecks: Vec<Timeout>,
    observer: MutationObserver,
    _on_mutation: Closure<dyn FnMut()>,
}

impl Launcher {
    fn new(doc: Document, page: Recognition) -> Result<Launcher, WebError> {
        let button = Button::show(&doc)?;
        let window = web_sys::window().ok_or_else(|| WebError::new("no window"))?;
        // Single-page navigation: hash routes (the privacy centre) and history moves.
        let listeners = ["hashchange", "popstate"]
            .into_iter()
            .map(|event| EventListener::new(&window, event, |_| recheck()))
            .collect();
        let delays: &[u32] = if page.depends_on_dom() {
            &DOM_RECHECK_DELAYS_MS
        } else {
            &[]
        };
        let rechecks = delays.iter().map(|&ms| Timeout::new(ms, recheck)).collect();
        // `history.pushState` fires no event: a new address under a changed DOM is how such a
        // move shows. Reading the address is cheap.
        let on_mutation = Closure::<dyn FnMut()>::new(moved_maybe);
        let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        if let Some(root) = doc.document_element() {
            observer.observe_with_options(&root, &options)?;
        }
        Ok(Launcher {
            url: document_url(&doc),
            doc,
            page,
            _button: button,
            _listeners: listeners,
            _messages: MessageListener::new(answer),
            _rechecks: rechecks,
            observer,
            _on_mutation: on_mutation,
        })
    }
}

impl Drop for Launcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The "Open assistant" button, in the same host, shadow root and style as the whole
/// assistant's, which replaces it.
struct Button {
    mounted: Mounted,
    _click: EventListener,
}

impl Button {
    fn show(doc: &Document) -> Result<Button, WebError> {
        let mounted = host::mount(doc, host::LAUNCHER_STYLES)?;
        let label = ext_api::message(OPEN_ASSISTANT, &[]);
        let button = labelled_button(doc, "launcher", &label, &label)?;
        mounted.layer.append_child(&button)?;
        // Only the person's own press opens it: a page's script can't.
        let click = on_person(&button, "click", |_| hand_over(true));
        Ok(Button {
            mounted,
            _click: click,
        })
    }
}

impl Drop for Button {
    fn drop(&mut self) {
        host::unmount(&self.mounted.host);
    }
}

/// Takes the launcher off the page and starts the whole assistant, once. Deferred: it is
/// called from the launcher's own listeners, which must not be dropped while they run.
fn hand_over(open: bool) {
    Timeout::new(0, move || {
        if let Some(launcher) = LAUNCHER.with(|l| l.borrow_mut().take()) {
            drop(launcher);
            start_whole(open);
        }
    })
    .forget();
}

fn recognise_document(doc: &Document) -> Recognition {
    recognise(&document_url(doc), |selector| page_shows(doc, selector))
}

/// The page changed: recognise it again if its address moved.
fn moved_maybe() {
    let moved = LAUNCHER.with(|l| {
        l.borrow()
            .as_ref()
            .is_some_and(|l| document_url(&l.doc) != l.url)
    });
    if moved {
        recheck();
    }
}

/// Recognises the page again, and hands over if it is now one where the assistant works.
fn recheck() {
    let whole = LAUNCHER.with(|l| {
        let mut guard = l.borrow_mut();
        let Some(launcher) = guard.as_mut() else {
            return false;
        };
        launcher.url = document_url(&launcher.doc);
        launcher.page = recognise_document(&launcher.doc);
        start(launcher.page) == Start::Whole
    });
    if whole {
        hand_over(false);
    }
}

/// Answers the toolbar popup as the whole assistant would. The request and the reply are read
/// and written by hand: serde's reader and writer would add a third to this WASM's size.
fn answer(message: JsValue) -> Option<JsValue> {
    let kind = js_sys::Reflect::get(&message, &Request::TYPE_FIELD.into()).ok()?;
    match Request::from_type(&kind.as_string()?)? {
        Request::Status => {
            let page = LAUNCHER.with(|l| l.borrow().as_ref().map(|l| l.page))?;
            js_sys::JSON::parse(&StatusReply::running_json(page)).ok()
        }
        Request::OpenAssistant => {
            hand_over(true);
            Some(JsValue::TRUE)
        }
    }
}
