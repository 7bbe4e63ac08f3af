//! Importing a backup file: the saved-backups page takes back a JSON file this assistant
//! wrote (after a reinstall, or on another computer). A file is checked against everything
//! `docs/backup-format.schema.json` requires before anything is saved; a file that fails
//! any check is refused, whole, with the reason, and nothing saved is touched.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::backup::{Backup, BackupFileV1, StoredOrder, FORMAT, FORMAT_VERSION};
use super::money::Money;
use super::order::{Item, Order, Warning};
use super::review::Review;
use super::site::site_of_host;

/// Why a file can't be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not this assistant's backup (no `format: aliexpress-order-backup`).
    NotABackup,
    /// A backup of a `format_version` this version can't read.
    NewerVersion(u64),
    /// A backup that breaks the format; the detail names where, for the user to report.
    Invalid(String),
}

/// The largest file an import reads: about 50,000 orders. Reading a file takes a few times
/// its size in memory, so a larger one is refused, with the reason, before it is read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Just enough to tell which kind of file this is before reading it whole.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Reads and checks a backup file's text.
pub fn read_backup_file(text: &str) -> Result<BackupFileV1, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    // The header first, skipping the rest: no copy of the whole file is built in memory.
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotABackup,
        _ => ImportError::NotJson,
    })?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match header.format_version.as_ref().and_then(|v| v.as_u64()) {
        // Version 1 lacks the orders' `warnings` and `read_by`, which read as none.
        Some(v) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => return Err(ImportError::NewerVersion(v)),
        _ => return Err(ImportError::Invalid("format_version is not 1 or 2".into())),
    }
    let file: BackupFileV1 =
        serde_json::from_str(text).map_err(|e| ImportError::Invalid(e.to_string()))?;
    check(&file).map_err(ImportError::Invalid)?;
    Ok(file)
}

/// What the schema asks beyond the types serde already checked.
fn check(file: &BackupFileV1) -> Result<(), String> {
    // The site names the saved backup and is shown: only an AliExpress host will do.
    if file.site.is_empty()
        || !file
            .site
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        || site_of_host(&file.site).is_none()
    {
        return Err(format!("site \"{}\" is not an AliExpress host", file.site));
    }
    if !is_timestamp(&file.exported_at) {
        return Err(format!(
            "exported_at \"{}\" is not a timestamp",
            file.exported_at
        ));
    }
    for warning in &file.warnings {
        if !is_code(&warning.code) {
            return Err(format!("warning code \"{}\" is malformed", warning.code));
        }
    }
    for (n, review) in file.reviews.iter().flat_map(|l| &l.reviews).enumerate() {
        check_review(review).map_err(|e| format!("review {}: {e}", n + 1))?;
    }
    let mut ids = BTreeSet::new();
    for (n, order) in file.orders.iter().enumerate() {
        check_order(order).map_err(|e| format!("order {} ({}): {e}", n + 1, order.id))?;
        if !ids.insert(order.id.as_str()) {
            return Err(format!("order {} appears twice", order.id));
        }
    }
    Ok(())
}

/// A review: the schema's stars, digits and date.
fn check_review(review: &Review) -> Result<(), String> {
    let ids = [&review.order_id, &review.product_id];
    if !review.stars.is_none_or(|s| (1..=5).contains(&s)) {
        Err("stars are not 1 to 5".to_owned())
    } else if !ids.iter().all(|id| id.as_deref().is_none_or(all_digits)) {
        Err("an order or product id is not digits".to_owned())
    } else if !review.date.as_deref().is_none_or(is_date) {
        Err("date is not YYYY-MM-DD".to_owned())
    } else {
        Ok(())
    }
}

/// A warning's code: lower-case words joined by `_`.
fn is_code(code: &str) -> bool {
    !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

fn check_order(order: &Order) -> Result<(), String> {
    if !(10..=20).contains(&order.id.len()) || !order.id.chars().all(|c| c.is_ascii_digit()) {
        return Err("the order number is not 10 to 20 digits".into());
    }
    if let Some(date) = &order.placed_on {
        if !is_date(date) {
            return Err(format!("placed_on \"{date}\" is not a date"));
        }
    }
    check_url(Some(&order.detail_url), "detail_url")?;
    if let Some(w) = order.warnings.iter().find(|w| !is_code(&w.code)) {
        return Err(format!("warning code \"{}\" is malformed", w.code));
    }
    check_url(order.store.url.as_deref(), "store url")?;
    check_money(order.total.as_ref(), "total")?;
    for (n, item) in order.items.iter().enumerate() {
        check_item(item).map_err(|e| format!("item {}: {e}", n + 1))?;
    }
    Ok(())
}

fn check_item(item: &Item) -> Result<(), String> {
    if item.quantity < 1 {
        return Err("quantity is below 1".into());
    }
    check_money(item.unit_price.as_ref(), "unit_price")?;
    check_url(item.product_url.as_deref(), "product_url")?;
    check_url(item.image_url.as_deref(), "image_url")
}

fn check_url(url: Option<&str>, what: &str) -> Result<(), String> {
    match url {
        Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => {
            Err(format!("{what} is not an http(s) address"))
        }
        _ => Ok(()),
    }
}

fn check_money(money: Option<&Money>, what: &str) -> Result<(), String> {
    let Some(m) = money else { return Ok(()) };
    let decimal = match m.amount.split_once('.') {
        Some((whole, part)) => all_digits(whole) && all_digits(part),
        None => all_digits(&m.amount),
    };
    if !decimal {
        return Err(format!(
            "{what} amount \"{}\" is not a decimal number",
            m.amount
        ));
    }
    if m.currency.len() != 3 || !m.currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "{what} currency \"{}\" is not an ISO code",
            m.currency
        ));
    }
    Ok(())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0..4, 5..7, 8..10]
            .iter()
            .all(|r| s.get(r.clone()).is_some_and(all_digits))
}

/// `YYYY-MM-DDThh:mm:ss`, optional fraction, then `Z` or an offset.
fn is_timestamp(s: &str) -> bool {
    let Some((date, time)) = s.split_once('T') else {
        return false;
    };
    // Byte positions below: a text with other than ASCII is no timestamp (and must not be
    // cut inside a character).
    if !is_date(date) || time.len() < 9 || !time.is_ascii() {
        return false;
    }
    let (clock, zone) = time.split_at(8);
    let clock_ok = clock.as_bytes()[2] == b':'
        && clock.as_bytes()[5] == b':'
        && [0..2, 3..5, 6..8]
            .iter()
            .all(|r| all_digits(&clock[r.clone()]));
    let zone = match zone.strip_prefix('.') {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    };
    let zone_ok = zone == "Z"
        || (zone.len() == 6
            && (zone.starts_with('+') || zone.starts_with('-'))
            && zone.as_bytes()[3] == b':'
            && all_digits(&zone[1..3])
            && all_digits(&zone[4..6]));
    clock_ok && zone_ok
}

/// Warnings that [`Backup::gaps`] works out again from the orders; the rest are kept as they
/// were, so an imported backup is exactly as complete as the file said.
const RECOMPUTED: [&str; 4] = [
    "list_not_finished",
    "details_missing",
    "count_mismatch",
    "orders_without_items",
];

/// The orders a `details_missing` warning names (after its last `: `), so that a later run
/// on the site still reads their detail pages.
fn missing_details(warnings: &[Warning]) -> BTreeSet<&str> {
    warnings
        .iter()
        .filter(|w| w.code == "details_missing")
        .filter_map(|w| w.message.rsplit_once(": "))
        .flat_map(|(_, ids)| ids.split(", "))
        .collect()
}

impl Backup {
    /// The saved backup a checked file becomes. Its orders count as fully read, except those
    /// the file says still need their detail page.
    pub fn from_file(file: &BackupFileV1, now: &str) -> Backup {
        let count = file.orders.len() as u64;
        let missing = missing_details(&file.warnings);
        let orders: BTreeMap<String, StoredOrder> = file
            .orders
            .iter()
            .enumerate()
            .map(|(n, order)| {
                let unread = missing.contains(order.id.as_str());
                let stored = StoredOrder {
                    order: order.clone(),
                    needs_detail: unread,
                    detailed: !unread,
                    opens_detail: unread,
                    position: n as u64 + 1,
                };
                (order.id.clone(), stored)
            })
            .collect();
        let mut backup = Backup {
            address_book: file.address_book.clone(),
            reviews: file.reviews.clone(),
            // A file of an earlier version names the host it was read on: the backup is the
            // site's (`www.` and `pt.` are one `aliexpress.com`).
            site: super::site::backup_site(&file.site),
            started_at: file.exported_at.clone(),
            updated_at: now.to_owned(),
            list_exhausted: !file.warnings.iter().any(|w| w.code == "list_not_finished"),
            stated_count: file.stated_count,
            events: file
                .warnings
                .iter()
                .filter(|w| !RECOMPUTED.contains(&w.code.as_str()))
                .cloned()
                .collect::<Vec<Warning>>(),
            short_pages: 0,
            unfinished_stated: None,
            deleted_tab_found: None,
            all_time_confirmed: None,
            in_progress: false,
            continue_paging: false,
            orders,
            next_position: count,
            chunks: 0,
            digest: None,
            watch: None,
            // A file is what it says: the import read it whole.
            refreshed: None,
            dirty: Default::default(),
        };
        backup.dirty.chunks.extend(0..backup.chunk_count());
        backup
    }
}
