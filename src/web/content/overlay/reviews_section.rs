//! The backup section's lines on the reviews: on the feedback page, how many it shows, the
//! button that reads every page of them, and the reading under way with its Stop; everywhere,
//! what the backup holds (and whether the last reading was complete), or a link to save them.

use web_sys::Element;

use crate::core::review::{ReviewView, FEEDBACK_URL};
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::ui::{box_child, child, text_child};

use super::builder::PanelBuilder;
use super::Action;

impl PanelBuilder<'_> {
    /// The reviews' part of the backup section.
    pub(super) fn reviews(&mut self, section: &Element, view: &ReviewView) -> Result<(), WebError> {
        let part = box_child(section, "div", "reviews")?;
        if let Some((found, by_structure)) = view.on_page {
            child(
                &part,
                "h3",
                &[],
                Some(&self.text(Text::ReviewsHeading, &[])),
            )?;
            if let Some((page, kept)) = view.reading {
                let line = self.text(
                    Text::ReviewsReading,
                    &[&page.to_string(), &kept.to_string()],
                );
                child(
                    &part,
                    "p",
                    &[("class", "reviews-reading"), ("role", "status")],
                    Some(&line),
                )?;
                let label = self.text(Text::ReviewsStop, &[]);
                self.button(&part, &label, "reviews-stop", Action::StopReviews)?;
            } else if found == 0 {
                text_child(&part, "p", "note", &self.text(Text::ReviewsUnreadable, &[]))?;
            } else {
                let count = found.to_string();
                text_child(
                    &part,
                    "p",
                    "reviews-found",
                    &self.text(Text::ReviewsFound, &[&count]),
                )?;
                if by_structure {
                    text_child(
                        &part,
                        "p",
                        "reviews-structure",
                        &self.text(Text::ReviewsStructure, &[]),
                    )?;
                }
                text_child(&part, "p", "note", &self.text(Text::ReviewsPaging, &[]))?;
                let label = self.text(Text::ReviewsSave, &[]);
                self.button(&part, &label, "primary reviews-save", Action::SaveReviews)?;
            }
        }
        match &view.saved {
            Some(saved) if view.reading.is_none() => {
                let count = saved.count.to_string();
                let line = self.text(Text::ReviewsSaved, &[&count, &saved.day]);
                let said = child(
                    &part,
                    "p",
                    &[("class", "reviews-saved"), ("tabindex", "-1")],
                    Some(&line),
                )?;
                if !saved.complete {
                    let _ = said.append_with_str_1(" ");
                    let partial =
                        self.text(Text::ReviewsPartial, &[&count, &saved.pages.to_string()]);
                    child(
                        &said,
                        "strong",
                        &[("class", "reviews-partial")],
                        Some(&partial),
                    )?;
                }
            }
            None if view.on_page.is_none() => {
                let line = text_child(
                    &part,
                    "p",
                    "reviews-saved",
                    &self.text(Text::ReviewsNotYet, &[]),
                )?;
                let _ = line.append_with_str_1(" ");
                child(
                    &line,
                    "a",
                    &[("href", FEEDBACK_URL), ("class", "look")],
                    Some(&self.text(Text::ReviewsOpen, &[])),
                )?;
            }
            _ => {}
        }
        Ok(())
    }
}
