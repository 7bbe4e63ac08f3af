//! The assistant's layer on the page: a host element with an open shadow root, so page CSS
//! can't break it and its CSS can't leak. Dropping an [`Overlay`] removes it and every
//! listener it registered.

mod backup_section;
mod closing_sections;
mod kept;
mod report_footer;
mod verdict;

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, KeyboardEvent, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::core::backup_view::{PanelView, Progress};
use crate::core::closing_progress::StepState;
use crate::core::closing_view::GuideLine;
pub use crate::core::session::Action;
use crate::core::text::Text;

use crate::web::content::person::on_person;
use crate::web::dom::{child, element, find};
use crate::web::error::WebError;
use crate::web::i18n::Translate;
pub use closing_sections::guide_text;
use closing_sections::PanelBuilder;

use backup_section::update_progress;
use kept::KeptState;
use verdict::verdict;

/// The id of the host element, unique on the page.
pub const HOST_ID: &str = "exit-assistant-root";
const STYLES: &str = include_str!("../../../../extension/assistant.css");

thread_local! {
    /// The mounted host, for the crash handler: it removes the panel by this reference, never
    /// by an id that a page's own element could carry.
    static MOUNTED: std::cell::RefCell<Option<(HtmlElement, ShadowRoot)>> = const { std::cell::RefCell::new(None) };
}

/// Takes the mounted panel off the page, if any. Never panics: the crash handler calls it
/// from inside the panic hook, perhaps while the reference is borrowed.
pub fn remove_mounted() {
    let _ = MOUNTED.try_with(|mounted| {
        if let Ok(mounted) = mounted.try_borrow() {
            if let Some((host, _)) = mounted.as_ref() {
                host.remove();
            }
        }
    });
}

/// The mounted overlay's (closed) shadow root: only the assistant's own code holds it. For
/// tests, which can't reach into a closed root from the page.
pub fn mounted_root() -> Option<ShadowRoot> {
    MOUNTED
        .try_with(|m| m.try_borrow().ok()?.as_ref().map(|(_, root)| root.clone()))
        .ok()
        .flatten()
}

/// Receives the user's actions.
pub type Dispatch = Rc<dyn Fn(Action)>;

/// The mounted layer. Owns its host element and listeners.
pub struct Overlay {
    host: HtmlElement,
    layer: HtmlElement,
    pointer_layer: HtmlElement,
    listeners: Vec<EventListener>,
    /// Cancels every click a script made inside the assistant, before anything sees it: no
    /// link opens, no box ticks, no section unfolds but by the person's own hand.
    _script_clicks: EventListener,
}

impl Overlay {
    /// Mounts an empty layer on the page, replacing any left over by an earlier instance.
    pub fn mount(doc: &Document) -> Result<Overlay, WebError> {
        if let Some(stale) = doc.get_element_by_id(HOST_ID) {
            stale.remove();
        }
        let host = element(doc, "div", &[("id", HOST_ID)], None)?;
        // Closed: a page's script can't reach in to read the panel or press its controls
        // (and a click it makes anyhow is cancelled below, and heard by no listener).
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        apply_styles(doc, &root)?;
        let layer = element(doc, "div", &[("class", "layer")], None)?;
        // The ring and its callout live beside the panel, so re-rendering the panel keeps them.
        let pointer_layer = element(doc, "div", &[("class", "pointer")], None)?;
        root.append_child(&pointer_layer)?;
        root.append_child(&layer)?;
        // Screen readers read the panel in the user's language, whatever the page's.
        layer.set_attribute("lang", &crate::web::ext_api::ui_language())?;
        doc.document_element()
            .ok_or_else(|| WebError::new("no root element"))?
            .append_child(&host)?;
        MOUNTED.with(|mounted| *mounted.borrow_mut() = Some((host.clone(), root.clone())));
        let script_clicks = EventListener::new_with_options(
            &root,
            "click",
            gloo_events::EventListenerOptions {
                phase: gloo_events::EventListenerPhase::Capture,
                passive: false,
            },
            |event| {
                if !event.is_trusted() {
                    event.prevent_default();
                    event.stop_immediate_propagation();
                }
            },
        );
        Ok(Overlay {
            host,
            layer,
            pointer_layer,
            listeners: Vec::new(),
            _script_clicks: script_clicks,
        })
    }

    /// The shadow root's layer, for tests and focus handling.
    pub fn layer(&self) -> &Element {
        &self.layer
    }

    /// Where the ring is drawn.
    pub fn pointer_layer(&self) -> &Element {
        &self.pointer_layer
    }

    fn clear(&mut self) {
        self.listeners.clear();
        self.layer.set_text_content(None);
    }

    /// Shows only the launcher button.
    pub fn show_launcher(
        &mut self,
        doc: &Document,
        t: &dyn Translate,
        dispatch: Dispatch,
    ) -> Result<(), WebError> {
        self.clear();
        let label = t.text(Text::OpenAssistant, &[]);
        let button = element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "launcher"),
                ("aria-label", &label),
            ],
            Some(&label),
        )?;
        self.listeners
            .push(on_person(&button, "click", move |_| dispatch(Action::Open)));
        self.layer.append_child(&button)?;
        Ok(())
    }

    /// Shows the panel: a non-modal dialog naming the page, giving the verdict, listing the
    /// closing steps, and holding the backup section.
    pub fn show_panel(
        &mut self,
        doc: &Document,
        t: &dyn Translate,
        view: &PanelView,
        dispatch: Dispatch,
    ) -> Result<(), WebError> {
        let PanelView {
            page,
            notice,
            backup,
            readiness,
            closing,
        } = view;
        let kept = KeptState::of(&self.layer);
        // Re-rendering an open panel (progress phases) must not replay its entrance.
        let class = if find(&self.layer, ".panel").is_some() {
            "panel"
        } else {
            "panel entering"
        };
        self.clear();
        let panel = element(
            doc,
            "section",
            &[
                ("class", class),
                ("role", "dialog"),
                ("aria-modal", "false"),
                ("aria-labelledby", "ea-title"),
            ],
            None,
        )?;

        let header = element(doc, "header", &[], None)?;
        let title = element(
            doc,
            "h2",
            &[("id", "ea-title"), ("tabindex", "-1")],
            Some(&t.text(Text::AssistantTitle, &[])),
        )?;
        let close_label = t.text(Text::CloseAssistant, &[]);
        let close = element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "close"),
                ("aria-label", &close_label),
                ("title", &close_label),
            ],
            Some("\u{00d7}"),
        )?;
        header.append_child(&title)?;
        header.append_child(&close)?;
        panel.append_child(&header)?;

        let page_name = t.text(page.kind.label(), &[]);
        child(
            &panel,
            "p",
            &[("class", "where")],
            Some(&t.text(Text::YouAreOn, &[&page_name])),
        )?;
        if let Some(notice) = notice {
            child(
                &panel,
                "p",
                &[("class", "note"), ("role", "note")],
                Some(&t.text(*notice, &[])),
            )?;
        }
        let mut listeners = std::mem::take(&mut self.listeners);
        let mut builder = PanelBuilder {
            t,
            dispatch: &dispatch,
            listeners: &mut listeners,
        };
        builder.overdue(&panel, closing)?;
        verdict(&panel, t, readiness)?;
        if let Some(line) = &closing.guide {
            builder.guide(&panel, line)?;
        }
        child(
            &panel,
            "h3",
            &[("id", "ea-steps")],
            Some(&t.text(Text::StepsHeading, &[])),
        )?;
        let steps = child(
            &panel,
            "ol",
            &[("class", "steps"), ("aria-labelledby", "ea-steps")],
            None,
        )?;
        for (step, state) in closing.steps {
            let li = child(&steps, "li", &[("data-state", state.name())], None)?;
            child(&li, "span", &[("class", "label")], Some(&t.text(step, &[])))?;
            let said = match state {
                StepState::Done => Some(Text::StepStateDone),
                StepState::Current => Some(Text::StepStateCurrent),
                StepState::Todo => None,
            };
            if let Some(said) = said {
                child(
                    &li,
                    "span",
                    &[("class", "state")],
                    Some(&format!(" ({})", t.text(said, &[]))),
                )?;
            }
        }
        let section = child(
            &panel,
            "section",
            &[("class", "backup"), ("aria-labelledby", "ea-backup")],
            None,
        )?;
        child(
            &section,
            "h3",
            &[("id", "ea-backup")],
            Some(&t.text(Text::BackupHeading, &[])),
        )?;
        builder.money(&panel, readiness)?;
        builder.routes(&panel, closing)?;
        builder.after(&panel, closing)?;
        report_footer::report_footer(&mut builder, &panel)?;
        self.listeners = listeners;
        self.fill_backup(&section, t, backup, &dispatch)?;

        let on_close = dispatch.clone();
        self.listeners
            .push(on_person(&close, "click", move |_| on_close(Action::Close)));
        self.listeners
            .push(on_person(&panel, "keydown", move |event| {
                if event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape")
                {
                    dispatch(Action::Close);
                }
            }));
        self.layer.append_child(&panel)?;
        kept.restore(&self.layer);
        Ok(())
    }

    /// Moves the panel to the other side of the window when it covers `target`, so the
    /// control the ring points at stays visible and clickable.
    pub fn keep_clear_of(&self, target: &Element) {
        let Some(panel) = find(&self.layer, ".panel") else {
            return;
        };
        let covers = |panel: &Element| {
            let (p, t) = (
                panel.get_bounding_client_rect(),
                target.get_bounding_client_rect(),
            );
            t.width() > 0.0
                && p.left() < t.right()
                && t.left() < p.right()
                && p.top() < t.bottom()
                && t.top() < p.bottom()
        };
        if !covers(&panel) {
            return;
        }
        let classes = self.layer.class_list();
        let _ = classes.toggle("left");
        if covers(&panel) {
            // Covered on both sides: the right side is where users look for it.
            let _ = classes.remove_1("left");
        }
    }

    /// Rewrites the guide's line in place when the page moves to another step. `false` when
    /// the panel has no guide section to rewrite.
    pub fn update_guide(&self, t: &dyn Translate, line: &GuideLine) -> bool {
        let Some(now) = find(&self.layer, ".guide-now") else {
            return false;
        };
        let text = guide_text(t, line);
        if now.text_content().as_deref() != Some(text.as_str()) {
            now.set_text_content(Some(&text));
        }
        true
    }

    fn button(
        &mut self,
        parent: &Element,
        label: Text,
        class: &str,
        t: &dyn Translate,
        dispatch: &Dispatch,
        action: Action,
    ) -> Result<(), WebError> {
        PanelBuilder {
            t,
            dispatch,
            listeners: &mut self.listeners,
        }
        .button(parent, &t.text(label, &[]), class, action)
        .map(drop)
    }

    /// Updates the progress bar and line in place, without rebuilding (focus stays put).
    pub fn update_progress(&self, t: &dyn Translate, progress: &Progress) {
        if let Some(section) = find(&self.layer, "section.backup") {
            update_progress(&section, t, progress);
        }
    }

    /// Moves keyboard focus to `selector` in the layer, else to the panel's title, else to
    /// the launcher.
    pub fn focus(&self, selector: &str) {
        let target = find(&self.layer, selector)
            .or_else(|| find(&self.layer, "#ea-title"))
            .or_else(|| find(&self.layer, ".launcher"));
        if let Some(target) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = target.focus();
        }
    }

    /// Moves keyboard focus to the panel's title, or to the launcher when the panel is closed.
    pub fn focus_main_control(&self) {
        self.focus("#ea-title");
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
        let _ = MOUNTED.try_with(|mounted| {
            if let Ok(mut mounted) = mounted.try_borrow_mut() {
                if mounted.as_ref().is_some_and(|(host, _)| *host == self.host) {
                    *mounted = None;
                }
            }
        });
        self.host.remove();
    }
}

/// Applies the assistant's CSS inside the shadow root. A constructed style sheet is not
/// subject to the page's `style-src`; a `<style>` element is the fallback where adopting
/// sheets fails (older engines, or a content-script compartment that refuses the array).
fn apply_styles(doc: &Document, root: &ShadowRoot) -> Result<(), WebError> {
    let adopted = web_sys::CssStyleSheet::new().and_then(|sheet| {
        sheet.replace_sync(STYLES)?;
        let sheets = js_sys::Array::of1(&sheet);
        js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &sheets).map(drop)
    });
    if adopted.is_err() {
        let style = element(doc, "style", &[], Some(STYLES))?;
        root.append_child(&style)?;
    }
    Ok(())
}
