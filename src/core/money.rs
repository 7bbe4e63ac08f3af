//! Money as shown on AliExpress pages, read exactly: never through floating point.
//!
//! Prices appear as `US $1.99`, `R$132,74`, `129,46zł`, `₩11,110`, `€ 1.234,56`, sometimes
//! with a label in front (`Total:`) and digits split across spans. The currency comes from the
//! symbol or code in the text, the decimal separator from the digits themselves.

use serde::{Deserialize, Serialize};

/// A money value: `{amount, currency, display}` in the backup format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Exact decimal amount, `.` as the separator: `"132.74"`, `"11110"`.
    pub amount: String,
    /// ISO 4217 code.
    pub currency: String,
    /// The text as shown, with spacing normalised.
    pub display: String,
}

/// Currency markers as they appear on the pages, and their ISO 4217 codes. Longer markers are
/// tried first, so `US $` and `R$` win over `$`. Bare `$` is the US dollar: the global site
/// shows `$` for USD (`docs/site-facts.md`, "Markup": "Total:$93.62").
pub const CURRENCY_MARKERS: &[(&str, &str)] = &[
    ("US $", "USD"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("CDN$", "CAD"),
    ("CA $", "CAD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("CAD", "CAD"),
    ("AU $", "AUD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("AUD", "AUD"),
    ("NZ$", "NZD"),
    ("MX$", "MXN"),
    ("MXN", "MXN"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("BRL", "BRL"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("zł", "PLN"),
    ("PLN", "PLN"),
    ("₩", "KRW"),
    ("KRW", "KRW"),
    ("₪", "ILS"),
    ("ILS", "ILS"),
    ("₽", "RUB"),
    ("руб", "RUB"),
    ("RUB", "RUB"),
    ("CHF", "CHF"),
    ("Kč", "CZK"),
    ("CZK", "CZK"),
    ("Ft", "HUF"),
    ("HUF", "HUF"),
    ("lei", "RON"),
    ("RON", "RON"),
    ("₺", "TRY"),
    ("TRY", "TRY"),
    ("₴", "UAH"),
    ("грн.", "UAH"),
    ("грн", "UAH"),
    ("UAH", "UAH"),
    ("₹", "INR"),
    ("INR", "INR"),
    ("฿", "THB"),
    ("THB", "THB"),
    ("₫", "VND"),
    ("VND", "VND"),
    ("JP¥", "JPY"),
    // A suffix on the Japanese pages: `10,451円` (docs/site-facts.md, "Money").
    ("円", "JPY"),
    ("JPY", "JPY"),
    ("CN¥", "CNY"),
    ("CNY", "CNY"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("$", "USD"),
];

/// Currencies shown without minor units, where any separator groups thousands.
const ZERO_DECIMAL: &[&str] = &["KRW", "JPY", "VND", "CLP", "ISK", "UGX"];

/// Reads a money value from text such as `Total:R$132,74`. `None` when the text has no
/// recognisable currency or no number.
///
/// ```
/// use exit_assistant::core::money::parse_money;
/// let m = parse_money("Total:R$132,74").unwrap();
/// assert_eq!((m.amount.as_str(), m.currency.as_str()), ("132.74", "BRL"));
/// assert_eq!(parse_money("₩11,110").unwrap().amount, "11110");
/// ```
pub fn parse_money(text: &str) -> Option<Money> {
    let display = normalise_spaces(text);
    let currency = currency_in(&display)?;
    let digits = number_in(&display)?;
    let amount = exact_amount(digits, ZERO_DECIMAL.contains(&currency))?;
    Some(Money {
        amount,
        currency: currency.to_owned(),
        display: strip_label(&display).to_owned(),
    })
}

/// Collapses runs of white space (including no-break and thin spaces) into one space.
fn normalise_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops a leading label (`Total:`, `Gesamt:`, `Razem:`) so `display` is the price alone.
fn strip_label(text: &str) -> &str {
    match text.rfind([':', '：']) {
        Some(i) if !text[i..].chars().any(|c| c.is_ascii_digit()) => text,
        Some(i) if text[..i].chars().all(|c| !c.is_ascii_digit()) => {
            text[i..].trim_start_matches([':', '：']).trim()
        }
        _ => text,
    }
}

fn currency_in(text: &str) -> Option<&'static str> {
    let mut best: Option<(&str, &'static str)> = None;
    for &(marker, code) in CURRENCY_MARKERS {
        if contains_marker(text, marker) && best.is_none_or(|(b, _)| marker.len() > b.len()) {
            best = Some((marker, code));
        }
    }
    best.map(|(_, code)| code)
}

/// Letter markers (`EUR`, `lei`, `Ft`) must stand alone, not inside a word such as a label.
fn contains_marker(text: &str, marker: &str) -> bool {
    let is_word = marker.chars().all(char::is_alphabetic);
    text.match_indices(marker).any(|(i, _)| {
        if !is_word {
            return true;
        }
        let before = text[..i].chars().next_back();
        let after = text[i + marker.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// The first run of digits with their separators: `1.234,56`, `132,74`, `1 234,56`.
fn number_in(text: &str) -> Option<&str> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() {
            end = i + 1;
        } else if !(matches!(c, '.' | ',' | ' ' | '\'') && next_is_digit) {
            break;
        }
    }
    Some(&rest[..end])
}

/// Turns `1.234,56` into `1234.56`. The decimal separator is the last `.` or `,` unless it is
/// followed by exactly three digits and stands alone (`1,500` is fifteen hundred), or the
/// currency has no minor units.
fn exact_amount(number: &str, zero_decimal: bool) -> Option<String> {
    let compact: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '\''))
        .collect();
    let last_sep = compact.rfind(['.', ',']);
    let decimal_at = last_sep.filter(|&i| {
        let sep = compact.as_bytes()[i];
        let digits_after = compact.len() - i - 1;
        let only_one_of_its_kind = compact.bytes().filter(|&b| b == sep).count() == 1;
        let other_kind_before = compact[..i].contains(if sep == b'.' { ',' } else { '.' });
        !zero_decimal && only_one_of_its_kind && (digits_after != 3 || other_kind_before)
    });
    let (whole, fraction) = match decimal_at {
        Some(i) => (&compact[..i], &compact[i + 1..]),
        None => (compact.as_str(), ""),
    };
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if fraction.is_empty() {
        Some(whole.to_owned())
    } else {
        Some(format!("{whole}.{fraction}"))
    }
}

/// Adds decimal amounts exactly (for totals per currency), digit by digit, so no total of any
/// size overflows. Invalid amounts are skipped.
pub fn sum_amounts<'a>(amounts: impl IntoIterator<Item = &'a str>) -> String {
    let parsed: Vec<(&str, &str)> = amounts.into_iter().filter_map(split_decimal).collect();
    let scale = parsed.iter().map(|(_, f)| f.len()).max().unwrap_or(0);
    // The sum's digits, least significant first, the last `scale` of them after the point.
    let mut sum: Vec<u8> = Vec::new();
    for (whole, fraction) in parsed {
        let digits = whole
            .bytes()
            .chain(fraction.bytes())
            .chain(std::iter::repeat_n(b'0', scale - fraction.len()))
            .rev()
            .map(|b| b - b'0');
        let mut carry = 0;
        for (place, digit) in digits.enumerate() {
            if place == sum.len() {
                sum.push(0);
            }
            let total = sum[place] + digit + carry;
            sum[place] = total % 10;
            carry = total / 10;
        }
        let mut place = whole.len() + scale;
        while carry > 0 {
            if place == sum.len() {
                sum.push(0);
            }
            let total = sum[place] + carry;
            sum[place] = total % 10;
            carry = total / 10;
            place += 1;
        }
    }
    while sum.len() < scale + 1 {
        sum.push(0);
    }
    let mut text: String = sum.iter().rev().map(|d| char::from(b'0' + d)).collect();
    let whole_len = text.len() - scale;
    let leading = text[..whole_len - 1]
        .bytes()
        .take_while(|&b| b == b'0')
        .count();
    text.drain(..leading);
    if scale > 0 {
        text.insert(text.len() - scale, '.');
    }
    text
}

/// An amount as its whole and fraction digits, if it is a decimal number (at most 6 places).
fn split_decimal(amount: &str) -> Option<(&str, &str)> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (!whole.is_empty() && digits(whole) && digits(fraction) && fraction.len() <= 6)
        .then_some((whole, fraction))
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
