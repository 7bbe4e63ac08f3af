//! The panel's last part: the offer of a page report (`docs/page-report.md`), for a page the
//! assistant can't read or reads wrong. It is on every page the panel opens on, so the user
//! finds it where they found the problem.

use web_sys::Element;

use super::builder::PanelBuilder;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{box_child, find, role_child, text_child};

use super::{Action, Overlay};

/// The footer: what a report is, its button, and where the outcome is said.
pub(super) fn report_footer(builder: &mut PanelBuilder, panel: &Element) -> Result<(), WebError> {
    let footer = box_child(panel, "footer", "report")?;
    text_child(
        &footer,
        "p",
        "report-intro",
        &builder.t.text(Text::PageReportIntro, &[]),
    )?;
    let label = builder.t.text(Text::SavePageReport, &[]);
    builder.button(&footer, &label, "report-save", Action::SavePageReport)?;
    role_child(&footer, "p", "report-status", "status")?;
    Ok(())
}

impl Overlay {
    /// Says in the footer how saving the report went: the file's name, or that it failed.
    pub fn report_outcome(&self, t: &dyn Translate, saved: Result<&str, ()>) {
        if let Some(status) = find(&self.layer, ".report-status") {
            let text = match saved {
                Ok(name) => t.text(Text::PageReportSaved, &[name]),
                Err(()) => t.text(Text::PageReportFailed, &[]),
            };
            status.set_text_content(Some(&text));
        }
    }
}
