//! Turning core's [`Text`] keys into strings.

use crate::core::backup::Summary;
use crate::core::text::Text;

use super::ext_api;

pub use crate::core::text::Translate;

/// A backup's summary as three lines: counts, years, totals per currency.
pub fn summary_lines(t: &dyn Translate, summary: &Summary) -> Vec<String> {
    let years = match (summary.years.first(), summary.years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.clone(),
        _ => String::new(),
    };
    let totals = summary
        .totals
        .iter()
        .map(|(c, a)| format!("{c} {a}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut lines = vec![
        t.text(
            Text::SummaryCounts,
            &[&summary.orders.to_string(), &summary.items.to_string()],
        ),
        t.text(Text::SummaryYears, &[&years]),
        t.text(Text::SummaryTotals, &[&totals]),
    ];
    if summary.deleted > 0 {
        lines.push(t.text(Text::SummaryDeleted, &[&summary.deleted.to_string()]));
    }
    if summary.all_time_unconfirmed {
        let oldest = summary.years.first().cloned().unwrap_or_default();
        lines.push(t.text(Text::SummaryAllTimeUnconfirmed, &[&oldest]));
    }
    if summary.deleted_tab_missing {
        lines.push(t.text(Text::SummaryDeletedTabMissing, &[]));
    }
    if summary.with_warnings > 0 {
        lines.push(t.text(
            Text::SummaryOrderWarnings,
            &[&summary.with_warnings.to_string()],
        ));
    }
    lines
}

/// `chrome.i18n`, following the browser's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChromeI18n;

impl Translate for ChromeI18n {
    fn text(&self, text: Text, substitutions: &[&str]) -> String {
        ext_api::message(text.key(), substitutions)
    }
}
