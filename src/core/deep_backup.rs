//! The optional deep backup: every order's detail page, read one at a time at the run's human
//! pace. What the panel offers before it starts, with its time estimate, and says once done.

use super::text::Text;

/// The estimate's time per order: the run's pace between pages (1.5 s plus up to 0.7 s of
/// jitter, `web::content::backup_run::pace`) overlaps the page's loading, which is the
/// larger part on a real connection.
pub const SECONDS_PER_ORDER: usize = 4;

/// Whole minutes a deep backup of `orders` orders takes, rounded up; at least one.
pub fn minutes_for(orders: usize) -> usize {
    (orders * SECONDS_PER_ORDER).div_ceil(60).max(1)
}

/// How far the deep backup of a saved backup has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeepOffer {
    /// Orders whose detail page is still to be read.
    pub left: usize,
    /// Orders in the backup.
    pub of: usize,
}

impl DeepOffer {
    /// The sentence the panel shows, with its substitutions.
    pub fn line(&self) -> (Text, Vec<String>) {
        match self.left {
            0 => (Text::DeepDone, vec![self.of.to_string()]),
            left => (
                Text::DeepOffer,
                vec![
                    left.to_string(),
                    self.of.to_string(),
                    minutes_for(left).to_string(),
                ],
            ),
        }
    }

    /// The button that starts the deep backup, or carries it on, while anything is left.
    pub fn button(&self) -> Option<Text> {
        (self.left > 0).then_some(Text::DeepStart)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_rounds_up_to_whole_minutes() {
        assert_eq!(minutes_for(1), 1);
        assert_eq!(minutes_for(15), 1);
        assert_eq!(minutes_for(16), 2);
        assert_eq!(minutes_for(256), 18);
    }

    #[test]
    fn the_offer_says_what_is_left_and_how_long_or_that_it_is_done() {
        let offer = |left, of| DeepOffer { left, of };
        assert_eq!(
            offer(5, 14).line(),
            (Text::DeepOffer, vec!["5".into(), "14".into(), "1".into()])
        );
        assert_eq!(offer(5, 14).button(), Some(Text::DeepStart));
        assert_eq!(offer(0, 14).line(), (Text::DeepDone, vec!["14".into()]));
        assert_eq!(offer(0, 14).button(), None);
    }
}
