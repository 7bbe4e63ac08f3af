//! Turning core's [`Text`] keys into strings.

use crate::core::text::Text;

use super::ext_api;

/// A source of localised strings. The extension uses `chrome.i18n`; browser tests, which run
/// outside an extension, pass their own.
pub trait Translate {
    /// The string for `text`, with `$1`… replaced by `substitutions`.
    fn text(&self, text: Text, substitutions: &[&str]) -> String;
}

/// `chrome.i18n`, following the browser's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChromeI18n;

impl Translate for ChromeI18n {
    fn text(&self, text: Text, substitutions: &[&str]) -> String {
        ext_api::message(text.key(), substitutions)
    }
}
