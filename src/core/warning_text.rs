//! The backup's warnings in the user's language: each code's sentence (`_locales`), filled
//! with the warning's `params`. The backup keeps the English `message`; the files, the panel
//! and the saved-backups page say it in the browser's language. A warning written before its
//! values were kept (format 2), or of a code with no sentence, keeps its English message.

use super::backup::BackupFileV1;
use super::order::Warning;
use super::parse::DETAILS_INCOMPLETE;
use super::text::{Text, Translate};

/// Each code with a sentence, and how many values it substitutes.
const SENTENCES: [(&str, Text, usize); 13] = [
    ("list_not_finished", Text::WarnListNotFinished, 1),
    ("details_missing", Text::WarnDetailsMissing, 2),
    ("count_mismatch", Text::WarnCountMismatch, 2),
    (
        "unfinished_count_mismatch",
        Text::WarnUnfinishedCountMismatch,
        2,
    ),
    ("orders_without_items", Text::WarnOrdersWithoutItems, 1),
    ("signed_out", Text::WarnSignedOut, 0),
    ("not_all_orders", Text::WarnNotAllOrders, 0),
    ("captcha_unsolved", Text::WarnCaptchaUnsolved, 0),
    ("page_not_responding", Text::WarnPageNotResponding, 0),
    ("page_unreadable", Text::WarnPageUnreadable, 0),
    ("unknown_status", Text::WarnUnknownStatus, 2),
    ("unreadable_date", Text::WarnUnreadableDate, 1),
    ("missing_total", Text::WarnMissingTotal, 1),
];

/// The parts a `details_incomplete` warning names, by their JSON names, and their words.
const DETAIL_PARTS: [(&str, Text); 3] = [
    ("price_lines", Text::ColPriceBreakdown),
    ("ship_to", Text::ColShipTo),
    ("payment_method", Text::ColPaymentMethod),
];

/// A warning in the language `t` speaks.
pub fn say(warning: &Warning, t: &dyn Translate) -> String {
    let params = &warning.params;
    if warning.code == DETAILS_INCOMPLETE {
        if let [id, parts] = params.as_slice() {
            let words: Vec<String> = parts
                .split(',')
                .filter_map(|p| DETAIL_PARTS.iter().find(|(name, _)| *name == p))
                .map(|(_, text)| t.text(*text, &[]))
                .collect();
            return t.text(Text::WarnDetailsIncomplete, &[id, &words.join(", ")]);
        }
        return warning.message.clone();
    }
    match SENTENCES.iter().find(|(code, _, _)| *code == warning.code) {
        Some((_, text, count)) if *count == params.len() => {
            let subs: Vec<&str> = params.iter().map(String::as_str).collect();
            t.text(*text, &subs)
        }
        _ => warning.message.clone(),
    }
}

/// A warning with its message in the language `t` speaks.
fn localized(warning: &Warning, t: &dyn Translate) -> Warning {
    Warning {
        message: say(warning, t),
        ..warning.clone()
    }
}

/// The file with every warning's message in the language `t` speaks: the backup's and each
/// order's. Codes and values stay as they are.
pub fn localize_file(file: &BackupFileV1, t: &dyn Translate) -> BackupFileV1 {
    let mut out = file.clone();
    out.warnings = file.warnings.iter().map(|w| localized(w, t)).collect();
    for order in &mut out.orders {
        for warning in &mut order.warnings {
            *warning = localized(warning, t);
        }
    }
    out
}
