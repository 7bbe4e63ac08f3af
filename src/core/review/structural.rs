//! The feedback page read by structure alone: each review is the largest part of the page
//! around one product's link that holds no other product, and few enough lines to be one
//! review. Its fields come from the shapes of their text: a date, stars as `4/5` or as star
//! glyphs, an order number's digits; the text is the longest line left.

use crate::core::date::parse_date;
use crate::core::dom::DomNode;
use crate::core::lowercase::lower;
use crate::core::parse::{clean_text, leaf_lines, longest_digit_run, query_digits};

use super::types::Review;

/// A product's link: `/item/<id>.html` on any AliExpress host.
pub const PRODUCT_LINK: &str = "a[href*='/item/']";
/// At most this many lines make one review: the product, its variant, the order, the date,
/// the stars, the text, the seller's answer, and a few labels.
const MAX_LINES: usize = 16;

/// The product id in a product link's address.
pub(super) fn product_id(href: &str) -> Option<String> {
    let after = &href[href.find("/item/")? + "/item/".len()..];
    let id: String = after.chars().take_while(char::is_ascii_digit).collect();
    (!id.is_empty() && after[id.len()..].starts_with(".htm")).then_some(id)
}

/// Stars as a text shows them: `4/5`, `4.0 / 5`, `4 out of 5`, or star glyphs (`★★★★☆`).
///
/// ```
/// use exit_assistant::core::review::stars_in;
/// assert_eq!(stars_in("★★★★☆"), Some(4));
/// assert_eq!(stars_in("Rating: 5/5"), Some(5));
/// assert_eq!(stars_in("3 out of 5 stars"), Some(3));
/// assert_eq!(stars_in("Delivered 3/5/2024"), None);
/// ```
pub fn stars_in(text: &str) -> Option<u8> {
    let text = text.trim();
    let glyphs = text.chars().filter(|c| matches!(c, '★' | '☆')).count();
    if glyphs == 5
        && text
            .chars()
            .all(|c| matches!(c, '★' | '☆') || c.is_whitespace())
    {
        // Five hollow glyphs are no rating: a review has one star at least.
        let lit = text.chars().filter(|&c| c == '★').count() as u8;
        return (1..=5).contains(&lit).then_some(lit);
    }
    if let Some(stars) = over_five(text) {
        return Some(stars);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let star_word = |w: &str| lower(w).starts_with("star") || w.starts_with("звезд");
    for (at, word) in words.iter().enumerate() {
        let Some(stars) = one_to_five(word) else {
            continue;
        };
        let word_at = |n: usize| words.get(at + n).map(|w| lower(w));
        // `4 von 5`, `4 de 5`, `4 из 5`, `4 z 5`, `4 sur 5`; `4 out of 5`.
        let five_after = |n: usize| words.get(at + n).is_some_and(|w| *w == "5");
        if (five_after(2) && word_at(1).is_some_and(|w| OUT_OF.contains(&w.as_str())))
            || (five_after(3) && word_at(1).as_deref() == Some("out"))
        {
            return Some(stars);
        }
        // `4 stars`.
        if words.get(at + 1).is_some_and(|w| star_word(w)) {
            return Some(stars);
        }
    }
    None
}

/// `4/5` or `4.0 / 5`, standing alone: no digit or slash right before the stars or after the
/// 5 (a date's `3/5/2024` is no rating).
fn over_five(text: &str) -> Option<u8> {
    let chars: Vec<char> = text.chars().collect();
    let part_of_number = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || *c == '/');
    for (slash, _) in chars.iter().enumerate().filter(|(_, &c)| c == '/') {
        let mut five = slash + 1;
        while chars.get(five) == Some(&' ') {
            five += 1;
        }
        if chars.get(five) != Some(&'5') || part_of_number(chars.get(five + 1)) {
            continue;
        }
        let mut end = slash;
        while end > 0 && chars[end - 1] == ' ' {
            end -= 1;
        }
        if end >= 2 && chars[end - 1] == '0' && matches!(chars[end - 2], '.' | ',') {
            end -= 2;
        }
        let Some(digit) = end.checked_sub(1).map(|at| chars[at]) else {
            continue;
        };
        if ('1'..='5').contains(&digit) && !part_of_number(end.checked_sub(2).map(|at| &chars[at]))
        {
            return digit.to_digit(10).map(|d| d as u8);
        }
    }
    None
}

/// The word between the stars and the 5 in "4 out of 5", in the eight languages.
const OUT_OF: &[&str] = &["of", "von", "de", "sur", "из", "z", "su", "중"];

/// `1`…`5`, or `4.0`, `4,0`.
fn one_to_five(word: &str) -> Option<u8> {
    let whole = word
        .strip_suffix(".0")
        .or_else(|| word.strip_suffix(",0"))
        .unwrap_or(word);
    match whole {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        "5" => Some(5),
        _ => None,
    }
}

/// Every review found around a product's link. A part whose stars can't be read is no
/// review: every review has stars (the one thing AliExpress's form asks for), and the same
/// pages show products that are not reviewed yet, with their order's date ("Awaiting
/// feedback"), and products to buy ("More to love"). Better none, said plainly, than those.
pub(super) fn read<N: DomNode + Clone>(root: &N) -> Vec<Review> {
    let mut cards: Vec<N> = Vec::new();
    collect(root, &mut cards);
    cards
        .iter()
        .map(review_of)
        .filter(|r| r.stars.is_some())
        .collect()
}

/// The distinct products linked under `node`.
fn products<N: DomNode>(node: &N) -> Vec<String> {
    let mut ids: Vec<String> = node
        .select_all(PRODUCT_LINK)
        .iter()
        .filter_map(|a| a.attr("href").and_then(|h| product_id(&h)))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The largest parts under `node` with exactly one product and at most `MAX_LINES`.
fn collect<N: DomNode + Clone>(node: &N, out: &mut Vec<N>) {
    match products(node).len() {
        0 => {}
        1 if leaf_lines(node).len() <= MAX_LINES => out.push(node.clone()),
        _ => {
            for child in node.children() {
                collect(&child, out);
            }
        }
    }
}

/// A review by its shapes.
fn review_of<N: DomNode>(card: &N) -> Review {
    let shown = leaf_lines(card);
    let links = card.select_all(PRODUCT_LINK);
    // The title is the link with the most text; an image link has none.
    let product = links
        .iter()
        .map(|a| clean_text(&a.text()))
        .max_by_key(String::len)
        .filter(|t| !t.is_empty());
    let product_id = links
        .iter()
        .find_map(|a| a.attr("href").and_then(|h| product_id(&h)));
    let order_id = card
        .select_all("a[href*='orderId=']")
        .iter()
        .find_map(|a| a.attr("href").and_then(|h| query_digits(&h, "orderId=")))
        .or_else(|| shown.iter().find_map(|l| longest_digit_run(l)));
    let date_line = shown.iter().find(|l| parse_date(l).is_some());
    let stars = shown.iter().find_map(|l| stars_in(l)).or_else(|| {
        card.select_all("[aria-label], [title]")
            .iter()
            .find_map(|e| e.attr("aria-label").or_else(|| e.attr("title")))
            .and_then(|label| stars_in(&label))
    });
    let photos = card
        .select_all("img")
        .iter()
        .filter(|img| !img.within(PRODUCT_LINK))
        .count() as u32;
    let text = shown
        .iter()
        .filter(|l| Some(*l) != product.as_ref() && Some(*l) != date_line)
        .filter(|l| stars_in(l).is_none() && longest_digit_run(l).is_none())
        .max_by_key(|l| l.chars().count())
        .cloned();
    Review {
        order_id,
        product,
        product_id,
        stars,
        text,
        date: date_line.and_then(|l| parse_date(l)),
        photos,
        shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_ids_from_links() {
        assert_eq!(
            product_id("https://www.aliexpress.com/item/1005004123456789.html?spm=x").as_deref(),
            Some("1005004123456789")
        );
        assert_eq!(
            product_id("//aliexpress.ru/item/32812345678.html").as_deref(),
            Some("32812345678")
        );
        assert_eq!(product_id("/item/abc.html"), None);
        assert_eq!(product_id("/store/123"), None);
    }

    #[test]
    fn stars_in_many_shapes() {
        for (text, stars) in [
            ("4/5", Some(4)),
            ("4.0 / 5", Some(4)),
            ("5 out of 5", Some(5)),
            ("2 von 5 Sternen", Some(2)),
            ("3 из 5", Some(3)),
            ("1 star", Some(1)),
            ("★★☆☆☆", Some(2)),
            ("★★★", None),
            ("☆☆☆☆☆", None),
            ("Order 3/5/2024", None),
            ("12/5", None),
            ("Color: Black", None),
        ] {
            assert_eq!(stars_in(text), stars, "{text}");
        }
    }
}
