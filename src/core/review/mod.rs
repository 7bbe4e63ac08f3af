//! The reviews the user wrote, from the feedback page (`feedbackBuyerList.htm`), kept beside
//! the site's backup (format 3). Two readers, as for the order list: the rule tables
//! (`review_rules`), then, where they find no review, the structure of the page alone
//! (`structural`). And the pager's "Next", by rule or by its name, which a reading presses at
//! the order list's pace. Nothing here panics on page data.

mod structural;
mod table;
mod types;
mod view;

use super::date::parse_date;
use super::dom::DomNode;
use super::lowercase::lower;
use super::order::ReadBy;
use super::parse::{clean_text, leaf_lines, longest_digit_run};
use super::review_rules::{NEXT_NAMES, REVIEWS};

pub use structural::{stars_in, PRODUCT_LINK};
pub use table::{report_section, review_row, review_rows, REVIEW_COLUMNS};
pub use types::{Review, ReviewLog, CARRY_ON_WITHIN_MS};
pub use view::{ReviewView, SavedReviews, FEEDBACK_URL};

/// Reads every review on the page: by the rule tables, else by structure. An empty list
/// means neither found one.
pub fn read_reviews<N: DomNode + Clone>(root: &N) -> (Vec<Review>, ReadBy) {
    let by_rules: Vec<Review> = root
        .select_all(REVIEWS.card)
        .iter()
        .map(by_rules)
        // A card with neither stars nor text is no review written.
        .filter(|r| r.stars.is_some() || r.text.is_some())
        .collect();
    if by_rules.is_empty() {
        (structural::read(root), ReadBy::Structure)
    } else {
        (by_rules, ReadBy::Rules)
    }
}

fn by_rules<N: DomNode + Clone>(card: &N) -> Review {
    let rules = &REVIEWS;
    let field = |selectors: &[&str]| {
        card.select_any(selectors)
            .map(|e| clean_text(&e.text()))
            .filter(|t| !t.is_empty())
    };
    let link = card.select_any(rules.product);
    let order_id = card
        .select_any(rules.order)
        .and_then(|e| e.attr("data-order-id").or_else(|| Some(e.text())))
        .and_then(|t| longest_digit_run(&t));
    let lit = card.select_all(rules.star_lit).len();
    let stars = field(rules.stars_text)
        .and_then(|t| stars_in(&t))
        .or_else(|| (1..=5).contains(&lit).then_some(lit as u8));
    Review {
        order_id,
        product: link
            .as_ref()
            .map(|a| clean_text(&a.text()))
            .filter(|t| !t.is_empty()),
        product_id: link
            .and_then(|a| a.attr("href"))
            .and_then(|h| structural::product_id(&h)),
        stars,
        text: field(rules.text),
        date: field(rules.date).and_then(|d| parse_date(&d)),
        photos: card.select_all(rules.photo).len() as u32,
        shown: leaf_lines(card),
    }
}

/// The pager's "Next", where the page has one that can still be pressed: by the rule tables,
/// else a link or button named "Next" (or `›`) that is not disabled. `None` on the last page.
pub fn next_page<N: DomNode>(root: &N) -> Option<N> {
    if REVIEWS
        .next_disabled
        .iter()
        .any(|s| root.select(s).is_some())
    {
        return None;
    }
    if let Some(next) = root.select_any(REVIEWS.next_page) {
        return Some(next);
    }
    root.select_all("a, button, [role=button]")
        .into_iter()
        .filter(|e| !e.within("[disabled], [aria-disabled=true], [class*=disabled]"))
        .find(|e| {
            let named = |t: &str| NEXT_NAMES.contains(&lower(&clean_text(t)).as_str());
            named(&e.text()) || e.attr("aria-label").is_some_and(|l| named(&l))
        })
}
