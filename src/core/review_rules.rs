//! Site knowledge as data: where the feedback page (`feedbackBuyerList.htm`) shows each review
//! the user wrote, and its pager. **Guesses [G]**, modelled on the server-rendered pages of the
//! same era and host family: the old trade list's `ui-pagination` pager [H] and the class names
//! an old extension used on this very page (`.feedback-main`, `.rating-main .dsr-star-list`;
//! [H], `docs/site-facts.md`, "Feedback page"; its `.product-sets` were the products awaiting
//! feedback, which are no review, so they are left out). The structural
//! reader (`core::review`) reads the page where these find nothing; the fixtures
//! `feedback*.html` prove both.

/// Where the feedback page shows each review and its fields.
#[derive(Debug)]
pub struct ReviewRules {
    /// One element per review.
    pub card: &'static str,
    /// Within a card: the product's link (its text is the product's title).
    pub product: &'static [&'static str],
    /// The order's number.
    pub order: &'static [&'static str],
    /// The stars given: an element whose text or width says them, or the lit star marks.
    pub stars_text: &'static [&'static str],
    /// Each lit star mark, counted.
    pub star_lit: &'static str,
    /// The review's text.
    pub text: &'static [&'static str],
    /// The review's date.
    pub date: &'static [&'static str],
    /// Each attached photo.
    pub photo: &'static str,
    /// The pager's "Next", where it can still be pressed.
    pub next_page: &'static [&'static str],
    /// A "Next" that can't be pressed any more (the last page).
    pub next_disabled: &'static [&'static str],
}

/// The feedback page's reviews [G].
pub static REVIEWS: ReviewRules = ReviewRules {
    card: ".feedback-list .feedback-item, [data-feedback-id]",
    product: &[".product-title a", ".product-name a", ".product-title"],
    order: &[".order-id", ".order-no", "[data-order-id]"],
    stars_text: &[".star-score", ".rating-score"],
    star_lit: ".dsr-star-list .star-on, .star-view .star-on, .rating-main .star-on",
    text: &[
        ".feedback-main .buyer-feedback",
        ".feedback-content",
        ".buyer-feedback",
    ],
    date: &[".feedback-date", ".feedback-time", ".r-time"],
    photo: ".feedback-photos img, .pic-view-list img, .review-images img",
    next_page: &[
        "a.ui-pagination-next:not(.ui-pagination-disabled)",
        "li.comet-pagination-next:not(.comet-pagination-disabled) button",
        "a[rel=next]",
    ],
    next_disabled: &[
        ".ui-pagination-next.ui-pagination-disabled",
        "li.comet-pagination-next.comet-pagination-disabled",
    ],
};

/// The pager's "Next" by its name, where no rule finds it: the whole text or label of a link
/// or button, in lower case, in the eight languages and as the arrows pagers draw.
pub static NEXT_NAMES: &[&str] = &[
    "next",
    "next page",
    "next >",
    "weiter",
    "nächste",
    "nächste seite",
    "siguiente",
    "página siguiente",
    "suivant",
    "page suivante",
    "próxima",
    "próximo",
    "próxima página",
    "следующая",
    "далее",
    "następna",
    "następna strona",
    "다음",
    "다음 페이지",
    ">",
    "›",
    "»",
    "→",
];
