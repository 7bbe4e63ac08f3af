//! The backup's downloadable files: lossless JSON, and two CSVs (one row per order, one row
//! per item) that follow RFC 4180 and open safely in spreadsheets; the report (`report.rs`) and
//! the spreadsheet (`xlsx.rs`) are made elsewhere.

use super::backup::BackupFileV1;
use super::money::Money;
use super::order::Order;
use super::text::{Text, Translate};

/// The byte-order mark, so spreadsheet programs read the CSV as UTF-8.
const UTF8_BOM: &str = "\u{feff}";

/// The JSON file, pretty-printed.
pub fn to_json(file: &BackupFileV1) -> String {
    serde_json::to_string_pretty(file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The orders' columns, by their headings: the orders CSV and the spreadsheet's Orders sheet
/// alike. The headings follow the user's language; the JSON's keys never do.
pub const ORDER_COLUMNS: [Text; 14] = [
    Text::ColOrderId,
    Text::ReportDate,
    Text::ReportStatus,
    Text::ColState,
    Text::ReportStore,
    Text::ColStoreLink,
    Text::ReportTotal,
    Text::ReportCurrency,
    Text::ColTotalAsShown,
    Text::ReportItems,
    Text::ColTracking,
    Text::ColOrderLink,
    Text::ColNotes,
    Text::ColWarnings,
];

/// The items' columns, by their headings: the items CSV and the Items sheet alike.
pub const ITEM_COLUMNS: [Text; 12] = [
    Text::ColOrderId,
    Text::ReportDate,
    Text::ColOrderStatus,
    Text::ReportStore,
    Text::ColTitle,
    Text::ColVariant,
    Text::ColQuantity,
    Text::ColUnitPrice,
    Text::ReportCurrency,
    Text::ColUnitPriceAsShown,
    Text::ColProductLink,
    Text::ColPictureLink,
];

/// Columns' headings in the language `t` speaks.
pub fn headings(columns: &[Text], t: &dyn Translate) -> Vec<String> {
    columns.iter().map(|&c| t.text(c, &[])).collect()
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

/// The order's state as the JSON names it (`awaiting_payment`, `completed`…).
pub(super) fn state_name(order: &Order) -> String {
    serde_json::to_value(order.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn csv(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from(UTF8_BOM);
    let header: Vec<String> = header.iter().map(|h| csv_cell(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Characters that make a spreadsheet read a cell as a formula when they start it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One RFC 4180 field, safe to open in any spreadsheet, whatever its list separator.
///
/// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so it shows as text. Spreadsheets in locales whose
/// list separator is `;` (Excel in German, French, Spanish, Polish, Portuguese, Russian…) split
/// our lines on `;` and ignore our quotes, so every part of a cell after a `,` or a `;` could
/// start a cell there: each such part is neutralised the same way (`x;=1+1;` → `x;'=1+1;`).
/// The JSON keeps every text exactly. <https://owasp.org/www-community/attacks/CSV_Injection>
pub fn csv_cell(value: &str) -> String {
    let mut neutral = String::with_capacity(value.len() + 1);
    // Whether the next character could start a cell: at the start, after a separator, and
    // after the spaces and quotes a spreadsheet skips there.
    let mut starts = true;
    for c in value.chars() {
        if starts && FORMULA_STARTS.contains(&c) {
            neutral.push('\'');
        }
        neutral.push(c);
        starts = matches!(c, ',' | ';') || (starts && matches!(c, ' ' | '"'));
    }
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_neutralised() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("", ""),
            ("Concluído ✓", "Concluído ✓"),
        ];
        for (value, want) in cases {
            assert_eq!(csv_cell(value), want, "{value:?}");
        }
    }
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
    /// The spreadsheet: Orders and Items sheets (`core::xlsx`).
    Xlsx,
}

impl ExportKind {
    /// Every kind, in the order the buttons show them.
    pub const ALL: [ExportKind; 5] = [
        ExportKind::Json,
        ExportKind::CsvOrders,
        ExportKind::CsvItems,
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
