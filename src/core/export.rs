//! The backup's downloadable files: lossless JSON, and three CSVs (one row per order, per
//! item, per saved address) that follow RFC 4180 and open safely in spreadsheets (`csv.rs`);
//! the report (`report.rs`) and the spreadsheet (`xlsx.rs`) are made elsewhere.

use super::address::{address_rows, ADDRESS_COLUMNS};
use super::backup::BackupFileV1;
use super::columns::{detail_columns, headings, state_name, ITEM_COLUMNS, ORDER_COLUMNS};
use super::csv::csv;
pub use super::csv::csv_cell;
use super::money::Money;
use super::review::{review_rows, REVIEW_COLUMNS};
use super::text::Translate;

/// The JSON file, pretty-printed.
pub fn to_json(file: &BackupFileV1) -> String {
    serde_json::to_string_pretty(file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One row per order, under [`ORDER_COLUMNS`].
pub fn orders_csv(file: &BackupFileV1, t: &dyn Translate) -> String {
    let rows = file.orders.iter().map(|o| {
        let [amount, currency, shown] = money_columns(o.total.as_ref());
        vec![
            o.id.clone(),
            o.placed_on.clone().unwrap_or_default(),
            o.status.clone(),
            state_name(o),
            o.store.name.clone(),
            o.store.url.clone().unwrap_or_default(),
            amount,
            currency,
            shown,
            o.items.iter().map(|i| i.quantity).sum::<u32>().to_string(),
            o.tracking_numbers.join(" "),
            o.detail_url.clone(),
            o.notes.join(" | "),
            o.warnings
                .iter()
                .map(|w| w.message.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ]
        .into_iter()
        .chain(detail_columns(o))
        .collect()
    });
    csv(&headings(&ORDER_COLUMNS, t), rows)
}

/// An amount's three columns: the exact amount, its currency, and as the page showed it;
/// empty where there is none.
fn money_columns(money: Option<&Money>) -> [String; 3] {
    money.map_or_else(Default::default, |m| {
        [m.amount.clone(), m.currency.clone(), m.display.clone()]
    })
}

/// One row per line item, under [`ITEM_COLUMNS`].
pub fn items_csv(file: &BackupFileV1, t: &dyn Translate) -> String {
    let rows = file.orders.iter().flat_map(|o| {
        o.items.iter().map(move |i| {
            let [amount, currency, shown] = money_columns(i.unit_price.as_ref());
            vec![
                o.id.clone(),
                o.placed_on.clone().unwrap_or_default(),
                o.status.clone(),
                o.store.name.clone(),
                i.title.clone(),
                i.variant.clone().unwrap_or_default(),
                i.quantity.to_string(),
                amount,
                currency,
                shown,
                i.product_url.clone().unwrap_or_default(),
                i.image_url.clone().unwrap_or_default(),
            ]
        })
    });
    csv(&headings(&ITEM_COLUMNS, t), rows)
}

/// The files a backup can be downloaded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// The lossless JSON file.
    Json,
    /// One CSV row per order.
    CsvOrders,
    /// One CSV row per item.
    CsvItems,
    /// The offline HTML report.
    Report,
    /// The spreadsheet: Orders and Items sheets, and the saved addresses once read
    /// (`core::xlsx`).
    Xlsx,
    /// One CSV row per saved address.
    CsvAddresses,
    /// One CSV row per review the user wrote.
    CsvReviews,
}

impl ExportKind {
    /// Every kind, in the order the buttons show them.
    pub const ALL: [ExportKind; 7] = [
        ExportKind::Json,
        ExportKind::CsvOrders,
        ExportKind::CsvItems,
        ExportKind::CsvAddresses,
        ExportKind::CsvReviews,
        ExportKind::Xlsx,
        ExportKind::Report,
    ];

    /// The button's label.
    pub fn label(self) -> super::text::Text {
        use super::text::Text;
        match self {
            ExportKind::Json => Text::DownloadJson,
            ExportKind::CsvOrders => Text::DownloadCsvOrders,
            ExportKind::CsvItems => Text::DownloadCsvItems,
            ExportKind::Report => Text::DownloadReport,
            ExportKind::Xlsx => Text::DownloadXlsx,
            ExportKind::CsvAddresses => Text::DownloadCsvAddresses,
            ExportKind::CsvReviews => Text::DownloadCsvReviews,
        }
    }

    /// File name, MIME type and content of the file for a backup file, dated `YYYY-MM-DD`.
    /// Only the spreadsheet can fail to be made (its writer's own error).
    /// `t` gives the report its words.
    pub fn render(
        self,
        file: &BackupFileV1,
        date: &str,
        t: &dyn Translate,
    ) -> Result<(String, &'static str, Vec<u8>), String> {
        // Every warning in the user's language, in every kind of file.
        let file = &super::warning_text::localize_file(file, t);
        let date_name = |stem: &str, ext: &str| format!("aliexpress-{stem}-{date}.{ext}");
        Ok(match self {
            ExportKind::Json => (
                date_name("orders", "json"),
                "application/json",
                to_json(file).into_bytes(),
            ),
            ExportKind::CsvOrders => (
                date_name("orders", "csv"),
                "text/csv;charset=utf-8",
                orders_csv(file, t).into_bytes(),
            ),
            ExportKind::CsvItems => (
                date_name("items", "csv"),
                "text/csv;charset=utf-8",
                items_csv(file, t).into_bytes(),
            ),
            ExportKind::CsvAddresses => (
                date_name("addresses", "csv"),
                "text/csv;charset=utf-8",
                csv(
                    &headings(&ADDRESS_COLUMNS, t),
                    address_rows(file.address_book.as_ref())
                        .into_iter()
                        .map(Vec::from),
                )
                .into_bytes(),
            ),
            ExportKind::CsvReviews => (
                date_name("reviews", "csv"),
                "text/csv;charset=utf-8",
                csv(
                    &headings(&REVIEW_COLUMNS, t),
                    review_rows(file.reviews.as_ref())
                        .into_iter()
                        .map(Vec::from),
                )
                .into_bytes(),
            ),
            ExportKind::Report => (
                date_name("orders", "html"),
                "text/html;charset=utf-8",
                super::report::report_html(file, t).into_bytes(),
            ),
            ExportKind::Xlsx => (
                date_name("orders", "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                super::xlsx::workbook(file, t).map_err(|e| e.to_string())?,
            ),
        })
    }
}
