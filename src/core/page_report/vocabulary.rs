//! The words a page report keeps: the ones AliExpress writes for every shopper, which the
//! readers and the guide match (statuses, notes, currency names, button and tab names, month
//! names). They come from the rule tables themselves, so a word added there is kept here too.

use std::collections::HashSet;

use super::super::date::MONTH_PREFIXES;
use super::super::guide_rules::GUIDE_STEPS;
use super::super::list_rules::{LIST_CONTROLS, TAB_WORDS};
use super::super::lowercase::lower;
use super::super::money::CURRENCY_MARKERS;
use super::super::review_rules::NEXT_NAMES;
use super::super::status::{OPEN_CASE_NOTES, STATUS_TEXTS};

/// The site's words, lower-case.
pub struct Vocabulary {
    words: HashSet<String>,
    /// Words of scripts written without spaces, found inside longer runs.
    unspaced: Vec<String>,
}

impl Vocabulary {
    /// Every word of the rule tables.
    pub fn of_the_site() -> Self {
        let mut phrases: Vec<&str> = Vec::new();
        phrases.extend(STATUS_TEXTS.iter().map(|(t, _)| *t));
        phrases.extend(OPEN_CASE_NOTES);
        phrases.extend(CURRENCY_MARKERS.iter().flat_map(|(m, c)| [*m, *c]));
        phrases.extend(LIST_CONTROLS.view_more_names);
        phrases.extend(LIST_CONTROLS.deleted_tab_names);
        phrases.extend(
            GUIDE_STEPS
                .iter()
                .flat_map(|s| s.control.names.iter().copied()),
        );
        phrases.extend(TAB_WORDS);
        phrases.extend(NEXT_NAMES);
        let mut words = HashSet::new();
        let mut unspaced = Vec::new();
        for phrase in phrases {
            for word in phrase.split(|c: char| !c.is_alphabetic()) {
                if word.is_empty() {
                    continue;
                }
                let word = lower(word);
                if word.chars().any(self::unspaced) && !unspaced.contains(&word) {
                    unspaced.push(word.clone());
                }
                words.insert(word);
            }
        }
        // Longest first, so `비활성화` is found before a shorter word inside it.
        unspaced.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        Vocabulary { words, unspaced }
    }

    /// Whether `word` (a whole run of letters) is one of the site's.
    pub fn keeps(&self, word: &str) -> bool {
        self.words.contains(&lower(word))
    }

    /// The byte length of the site's unspaced word that `text` starts with, if any.
    pub fn phrase_at(&self, text: &str) -> Option<usize> {
        self.unspaced
            .iter()
            .find(|w| text.starts_with(w.as_str()))
            .map(String::len)
    }

    /// The byte length of the month name's beginning that `word` starts with (0 if none),
    /// as the date reader matches it (`core::date`).
    pub fn month_prefix(&self, word: &str) -> usize {
        let lowered: Vec<char> = word
            .chars()
            .map(super::super::lowercase::lower_char)
            .collect();
        let chars = MONTH_PREFIXES
            .iter()
            .map(|(p, _)| p.chars().collect::<Vec<_>>())
            .filter(|p| lowered.starts_with(p))
            .map(|p| p.len())
            .max()
            .unwrap_or(0);
        if chars == 0 {
            return 0;
        }
        word.char_indices()
            .nth(chars)
            .map_or(word.len(), |(i, _)| i)
    }
}

/// Scripts written without spaces between words.
pub(super) fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
}
