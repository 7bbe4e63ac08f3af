//! The page report's scrambling: every text and number becomes another of the same shape, so
//! a report holds none of the shopper's names, titles, addresses or numbers, yet the readers
//! read it as they read the page (`docs/page-report.md`).
//!
//! The rule is fixed; its key is drawn afresh for each report and never kept. Within one
//! report the same word or number always becomes the same one, so an order id in a link still
//! matches the one in the card's text. Without the key, nobody can undo it by trying
//! candidate values.
//!
//! - Digits stay digits, in runs of the same length, and a number never grows: a day, a month
//!   or an hour stays a valid one (see [`Scrambler::number`]).
//! - Letters become letters of the same script and case.
//! - Everything else stays: currency signs, separators, punctuation, spaces.
//! - The words the site writes for every shopper stay as they are ([`super::vocabulary`]):
//!   statuses, month names, currency names, button and tab names. The readers need them, and
//!   they say nothing about the shopper. So do words of one letter (`x2` is a quantity).

use super::vocabulary::{unspaced, Vocabulary};

/// Scrambles texts, numbers and links by one key.
pub struct Scrambler {
    key: u64,
    words: Vocabulary,
}

/// A small deterministic generator (SplitMix64): one seeded per word or number.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high` (`low` when the range is empty).
    fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        low + self.next() % (high - low + 1)
    }
}

/// What a run of characters is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Digits,
    Letters,
    Other,
}

fn run_of(c: char) -> Run {
    if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
        Run::Digits
    } else if c.is_alphabetic() {
        Run::Letters
    } else {
        Run::Other
    }
}

impl Scrambler {
    /// A scrambler with its key: a fresh random one for each report.
    pub fn new(key: u64) -> Self {
        Scrambler {
            key,
            words: Vocabulary::of_the_site(),
        }
    }

    /// A generator seeded by the key and `token`, so the same token always draws the same.
    fn draw(&self, kind: u8, token: &str) -> Draw {
        // FNV-1a over the key, the kind and the token.
        let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
        let bytes = self.key.to_le_bytes();
        for byte in bytes.iter().chain([kind].iter()).chain(token.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01B3);
        }
        Draw(hash)
    }

    /// A text: numbers, words, and everything else kept.
    pub fn text(&self, text: &str) -> String {
        self.runs(text, |run, kind, out| match kind {
            Run::Digits => out.push_str(&self.number(run)),
            Run::Letters => out.push_str(&self.letters(run)),
            Run::Other => out.push_str(run),
        })
    }

    /// Only the numbers of a text: for attributes whose letters are the page's structure (an
    /// `id` such as `order-8181…`), not the shopper's.
    pub fn numbers_only(&self, text: &str) -> String {
        self.runs(text, |run, kind, out| match kind {
            Run::Digits => out.push_str(&self.number(run)),
            _ => out.push_str(run),
        })
    }

    /// A link. An AliExpress link's scheme, host and path are the site's routes: their letters
    /// stay and their numbers are scrambled, so `/item/<id>.html` and `orderId=<id>` keep their
    /// shape. Query values and fragments are scrambled whole. Any other link (`mailto:`, a
    /// script) keeps only its scheme.
    pub fn link(&self, href: &str) -> String {
        let lower = href.trim_start().to_ascii_lowercase();
        let has_scheme = lower
            .split_once(':')
            .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic()));
        let web = lower.starts_with("http:") || lower.starts_with("https:");
        if has_scheme && !web {
            let (scheme, rest) = href.split_once(':').unwrap_or((href, ""));
            return format!("{scheme}:{}", self.text(rest));
        }
        let end = href.find(['?', '#']).unwrap_or(href.len());
        let (route, tail) = href.split_at(end);
        let mut out = self.numbers_only(route);
        // `?k=v&k=v#fragment`: names stay, values are scrambled.
        let mut name = true;
        for c in tail
            .chars()
            .collect::<Vec<_>>()
            .split_inclusive(|c| "?&=#".contains(*c))
        {
            let part: String = c.iter().collect();
            let (body, sep) = match part.char_indices().last() {
                Some((i, last)) if "?&=#".contains(last) => part.split_at(i),
                _ => (part.as_str(), ""),
            };
            out.push_str(&if name {
                body.to_owned()
            } else {
                self.text(body)
            });
            out.push_str(sep);
            name = match sep {
                "=" | "#" => false,
                "?" | "&" => true,
                _ => name,
            };
        }
        out
    }

    /// Splits `text` into runs of digits, of letters, and single other characters.
    fn runs(&self, text: &str, mut each: impl FnMut(&str, Run, &mut String)) -> String {
        let mut out = String::with_capacity(text.len());
        let mut start = 0;
        let mut current: Option<Run> = None;
        for (i, c) in text.char_indices() {
            let kind = run_of(c);
            if let Some(open) = current {
                if open != kind || open == Run::Other {
                    each(&text[start..i], open, &mut out);
                    start = i;
                }
            }
            current = Some(kind);
        }
        if let Some(open) = current {
            each(&text[start..], open, &mut out);
        }
        out
    }

    /// A run of digits, as another of the same length that stays valid as a day, a month, an
    /// hour or a year wherever the original was. Leading zeros stay, and zero stays zero; any
    /// other digit becomes one from 1 to 9; a two-digit number up to 12 one from 10 to 12 (a
    /// month stays a month), up to 31 one from 13 to 28 (a day stays valid in every month),
    /// any other one from 10 to 99; a year from 1990 to 2099 one from 2000 to itself; longer
    /// numbers (order, product and tracking numbers, prices) any number of the same length.
    /// So a round amount ("10.00") can come out as itself: it says nothing of the shopper.
    pub fn number(&self, digits: &str) -> String {
        let ascii: String = digits
            .chars()
            .map(|c| c.to_digit(10).map_or('0', |d| char::from(b'0' + d as u8)))
            .collect();
        let zeros = ascii.len() - ascii.trim_start_matches('0').len();
        let (lead, rest) = ascii.split_at(zeros.min(ascii.len().saturating_sub(1)));
        let mut draw = self.draw(b'9', &ascii);
        let value: u64 = rest.parse().unwrap_or(0);
        let scrambled = match (rest.len(), value) {
            (1, 0) => "0".to_owned(),
            (1, _) => draw.between(1, 9).to_string(),
            (2, ..=12) => draw.between(10, 12).to_string(),
            (2, ..=31) => draw.between(13, 28).to_string(),
            (2, _) => draw.between(10, 99).to_string(),
            (4, 1990..=2099) => draw.between(value.min(2000), value).to_string(),
            _ => rest
                .char_indices()
                .map(|(i, _)| {
                    let low = if i == 0 { 1 } else { 0 };
                    char::from(b'0' + draw.between(low, 9) as u8)
                })
                .collect(),
        };
        format!("{lead}{scrambled}")
    }

    /// A run of letters. The site's own words stay; in scripts written without spaces
    /// (Chinese, Japanese, Korean), the site's words are found inside the run.
    fn letters(&self, run: &str) -> String {
        // One letter says nothing of anyone, and `x2` is how the pages write a quantity.
        if self.words.keeps(run) || run.chars().nth(1).is_none() {
            return run.to_owned();
        }
        if !run.chars().any(unspaced) {
            return self.word(run);
        }
        let mut out = String::new();
        let mut pending = String::new();
        let mut rest = run;
        while let Some(c) = rest.chars().next() {
            if let Some(found) = self.words.phrase_at(rest) {
                out.push_str(&self.word(&pending));
                pending.clear();
                out.push_str(&rest[..found]);
                rest = &rest[found..];
            } else {
                pending.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out.push_str(&self.word(&pending));
        out
    }

    /// A word that isn't the site's: other letters of the same scripts and cases. A month
    /// name's beginning stays (`December` → `Decxqrvm`), so a date still reads; a scrambled
    /// word that came out as a word of the site is drawn again, so it can't be read as one.
    fn word(&self, word: &str) -> String {
        if word.is_empty() {
            return String::new();
        }
        let kept = self.words.month_prefix(word);
        let (head, tail) = word.split_at(kept);
        let mut draw = self.draw(b'a', word);
        let mut out = String::new();
        for _ in 0..8 {
            out = head.to_owned();
            out.extend(tail.chars().map(|c| same_script(c, draw.next())));
            if kept > 0 || !(self.words.keeps(&out) || self.words.month_prefix(&out) > 0) {
                break;
            }
        }
        out
    }
}

/// Another letter of `c`'s script and case, chosen by `r`.
fn same_script(c: char, r: u64) -> char {
    let pick = |low: u32, high: u32| char::from_u32(low + (r % u64::from(high - low + 1)) as u32);
    let code = c as u32;
    let picked = match code {
        // Greek, Cyrillic, Hebrew, Arabic, Thai, the kana, Hangul and the Han ideographs.
        0x391..=0x3A9 => pick(0x391, 0x3A1),
        0x3AC..=0x3CE => pick(0x3B1, 0x3C9),
        0x400..=0x42F => pick(0x410, 0x42F),
        0x430..=0x45F => pick(0x430, 0x44F),
        0x5D0..=0x5EA => pick(0x5D0, 0x5EA),
        0x620..=0x64A => pick(0x627, 0x64A),
        0xE01..=0xE2E => pick(0xE01, 0xE2E),
        0x3041..=0x3096 => pick(0x3042, 0x3093),
        0x30A1..=0x30FA => pick(0x30A2, 0x30F3),
        0xAC00..=0xD7A3 => pick(0xAC00, 0xD7A3),
        0x3400..=0x9FFF | 0xF900..=0xFAFF => pick(0x4E00, 0x9FA5),
        // Latin, accented or not, and any other script: plain Latin letters of the same case.
        _ if c.is_uppercase() => pick(u32::from(b'A'), u32::from(b'Z')),
        _ => pick(u32::from(b'a'), u32::from(b'z')),
    };
    picked.unwrap_or('x')
}

#[cfg(test)]
#[path = "scramble_tests.rs"]
mod tests;
