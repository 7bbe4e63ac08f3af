//! The panel's fixed parts: its frame (the dialog, its title and close button, where the
//! user is), the list of closing steps, and the frame of the backup section.

use web_sys::{Document, Element, HtmlElement};

use crate::core::closing_progress::StepState;
use crate::core::page::Recognition;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{child, element, headed_section, labelled_button, text_child};

/// The panel (a non-modal dialog) with its header and the line saying where the user is;
/// and its close button.
pub(super) fn panel_frame(
    doc: &Document,
    t: &dyn Translate,
    class: &str,
    page: &Recognition,
    notice: Option<Text>,
) -> Result<(HtmlElement, HtmlElement), WebError> {
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
    let close = labelled_button(doc, "close", &close_label, "\u{00d7}")?;
    header.append_child(&title)?;
    header.append_child(&close)?;
    panel.append_child(&header)?;

    let page_name = t.text(page.kind.label(), &[]);
    text_child(&panel, "p", "where", &t.text(Text::YouAreOn, &[&page_name]))?;
    if let Some(notice) = notice {
        child(
            &panel,
            "p",
            &[("class", "note"), ("role", "note")],
            Some(&t.text(notice, &[])),
        )?;
    }
    Ok((panel, close))
}

/// The five closing steps and where each stands.
pub(super) fn steps_list(
    panel: &Element,
    t: &dyn Translate,
    states: &[(Text, StepState)],
) -> Result<(), WebError> {
    child(
        panel,
        "h3",
        &[("id", "ea-steps")],
        Some(&t.text(Text::StepsHeading, &[])),
    )?;
    let steps = child(
        panel,
        "ol",
        &[("class", "steps"), ("aria-labelledby", "ea-steps")],
        None,
    )?;
    for &(step, state) in states {
        let li = child(&steps, "li", &[("data-state", state.name())], None)?;
        text_child(&li, "span", "label", &t.text(step, &[]))?;
        let said = match state {
            StepState::Done => Some(Text::StepStateDone),
            StepState::Current => Some(Text::StepStateCurrent),
            StepState::Todo => None,
        };
        if let Some(said) = said {
            text_child(&li, "span", "state", &format!(" ({})", t.text(said, &[])))?;
        }
    }
    Ok(())
}

/// The backup section's frame and heading; `backup_section` fills it.
pub(super) fn backup_section_frame(
    panel: &Element,
    t: &dyn Translate,
) -> Result<HtmlElement, WebError> {
    headed_section(
        panel,
        "backup",
        "ea-backup",
        &t.text(Text::BackupHeading, &[]),
    )
}
