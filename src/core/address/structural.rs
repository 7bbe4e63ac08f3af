//! The address book read by structure alone: each address is the largest part of the page
//! around one phone number that holds no other, and few enough lines to be one address.

use crate::core::dom::DomNode;
use crate::core::parse::leaf_lines;

use super::types::SavedAddress;

/// At most this many lines make one address: name, phone, two street lines, city, region,
/// postcode, country, a "Default" mark, and its controls.
const MAX_LINES: usize = 12;

/// Whether a text is a phone number: `+` and 7 to 15 digits, or 10 to 15 digits, with only
/// spaces, dashes, dots and brackets between them. (Postcodes and dates have at most 9.)
/// Pages often mask a phone's middle digits (`+55 11*****5678`): a `*` counts as a digit,
/// where at least four real ones show.
pub fn is_phone(text: &str) -> bool {
    let text = text.trim();
    let real = text.chars().filter(char::is_ascii_digit).count();
    let digits = real + text.chars().filter(|&c| c == '*').count();
    let shaped = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')' | '*'));
    let international = text.starts_with('+') && (7..=15).contains(&digits);
    shaped && real >= 4 && (international || (10..=15).contains(&digits))
}

/// An address's lines as shown (controls' texts left out).
pub(super) fn lines<N: DomNode>(node: &N) -> Vec<String> {
    leaf_lines(node)
}

/// Every address found around a phone number.
pub(super) fn read<N: DomNode + Clone>(root: &N) -> Vec<SavedAddress> {
    let mut cards: Vec<N> = Vec::new();
    collect(root, &mut cards);
    cards.iter().map(address_of).collect()
}

/// The largest parts under `node` with exactly one phone number and at most `MAX_LINES`.
fn collect<N: DomNode + Clone>(node: &N, out: &mut Vec<N>) {
    let shown = lines(node);
    match shown.iter().filter(|l| is_phone(l)).count() {
        0 => {}
        1 if shown.len() <= MAX_LINES => out.push(node.clone()),
        _ => {
            for child in node.children() {
                collect(&child, out);
            }
        }
    }
}

/// An address by its lines: the phone by its shape, the name as the first other line.
fn address_of<N: DomNode>(card: &N) -> SavedAddress {
    let shown = lines(card);
    let phone = shown.iter().find(|l| is_phone(l)).cloned();
    let name = shown.iter().find(|l| !is_phone(l)).cloned();
    SavedAddress {
        name,
        phone,
        shown,
        ..SavedAddress::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_by_their_shape() {
        for phone in [
            "+55 11 91234-5678",
            "(415) 555-0142",
            "+49 171 5550199",
            "010-5550-1234",
        ] {
            assert!(is_phone(phone), "{phone}");
        }
        for other in [
            "01310-100",
            "97205-1234",
            "Apt 7B",
            "Rua das Flores 123",
            "+1",
            "2026-10-30",
        ] {
            assert!(!is_phone(other), "{other}");
        }
    }
}
