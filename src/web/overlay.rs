//! The assistant's layer on the page: a host element with an open shadow root, so page CSS
//! can't break it and its CSS can't leak. Dropping an [`Overlay`] removes it and every
//! listener it registered.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, KeyboardEvent, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::core::backup_view::{BackupView, PanelView, Progress};
use crate::core::closing_view::GuideLine;
use crate::core::closure::{AfterItem, StepState};
use crate::core::export::ExportKind;
use crate::core::money_left::{Asset, Holding};
use crate::core::parse::is_web_url;
use crate::core::readiness::{Readiness, Verdict};
use crate::core::text::Text;

use super::closing_panel::{guide_text, Builder};
use super::dom::{child, element, find};
use super::error::WebError;
use super::i18n::{summary_lines, Translate};

/// The id of the host element, unique on the page.
pub const HOST_ID: &str = "exit-assistant-root";
const STYLES: &str = include_str!("../../extension/assistant.css");

/// What the user asked of the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the panel (launcher pressed).
    Open,
    /// Close the panel (close button or Escape).
    Close,
    /// Start or resume the backup.
    StartBackup,
    /// Stop the running backup.
    StopBackup,
    /// Download the saved backup in one format.
    Download(ExportKind),
    /// The user says what an asset holds: `true` for nothing left.
    ConfirmAsset(Asset, bool),
    /// The user says they asked to delete the account.
    MarkRequested,
    /// The user clicked the last control of a closing page.
    RequestMade,
    /// Forget the recorded request.
    ForgetRequest,
    /// Tick or untick after-closing advice.
    ToggleAfter(AfterItem, bool),
    /// Open the letter page.
    OpenLetter,
}

/// Receives the user's actions.
pub type Dispatch = Rc<dyn Fn(Action)>;

/// The mounted layer. Owns its host element and listeners.
pub struct Overlay {
    host: HtmlElement,
    layer: HtmlElement,
    pointer_layer: HtmlElement,
    listeners: Vec<EventListener>,
}

impl Overlay {
    /// Mounts an empty layer on the page, replacing any left over by an earlier instance.
    pub fn mount(doc: &Document) -> Result<Overlay, WebError> {
        if let Some(stale) = doc.get_element_by_id(HOST_ID) {
            stale.remove();
        }
        let host = element(doc, "div", &[("id", HOST_ID)], None)?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        apply_styles(doc, &root)?;
        let layer = element(doc, "div", &[("class", "layer")], None)?;
        // The ring and its callout live beside the panel, so re-rendering the panel keeps them.
        let pointer_layer = element(doc, "div", &[("class", "pointer")], None)?;
        root.append_child(&pointer_layer)?;
        root.append_child(&layer)?;
        // Screen readers read the panel in the user's language, whatever the page's.
        layer.set_attribute("lang", &super::ext_api::ui_language())?;
        doc.document_element()
            .ok_or_else(|| WebError::new("no root element"))?
            .append_child(&host)?;
        Ok(Overlay {
            host,
            layer,
            pointer_layer,
            listeners: Vec::new(),
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
            .push(EventListener::new(&button, "click", move |_| {
                dispatch(Action::Open)
            }));
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
        let mut builder = Builder {
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
        self.listeners = listeners;
        self.fill_backup(&section, t, backup, &dispatch)?;

        let on_close = dispatch.clone();
        self.listeners
            .push(EventListener::new(&close, "click", move |_| {
                on_close(Action::Close)
            }));
        self.listeners
            .push(EventListener::new(&panel, "keydown", move |event| {
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
        Builder {
            t,
            dispatch,
            listeners: &mut self.listeners,
        }
        .button(parent, &t.text(label, &[]), class, action)
        .map(drop)
    }

    fn fill_backup(
        &mut self,
        section: &Element,
        t: &dyn Translate,
        view: &BackupView,
        dispatch: &Dispatch,
    ) -> Result<(), WebError> {
        let downloads = match view {
            BackupView::Idle {
                can_start,
                notice,
                saved,
            } => {
                if let Some(notice) = notice {
                    child(
                        section,
                        "p",
                        &[("class", "note")],
                        Some(&t.text(*notice, &[])),
                    )?;
                }
                if let Some((count, complete)) = saved {
                    let line = if *complete {
                        Text::SavedBackup
                    } else {
                        Text::SavedBackupIncomplete
                    };
                    child(
                        section,
                        "p",
                        &[("class", "saved")],
                        Some(&t.text(line, &[&count.to_string()])),
                    )?;
                }
                if *can_start {
                    self.button(
                        section,
                        Text::BackUp,
                        "primary start",
                        t,
                        dispatch,
                        Action::StartBackup,
                    )?;
                }
                saved.is_some()
            }
            BackupView::Running(progress) => {
                let label = t.text(Text::BackupProgressLabel, &[]);
                let bar = child(
                    section,
                    "div",
                    &[
                        ("role", "progressbar"),
                        ("aria-label", &label),
                        ("aria-valuemin", "0"),
                        ("class", "bar"),
                    ],
                    None,
                )?;
                child(&bar, "div", &[("class", "fill")], None)?;
                child(
                    section,
                    "p",
                    &[("class", "progress-line"), ("aria-live", "polite")],
                    None,
                )?;
                self.button(section, Text::Stop, "stop", t, dispatch, Action::StopBackup)?;
                update_progress(section, t, progress);
                false
            }
            BackupView::Done { summary, gaps } => {
                let heading = if gaps.is_empty() {
                    Text::BackupComplete
                } else {
                    Text::BackupIncomplete
                };
                child(
                    section,
                    "p",
                    &[("class", "result"), ("tabindex", "-1")],
                    Some(&t.text(heading, &[])),
                )?;
                if !gaps.is_empty() {
                    let list = child(section, "ul", &[("class", "gaps")], None)?;
                    for gap in gaps {
                        child(&list, "li", &[], Some(gap))?;
                    }
                }
                let summary_box = child(section, "p", &[("class", "summary")], None)?;
                for line in summary_lines(t, summary) {
                    child(&summary_box, "span", &[], Some(&line))?;
                }
                self.button(
                    section,
                    Text::BackUp,
                    "start",
                    t,
                    dispatch,
                    Action::StartBackup,
                )?;
                true
            }
        };
        if downloads {
            let row = child(section, "div", &[("class", "downloads")], None)?;
            for export in ExportKind::ALL {
                self.button(
                    &row,
                    export.label(),
                    "download",
                    t,
                    dispatch,
                    Action::Download(export),
                )?;
            }
        }
        Ok(())
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

/// Pending orders listed by name in the verdict; more are counted.
const VERDICT_LISTED: usize = 8;

/// The verdict, always at the top of the panel: what blocks closing, what to know, or ready.
fn verdict(panel: &Element, t: &dyn Translate, readiness: &Readiness) -> Result<(), WebError> {
    let verdict = readiness.verdict();
    let state = match verdict {
        Verdict::Blocked => "blocked",
        Verdict::Warnings => "warnings",
        Verdict::Ready => "ready",
    };
    let box_ = child(
        panel,
        "div",
        &[
            ("class", "verdict"),
            ("data-verdict", state),
            ("role", "status"),
        ],
        None,
    )?;
    let title = match verdict {
        Verdict::Blocked => Text::VerdictBlocked,
        Verdict::Warnings => Text::VerdictWarnings,
        Verdict::Ready => Text::VerdictReady,
    };
    child(&box_, "p", &[("class", "title")], Some(&t.text(title, &[])))?;
    if verdict == Verdict::Ready {
        return Ok(());
    }
    let list = child(&box_, "ul", &[], None)?;
    if !readiness.pending.is_empty() {
        let item = child(
            &list,
            "li",
            &[("class", "pending")],
            Some(&t.text(
                Text::VerdictPending,
                &[&readiness.pending.len().to_string()],
            )),
        )?;
        let orders = child(&item, "ul", &[], None)?;
        for order in readiness.pending.iter().take(VERDICT_LISTED) {
            let li = child(&orders, "li", &[], None)?;
            let label = match &order.open_case {
                Some(note) => format!(
                    "{} – {} – {}: {note}",
                    order.id,
                    order.status,
                    t.text(Text::VerdictOpenCase, &[])
                ),
                None => format!("{} – {}", order.id, order.status),
            };
            if is_web_url(&order.detail_url) {
                child(
                    &li,
                    "a",
                    &[("href", &order.detail_url), ("rel", "noopener noreferrer")],
                    Some(&label),
                )?;
            } else {
                li.set_text_content(Some(&label));
            }
        }
        if readiness.pending.len() > VERDICT_LISTED {
            child(
                &orders,
                "li",
                &[],
                Some(&t.text(
                    Text::VerdictMore,
                    &[&(readiness.pending.len() - VERDICT_LISTED).to_string()],
                )),
            )?;
        }
    }
    for held in readiness.money.iter().filter(|m| m.is_held()) {
        let name = t.text(held.asset.label(), &[]);
        let line = match &held.holding {
            Some(Holding::NonZero { shown }) if !shown.is_empty() => {
                t.text(Text::VerdictMoney, &[&name, shown])
            }
            _ => t.text(Text::MoneyHeldByUser, &[&name]),
        };
        let li = child(
            &list,
            "li",
            &[("class", "money-left"), ("data-asset", held.asset.name())],
            None,
        )?;
        child(
            &li,
            "a",
            &[
                ("href", held.asset.page_url()),
                ("rel", "noopener noreferrer"),
            ],
            Some(&line),
        )?;
    }
    let unknown: Vec<String> = readiness
        .money
        .iter()
        .filter(|m| m.is_unknown())
        .map(|m| t.text(m.asset.label(), &[]))
        .collect();
    if !unknown.is_empty() {
        child(
            &list,
            "li",
            &[("class", "unchecked")],
            Some(&t.text(Text::VerdictUnchecked, &[&unknown.join(", ")])),
        )?;
    }
    if !readiness.backup_complete {
        child(
            &list,
            "li",
            &[("class", "no-backup")],
            Some(&t.text(Text::VerdictNoBackup, &[])),
        )?;
    }
    if !readiness.under_protection.is_empty() {
        child(
            &list,
            "li",
            &[("class", "protected")],
            Some(&t.text(
                Text::VerdictProtected,
                &[&readiness.under_protection.len().to_string()],
            )),
        )?;
    }
    Ok(())
}

fn update_progress(section: &Element, t: &dyn Translate, progress: &Progress) {
    let (value, max) = progress.bar();
    if let Some(bar) = find(section, "[role=progressbar]") {
        let _ = bar.set_attribute("aria-valuenow", &value.to_string());
        match max {
            Some(max) => {
                let _ = bar.set_attribute("aria-valuemax", &max.to_string());
            }
            None => {
                let _ = bar.remove_attribute("aria-valuemax");
            }
        }
        let percent = max
            .filter(|&m| m > 0)
            .map_or(30, |m| (value * 100 / m).min(100));
        if let Some(fill) = find(&bar, ".fill").and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            let _ = fill.style().set_property("width", &format!("{percent}%"));
        }
    }
    if let Some(line) = find(section, ".progress-line") {
        let (text, subs) = progress.line();
        let subs: Vec<&str> = subs.iter().map(String::as_str).collect();
        line.set_text_content(Some(&t.text(text, &subs)));
    }
}

/// What a re-render must keep: which collapsible sections are open, and which control has
/// keyboard focus (found again by its class and label).
struct KeptState {
    open: Vec<String>,
    focus: Option<(String, String)>,
}

impl KeptState {
    fn of(layer: &Element) -> KeptState {
        let open = layer
            .query_selector_all("details[open][data-id]")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|n| n.dyn_into::<Element>().ok())
                    .filter_map(|e| e.get_attribute("data-id"))
                    .collect()
            })
            .unwrap_or_default();
        let focus = layer
            .get_root_node()
            .dyn_into::<ShadowRoot>()
            .ok()
            .and_then(|root| root.active_element())
            .filter(|e| e.tag_name() == "BUTTON" || e.tag_name() == "INPUT")
            .map(|e| {
                (
                    e.get_attribute("class").unwrap_or_default(),
                    e.text_content().unwrap_or_default(),
                )
            });
        KeptState { open, focus }
    }

    fn restore(&self, layer: &Element) {
        for id in &self.open {
            if let Some(details) = find(layer, &format!("details[data-id=\"{id}\"]")) {
                let _ = details.set_attribute("open", "");
            }
        }
        let Some((class, text)) = &self.focus else {
            return;
        };
        let Ok(list) = layer.query_selector_all("button, input") else {
            return;
        };
        let target = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|e| {
                e.get_attribute("class").unwrap_or_default() == *class
                    && e.text_content().unwrap_or_default() == *text
            });
        if let Some(target) = target {
            let _ = target.focus();
        }
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
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
