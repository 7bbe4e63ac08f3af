//! The panel's backup section: start, progress, the result and the downloads.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::core::backup::{RefreshNote, Summary};
use crate::core::backup_view::{BackupView, Progress, SavedCount};
use crate::core::deep_backup::DeepOffer;
use crate::core::export::ExportKind;
use crate::core::order::Warning;
use crate::core::text::Text;
use crate::core::warning_text::say;

use crate::web::error::WebError;
use crate::web::i18n::{summary_lines, Translate};
use crate::web::ui::{box_child, child, find, role_child, text_child};

use super::builder::PanelBuilder;
use super::{Action, Overlay};

impl PanelBuilder<'_> {
    /// The backup section for `view`: start, progress, or the result; and the downloads
    /// once something is saved.
    pub(super) fn backup(&mut self, section: &Element, view: &BackupView) -> Result<(), WebError> {
        let saved = match view {
            BackupView::Idle {
                can_start,
                notice,
                saved,
            } => self.idle(section, *can_start, *notice, *saved)?,
            BackupView::Running(progress) => self.running(section, progress)?,
            BackupView::Done {
                summary,
                gaps,
                refreshed,
                deep,
            } => {
                self.done(section, summary, gaps, *refreshed)?;
                self.deep(section, *deep, true)?;
                true
            }
        };
        if saved {
            self.downloads(section)?;
        }
        super::not_kept_section::not_kept(section, self.t)
    }

    /// Not running: a notice, what is saved, and the start button on the order list.
    /// Returns whether a backup is saved.
    fn idle(
        &mut self,
        section: &Element,
        can_start: bool,
        notice: Option<Text>,
        saved: Option<SavedCount>,
    ) -> Result<bool, WebError> {
        if let Some(notice) = notice {
            text_child(section, "p", "note", &self.text(notice, &[]))?;
        }
        if let Some(SavedCount {
            orders, complete, ..
        }) = saved
        {
            let line = if complete {
                Text::SavedBackup
            } else {
                Text::SavedBackupIncomplete
            };
            text_child(
                section,
                "p",
                "saved",
                &self.text(line, &[&orders.to_string()]),
            )?;
        }
        if can_start {
            let label = self.text(Text::BackUp, &[]);
            self.button(section, &label, "primary start", Action::StartBackup)?;
            // Over a complete backup, a run only brings it up to date.
            if saved.is_some_and(|s| s.complete) {
                self.full_read_button(section)?;
            }
        }
        if let Some(saved) = saved {
            self.deep(section, saved.deep(), can_start)?;
        }
        Ok(saved.is_some())
    }

    /// The optional deep backup: what it reads and how long it takes, or how far it came,
    /// and its button where a run can start (the order list).
    fn deep(
        &mut self,
        section: &Element,
        offer: DeepOffer,
        can_start: bool,
    ) -> Result<(), WebError> {
        let part = box_child(section, "div", "deep")?;
        let (line, subs) = offer.line();
        let subs: Vec<&str> = subs.iter().map(String::as_str).collect();
        text_child(&part, "p", "deep-line", &self.text(line, &subs))?;
        if let Some(label) = offer.button().filter(|_| can_start) {
            let label = self.text(label, &[]);
            self.button(&part, &label, "deep-start", Action::StartDeepBackup)?;
        }
        Ok(())
    }

    /// Running: the progress bar and line, and Stop.
    fn running(&mut self, section: &Element, progress: &Progress) -> Result<bool, WebError> {
        let label = self.text(Text::BackupProgressLabel, &[]);
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
        box_child(&bar, "div", "fill")?;
        child(
            section,
            "p",
            &[("class", "progress-line"), ("aria-live", "polite")],
            None,
        )?;
        let stop = self.text(Text::Stop, &[]);
        self.button(section, &stop, "stop", Action::StopBackup)?;
        update_progress(section, self.t, progress);
        Ok(false)
    }

    /// Just ended: complete or what is missing, the counts, and a button to run again.
    fn done(
        &mut self,
        section: &Element,
        summary: &Summary,
        gaps: &[Warning],
        refreshed: Option<RefreshNote>,
    ) -> Result<bool, WebError> {
        let heading = if gaps.is_empty() {
            Text::BackupComplete
        } else {
            Text::BackupIncomplete
        };
        child(
            section,
            "p",
            &[("class", "result"), ("tabindex", "-1")],
            Some(&self.text(heading, &[])),
        )?;
        if !gaps.is_empty() {
            let list = box_child(section, "ul", "gaps")?;
            for gap in gaps {
                text_child(&list, "li", "", &say(gap, self.t))?;
            }
        }
        let summary_box = box_child(section, "p", "summary")?;
        for line in summary_lines(self.t, summary) {
            text_child(&summary_box, "span", "", &line)?;
        }
        if let Some(note) = refreshed {
            let (read, kept) = (note.read.to_string(), note.kept.to_string());
            let said = self.text(Text::BackupRefreshed, &[&read, &kept]);
            text_child(section, "p", "refreshed", &said)?;
        }
        let label = self.text(Text::BackUp, &[]);
        self.button(section, &label, "start", Action::StartBackup)?;
        if refreshed.is_some() {
            self.full_read_button(section)?;
        }
        Ok(true)
    }

    /// "Read everything again": a full read, where a run would only bring a complete backup
    /// up to date.
    fn full_read_button(&mut self, section: &Element) -> Result<(), WebError> {
        let label = self.text(Text::BackUpFully, &[]);
        self.button(section, &label, "full", Action::StartFullBackup)
            .map(drop)
    }

    /// One button per export, and the line that says how saving went.
    fn downloads(&mut self, section: &Element) -> Result<(), WebError> {
        let row = box_child(section, "div", "downloads")?;
        for export in ExportKind::ALL {
            let label = self.text(export.label(), &[]);
            self.button(&row, &label, "download", Action::Download(export))?;
        }
        role_child(section, "p", "download-status", "status")?;
        Ok(())
    }
}

impl Overlay {
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
