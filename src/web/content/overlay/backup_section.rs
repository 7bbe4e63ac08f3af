//! The panel's backup section: start, progress, the result and the downloads.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::core::backup_view::{BackupView, Progress};
use crate::core::export::ExportKind;
use crate::core::text::Text;

use crate::web::dom::{child, find};
use crate::web::error::WebError;
use crate::web::i18n::{summary_lines, Translate};

use super::{Action, Dispatch, Overlay};

impl Overlay {
    pub(super) fn fill_backup(
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
            child(
                section,
                "p",
                &[("class", "download-status"), ("role", "status")],
                None,
            )?;
        }
        Ok(())
    }

    /// Says under the downloads how saving a file went: its name, or that it failed and the
    /// backup is still kept.
    pub fn download_outcome(&self, t: &dyn Translate, saved: Result<&str, ()>) {
        if let Some(status) = find(&self.layer, ".download-status") {
            let text = match saved {
                Ok(name) => t.text(Text::FileSaved, &[name]),
                Err(()) => t.text(Text::FileSaveFailed, &[]),
            };
            status.set_text_content(Some(&text));
        }
    }
}

/// Updates the progress bar and line of the backup section in place.
pub(super) fn update_progress(section: &Element, t: &dyn Translate, progress: &Progress) {
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
