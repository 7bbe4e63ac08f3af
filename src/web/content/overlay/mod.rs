//! The assistant's layer on the page, inside its host's closed shadow root
//! ([`crate::web::host`]), so page CSS can't break it and its CSS can't leak. Dropping an [`Overlay`] removes it and every
//! listener it registered.

mod addresses_section;
mod backup_section;
mod builder;
mod closing_sections;
mod guide_section;
mod kept;
mod money_section;
mod not_kept_section;
mod panel;
mod report_footer;
mod reviews_section;
mod verdict;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent};

use crate::core::backup_view::{PanelView, Progress};
use crate::core::closing_view::GuideLine;
pub use crate::core::session::Action;
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::person::on_person;
use crate::web::ui::{find, labelled_button};
pub use builder::Dispatch;
use builder::PanelBuilder;
pub use guide_section::guide_text;

use crate::web::host::{self, Mounted};
pub use crate::web::host::{mounted_root, remove_mounted, HOST_ID};
use backup_section::update_progress;
use kept::KeptState;
use panel::{backup_section_frame, panel_frame, steps_list};
use verdict::verdict;

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
        let Mounted {
            host,
            layer,
            pointer_layer,
            script_clicks,
        } = host::mount(doc, host::ASSISTANT_STYLES)?;
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
        let button = labelled_button(doc, "launcher", &label, &label)?;
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
            addresses,
            reviews,
        } = view;
        let kept = KeptState::of(&self.layer);
        // Re-rendering an open panel (progress phases) must not replay its entrance.
        let class = if find(&self.layer, ".panel").is_some() {
            "panel"
        } else {
            "panel entering"
        };
        self.clear();
        let (panel, close) = panel_frame(doc, t, class, page, *notice)?;
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
        steps_list(&panel, t, &closing.steps)?;
        let section = backup_section_frame(&panel, t)?;
        builder.money(&panel, readiness)?;
        builder.routes(&panel, closing)?;
        builder.after(&panel, closing)?;
        report_footer::report_footer(&mut builder, &panel)?;
        builder.backup(&section, backup)?;
        builder.addresses(&section, addresses)?;
        builder.reviews(&section, reviews)?;
        self.listeners = listeners;

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
        host::unmount(&self.host);
    }
}
