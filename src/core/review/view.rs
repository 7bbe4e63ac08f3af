//! What the panel says of the reviews: on the feedback page, how many it shows, how they were
//! read and how a reading goes; everywhere, what the backup holds, or where to save them.

use crate::core::order::ReadBy;

use super::types::{Review, ReviewLog};

pub use crate::core::page_rules::FEEDBACK_URL;

/// What the backup holds of the reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedReviews {
    /// How many.
    pub count: usize,
    /// The day they were last read (`YYYY-MM-DD`).
    pub day: String,
    /// Pages read in the last reading.
    pub pages: u32,
    /// Whether that reading reached the last page.
    pub complete: bool,
}

/// The panel's lines on reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewView {
    /// On the feedback page: how many reviews the readers found, and whether by structure.
    /// `None` on other pages.
    pub on_page: Option<(usize, bool)>,
    /// While this page reads every page of reviews: the page it is on and the reviews kept.
    pub reading: Option<(u32, usize)>,
    /// What the backup holds.
    pub saved: Option<SavedReviews>,
}

impl ReviewView {
    /// What the backup holds, off the feedback page.
    pub fn of_saved(saved: Option<&ReviewLog>) -> Self {
        ReviewView {
            on_page: None,
            reading: None,
            saved: saved.map(|log| SavedReviews {
                count: log.reviews.len(),
                day: log.read_at.get(..10).unwrap_or(&log.read_at).to_owned(),
                pages: log.pages,
                complete: log.complete,
            }),
        }
    }

    /// On the feedback page: what its readers found there, and the reading under way.
    pub fn with_page(
        self,
        found: &[Review],
        read_by: ReadBy,
        reading: Option<(u32, usize)>,
    ) -> Self {
        ReviewView {
            on_page: Some((found.len(), read_by == ReadBy::Structure)),
            reading,
            ..self
        }
    }
}
