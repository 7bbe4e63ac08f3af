//! The reviews as the backup keeps them (format 3): their field names are a contract
//! (`docs/backup-format.md`).

use serde::{Deserialize, Serialize};

use crate::core::order::ReadBy;

/// One review the user wrote, as the feedback page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The order's number, where the page shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// The product's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The product's id, from its link (`/item/<id>.html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
    /// The stars given, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// What the user wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The review's date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How many photos the review shows.
    #[serde(default)]
    pub photos: u32,
    /// Every line of the review as shown, in page order: whatever the fields above could not
    /// tell apart is here.
    pub shown: Vec<String>,
}

/// The reviews read from the feedback page, page by page, and how far the reading got.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLog {
    /// Every review, in page order; one read again replaces its earlier reading.
    pub reviews: Vec<Review>,
    /// When the last page was read (ISO timestamp).
    pub read_at: String,
    /// Which reader read the last page.
    pub read_by: ReadBy,
    /// Pages read in the last reading.
    pub pages: u32,
    /// Whether the last reading reached the last page. False while it runs, and where it was
    /// stopped or the page stopped answering: then some reviews may be missing.
    pub complete: bool,
    /// While a reading turns a page that loads anew: when it pressed "Next" (ms since the
    /// epoch), so the next page's assistant carries on. Never in a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging_since_ms: Option<u64>,
}

/// A press of "Next" that loads a new page carries on there if that page starts within this
/// long; after that, the reading counts as stopped.
pub const CARRY_ON_WITHIN_MS: u64 = 120_000;

impl Review {
    /// What makes two readings the same review: the order and product where the page shows
    /// them, else the product, the date and the text.
    fn key(&self) -> (Option<&str>, Option<&str>, Option<&str>, Option<&str>) {
        if self.order_id.is_some() {
            (
                self.order_id.as_deref(),
                self.product_id.as_deref(),
                None,
                None,
            )
        } else {
            (
                None,
                self.product_id.as_deref().or(self.product.as_deref()),
                self.date.as_deref(),
                self.text.as_deref(),
            )
        }
    }
}

impl ReviewLog {
    /// A reading that starts over: the reviews read before stay until read again.
    pub fn restart(&mut self, now: &str) {
        self.pages = 0;
        self.complete = false;
        self.paging_since_ms = None;
        self.read_at = now.to_owned();
    }

    /// Adds one page's reviews: one read before is replaced where it stands, a new one goes
    /// at the end.
    pub fn add_page(&mut self, page: Vec<Review>, read_by: ReadBy, now: &str) {
        for review in page {
            match self.reviews.iter().position(|r| r.key() == review.key()) {
                Some(at) => self.reviews[at] = review,
                None => self.reviews.push(review),
            }
        }
        self.pages += 1;
        self.read_by = read_by;
        self.read_at = now.to_owned();
        self.paging_since_ms = None;
    }

    /// Whether a page that starts at `now_ms` carries on the reading: the one before pressed
    /// "Next", and not long ago.
    pub fn carries_on(&self, now_ms: u64) -> bool {
        self.paging_since_ms
            .is_some_and(|at| now_ms >= at && now_ms - at < CARRY_ON_WITHIN_MS)
    }

    /// As a file keeps it: without the reading's paging state.
    pub fn for_file(&self) -> ReviewLog {
        ReviewLog {
            paging_since_ms: None,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(order: Option<&str>, product: &str, text: &str) -> Review {
        Review {
            order_id: order.map(str::to_owned),
            product_id: Some(product.to_owned()),
            text: Some(text.to_owned()),
            ..Review::default()
        }
    }

    #[test]
    fn a_review_read_again_replaces_its_earlier_reading() {
        let mut log = ReviewLog::default();
        log.add_page(
            vec![review(Some("1"), "10", "old"), review(None, "20", "x")],
            ReadBy::Rules,
            "t1",
        );
        log.add_page(
            vec![review(Some("1"), "10", "new"), review(None, "20", "y")],
            ReadBy::Structure,
            "t2",
        );
        let texts: Vec<_> = log.reviews.iter().map(|r| r.text.as_deref()).collect();
        assert_eq!(texts, [Some("new"), Some("x"), Some("y")]);
        assert_eq!(
            (log.pages, log.read_by, log.read_at.as_str()),
            (2, ReadBy::Structure, "t2")
        );
    }

    #[test]
    fn carries_on_only_soon_after_a_press() {
        let log = ReviewLog {
            paging_since_ms: Some(1_000),
            ..ReviewLog::default()
        };
        assert!(log.carries_on(2_000));
        assert!(!log.carries_on(1_000 + CARRY_ON_WITHIN_MS));
        assert!(!log.carries_on(500));
        assert!(!ReviewLog::default().carries_on(2_000));
        assert_eq!(log.for_file().paging_since_ms, None);
    }
}
