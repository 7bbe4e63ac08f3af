//! The panel's guide: the step to take on a closing page, and the follow-up when the
//! account still works 72 hours after the request.

use web_sys::Element;

use crate::core::closing_view::{ClosingView, GuideLine};
use crate::core::session::Action;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{child, headed_section, role_child, text_child};

use super::builder::PanelBuilder;

impl PanelBuilder<'_> {
    /// The follow-up when the user is still signed in 72 hours after the request.
    pub fn overdue(&mut self, panel: &Element, view: &ClosingView) -> Result<(), WebError> {
        if !view.overdue {
            return Ok(());
        }
        let date = view.request_date.clone().unwrap_or_default();
        let box_ = role_child(panel, "div", "note overdue", "note")?;
        text_child(&box_, "p", "", &self.text(Text::RequestOverdue, &[&date]))?;
        let list = child(&box_, "ul", &[], None)?;
        for step in [
            Text::NextStepSupport,
            Text::NextStepFollowUp,
            Text::NextStepEscalate,
        ] {
            text_child(&list, "li", "", &self.text(step, &[]))?;
        }
        self.button(
            &box_,
            &self.text(Text::WriteLetter, &[]),
            "link-button",
            Action::OpenLetter,
        )?;
        Ok(())
    }

    /// The step to take on this closing page, or the route in words when its control can't
    /// be found.
    pub fn guide(&mut self, panel: &Element, line: &GuideLine) -> Result<(), WebError> {
        let heading = self.text(Text::GuideHeading, &[]);
        let section = headed_section(panel, "guide", "ea-guide", &heading)?;
        child(
            &section,
            "p",
            &[("class", "guide-now"), ("aria-live", "polite")],
            Some(&guide_text(self.t, line)),
        )?;
        Ok(())
    }
}

/// The guide's line: the callout, or "can't find it" and the route in words.
pub fn guide_text(t: &dyn Translate, line: &GuideLine) -> String {
    match line.callout {
        Some(Text::GuideAmbiguous) => format!(
            "{} {}",
            t.text(Text::GuideAmbiguous, &[]),
            t.text(line.route.in_words(), &[])
        ),
        Some(callout) if line.blocked_last => format!(
            "{} {}",
            t.text(callout, &[]),
            t.text(Text::GuideStillBlocked, &[])
        ),
        Some(callout) => t.text(callout, &[]),
        None => format!(
            "{} {}",
            t.text(Text::GuideNotFound, &[]),
            t.text(line.route.in_words(), &[])
        ),
    }
}
