//! The backup file a backup is exported as (`docs/backup-format.md`), and the end-of-backup
//! summary the panel and the backup page show.

use crate::core::address::AddressBook;
use crate::core::review::ReviewLog;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::record::Backup;
use crate::core::money::sum_amounts;
use crate::core::order::{Order, Warning};

/// The `format` value of every backup file.
pub const FORMAT: &str = "aliexpress-order-backup";
/// The current `format_version`.
pub const FORMAT_VERSION: u32 = 3;

/// The end-of-backup summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Orders.
    pub orders: usize,
    /// Items (by quantity).
    pub items: usize,
    /// Years with orders, oldest first.
    pub years: Vec<String>,
    /// Total spent per ISO currency, exact.
    pub totals: Vec<(String, String)>,
    /// Orders with something that could not be read (their `warnings`).
    pub with_warnings: usize,
    /// Orders the user had deleted from the list, read on "Deleted orders".
    pub deleted: usize,
    /// The last pass looked for the "Deleted orders" tab and didn't find it.
    pub deleted_tab_missing: bool,
    /// The last pass found no time filter to confirm the list covered every year.
    pub all_time_unconfirmed: bool,
}

/// The backup file, `format_version: 3` (1 and 2 still import). Field names are a contract
/// (`docs/backup-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFileV1 {
    /// Always `aliexpress-order-backup`.
    pub format: String,
    /// [`FORMAT_VERSION`] when written; 1 to 3 when read.
    pub format_version: u32,
    /// When the file was written (ISO timestamp).
    pub exported_at: String,
    /// The host the orders were read on.
    pub site: String,
    /// True only when the whole history was read and nothing is missing.
    pub complete: bool,
    /// What is missing or went wrong; empty when complete.
    pub warnings: Vec<Warning>,
    /// The tool and version that wrote the file.
    pub generator: String,
    /// How many orders the page said it holds, where it said.
    pub stated_count: Option<u32>,
    /// Every order, newest first.
    pub orders: Vec<Order>,
    /// The address book's saved addresses, where they were read (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_book: Option<AddressBook>,
    /// The reviews the user wrote, where the feedback page was read (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewLog>,
}

impl Backup {
    /// The lossless file, as `format_version` [`FORMAT_VERSION`].
    pub fn to_file(&self, exported_at: &str, generator: &str) -> BackupFileV1 {
        let warnings = self.gaps();
        BackupFileV1 {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            exported_at: exported_at.to_owned(),
            site: self.site.clone(),
            complete: warnings.is_empty(),
            warnings,
            generator: generator.to_owned(),
            stated_count: self.stated_count,
            orders: self.sorted().into_iter().map(|s| s.order.clone()).collect(),
            address_book: self.address_book.clone(),
            reviews: self.reviews.as_ref().map(ReviewLog::for_file),
        }
    }

    /// Counts, years and totals for the end-of-backup summary.
    pub fn summary(&self) -> Summary {
        let orders = self.sorted();
        // Inserted one by one: collecting into a set sorts first, and sorting `String`s
        // would add a copy of the sort's code to the WASM.
        let mut years = BTreeSet::new();
        for s in &orders {
            if let Some(year) = s.order.placed_on.as_deref().and_then(|d| d.get(..4)) {
                years.insert(year.to_owned());
            }
        }
        let mut by_currency: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for s in &orders {
            if let Some(total) = &s.order.total {
                by_currency
                    .entry(total.currency.clone())
                    .or_default()
                    .push(&total.amount);
            }
        }
        Summary {
            orders: orders.len(),
            items: orders
                .iter()
                .map(|s| {
                    s.order
                        .items
                        .iter()
                        .map(|i| i.quantity as usize)
                        .sum::<usize>()
                })
                .sum(),
            years: years.into_iter().collect(),
            totals: by_currency
                .into_iter()
                .map(|(c, a)| (c, sum_amounts(a)))
                .collect(),
            with_warnings: orders
                .iter()
                .filter(|s| !s.order.warnings.is_empty())
                .count(),
            deleted: orders.iter().filter(|s| s.order.deleted).count(),
            deleted_tab_missing: self.deleted_tab_found == Some(false),
            all_time_unconfirmed: self.all_time_confirmed == Some(false),
        }
    }
}
