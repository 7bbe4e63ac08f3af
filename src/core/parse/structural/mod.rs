//! The second reader: order cards and detail pages read without a single class name or
//! `data-pl`, for the day AliExpress renames them (as it did its cookie banner's in July 2026,
//! `docs/site-facts.md`). It anchors on what the page can't change without breaking itself:
//! links that carry the order id, `/item/<id>.html` and `/store/<id>` links, the shapes of
//! dates, money and quantities, and the order of things in a card.
//!
//! A card is the largest part of the page whose order links all name one order (or, when the
//! page holds a single order, the smallest part that holds its link, a date and a price).
//! Within it, each field is the smallest element whose text has that field's shape. Like the
//! rule tables' reader, it never panics and returns records plus warnings.

mod anchors;
mod card;
mod cards;
mod detail;

pub use anchors::ITEM_LINKS;
pub use cards::{find_cards, parse_structural_range};
pub use detail::parse_detail_structural;
