//! Order dates as shown, in any language, to ISO `YYYY-MM-DD`.
//!
//! Seen on the pages: `May 7, 2024`, `Mar 29,2024`, `7 mag 2024`, `1 abr, 2024`,
//! `3. Aug 2025`, `10:31 May. 21 2019` (old layout), and numeric forms such as
//! `2024. 5. 7.` (Korean) or `2024-05-07`. Labels around the date (`Order date:`, `Date:`,
//! `Fecha compra:`) are ignored: only numbers and month names count.

use super::lowercase::lower;

/// Month names and abbreviations by language, matched as word prefixes after lower-casing.
/// Longer prefixes are tried first, so `juil` (July) wins over `jui`, and `mar` stays March in
/// every language that uses it.
pub const MONTH_PREFIXES: &[(&str, u32)] = &[
    // English
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("jän", 1),
    ("mär", 3),
    ("mrz", 3),
    ("mai", 5),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juin", 6),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("déc", 12),
    // Spanish
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Italian
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("set", 9),
    ("ott", 10),
    // Portuguese
    ("fev", 2),
    ("out", 10),
    // Polish
    ("sty", 1),
    ("lut", 2),
    ("kwi", 4),
    ("maj", 5),
    ("cze", 6),
    ("lip", 7),
    ("sie", 8),
    ("wrz", 9),
    ("paź", 10),
    ("paz", 10),
    ("lis", 11),
    ("gru", 12),
    // Dutch
    ("mrt", 3),
    ("mei", 5),
    // Russian
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Number(u32, usize),
    Month(u32),
}

/// Reads a date, or `None` when the text holds no valid date.
///
/// ```
/// use exit_assistant::core::date::parse_date;
/// assert_eq!(parse_date("Order date: May 7, 2024").as_deref(), Some("2024-05-07"));
/// assert_eq!(parse_date("3. Aug 2025").as_deref(), Some("2025-08-03"));
/// ```
pub fn parse_date(text: &str) -> Option<String> {
    let tokens = tokens(text);
    let month = tokens.iter().find_map(|t| match t {
        Token::Month(m) => Some(*m),
        _ => None,
    });
    let numbers: Vec<(u32, usize)> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Number(n, len) => Some((*n, *len)),
            _ => None,
        })
        .collect();
    let (year, month, day) = match month {
        Some(month) => {
            let year = numbers.iter().find(|&&(_, len)| len == 4)?.0;
            let day = numbers
                .iter()
                .find(|&&(n, len)| len <= 2 && (1..=31).contains(&n))?
                .0;
            (year, month, day)
        }
        None => match numbers.as_slice() {
            [(y, 4), (m, _), (d, _), ..] => (*y, *m, *d),
            [(d, 1..=2), (m, 1..=2), (y, 4), ..] => (*y, *m, *d),
            _ => return None,
        },
    };
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Numbers and month names, in order. Times (`10:31`) are dropped.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            // `10:31`: a number beside a colon that has a digit on its other side. A label's
            // colon (`주문일자::2026년`, `Date:2026-07-15`) touches the date without making it
            // a time (docs/site-facts.md, "Dates").
            let colon_then_digit = text[end..]
                .strip_prefix(':')
                .is_some_and(|after| after.starts_with(|n: char| n.is_ascii_digit()));
            let digit_then_colon = text[..start]
                .strip_suffix(':')
                .is_some_and(|before| before.ends_with(|n: char| n.is_ascii_digit()));
            let is_time = colon_then_digit || digit_then_colon;
            let digits = &text[start..end];
            if !is_time && digits.len() <= 4 {
                if let Ok(n) = digits.parse() {
                    out.push(Token::Number(n, digits.len()));
                }
            }
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            if let Some(month) = month_of(&lower(&text[start..end])) {
                out.push(Token::Month(month));
            }
        }
    }
    out
}

fn month_of(word: &str) -> Option<u32> {
    MONTH_PREFIXES
        .iter()
        .filter(|(prefix, _)| {
            word.starts_with(prefix) && word.chars().count() <= prefix.chars().count() + 8
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|&(_, month)| month)
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1990..=2100).contains(&year) && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_format_seen() {
        let cases = [
            ("May 7, 2024", "2024-05-07"),
            ("Mar 29,2024", "2024-03-29"),
            ("7 mag 2024", "2024-05-07"),
            ("1 abr, 2024", "2024-04-01"),
            ("1 apr 2024", "2024-04-01"),
            ("3. Aug 2025", "2025-08-03"),
            ("10:31 May. 21 2019", "2019-05-21"),
            ("Order date: May 7, 2024", "2024-05-07"),
            ("Date: Sep 15, 2026", "2026-09-15"),
            ("Fecha compra: 12 dic 2023", "2023-12-12"),
            ("Bestelldatum: 24. Dez. 2025", "2025-12-24"),
            ("Date de commande : 14 juil. 2025", "2025-07-14"),
            ("Date de commande : 2 juin 2025", "2025-06-02"),
            ("Data zamówienia: 5 paź 2025", "2025-10-05"),
            ("Data zamówienia: 17 lut 2024", "2024-02-17"),
            ("Data do pedido: 8 out 2025", "2025-10-08"),
            ("14 марта 2025", "2025-03-14"),
            ("주문 날짜: 2024. 5. 7.", "2024-05-07"),
            ("2024년 11월 3일", "2024-11-03"),
            ("2024-02-29", "2024-02-29"),
            ("07.05.2024", "2024-05-07"),
            ("July 4, 2026", "2026-07-04"),
            ("2014-08-18 05:16:18", "2014-08-18"),
            // 2026 shapes: a double colon, and labels touching the date.
            ("주문일자::2026년 7월 15일", "2026-07-15"),
            ("주문번호::8212313961591322", ""),
            ("Date:Sep 15, 2026", "2026-09-15"),
            ("Order date:2026-07-15", "2026-07-15"),
            ("주문 날짜:2024. 5. 7.", "2024-05-07"),
        ];
        for (text, want) in cases {
            let want = Some(want).filter(|w| !w.is_empty());
            assert_eq!(parse_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "Order ID: 8212313961591322",
            "Feb 30, 2024",
            "2023-02-29",
            "Completed",
            "May 2024",
            "13.13.2024",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
