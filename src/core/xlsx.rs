//! The spreadsheet export (issue 16, point 4): one `.xlsx` workbook with an Orders sheet, an
//! Items sheet and, where the address book and the feedback page were read, Addresses and
//! Reviews sheets: the same columns as the CSVs (`columns::ORDER_COLUMNS`, `ITEM_COLUMNS`,
//! `address::ADDRESS_COLUMNS`, `review::REVIEW_COLUMNS`), written by `rust_xlsxwriter`.
//!
//! What a spreadsheet user expects, and the CSVs can't promise:
//! - dates are real dates (`yyyy-mm-dd`), so they sort and filter as dates;
//! - amounts are numbers, with their currency in the next column (never added across
//!   currencies by us);
//! - order ids, tracking numbers and links are text, so a 16-digit id is never rounded to
//!   `8.21230E+15`, as nrbrook's exporter's users found;
//! - every text is written as a string cell, which a spreadsheet never runs as a formula.
//!
//! The exact amount stays in the JSON and the CSVs; the text as the page showed it is a column
//! here too.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::address::{address_row, ADDRESS_COLUMNS};
use super::backup::BackupFileV1;
use super::columns::{detail_columns, headings, state_name, ITEM_COLUMNS, ORDER_COLUMNS};
use super::money::Money;
use super::order::Order;
use super::review::{Review, REVIEW_COLUMNS};
use super::text::{Text, Translate};

/// The longest text a cell holds (Excel's limit); longer page text is cut there.
const CELL_CHARS: usize = 32_767;

/// A cell's value.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
    /// `YYYY-MM-DD`; anything else is kept as text.
    Date(Option<&'a str>),
    Empty,
}

/// The workbook for a backup file, as the bytes of an `.xlsx` file; its sheets' names and
/// headings in the language `t` speaks.
pub fn workbook(file: &BackupFileV1, t: &dyn Translate) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let heading = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");

    let orders = book
        .add_worksheet()
        .set_name(t.text(Text::ReportOrders, &[]))?;
    let rows = file.orders.iter().map(order_row);
    write_sheet(orders, &headings(&ORDER_COLUMNS, t), rows, &heading, &date)?;

    let items = book
        .add_worksheet()
        .set_name(t.text(Text::ReportItems, &[]))?;
    let rows = file.orders.iter().flat_map(item_rows);
    write_sheet(items, &headings(&ITEM_COLUMNS, t), rows, &heading, &date)?;

    // Where the address book was read: every line is text, phone numbers included.
    if let Some(book_of_addresses) = &file.address_book {
        let sheet = book
            .add_worksheet()
            .set_name(t.text(Text::ReportAddresses, &[]))?;
        let rows = book_of_addresses
            .addresses
            .iter()
            .map(|a| address_row(a).into_iter().map(Cell::Owned).collect());
        write_sheet(sheet, &headings(&ADDRESS_COLUMNS, t), rows, &heading, &date)?;
    }

    // Where the feedback page was read: dates as dates, stars and photos as numbers, ids as
    // text.
    if let Some(log) = &file.reviews {
        let sheet = book
            .add_worksheet()
            .set_name(t.text(Text::ReportReviews, &[]))?;
        let rows = log.reviews.iter().map(review_cells);
        write_sheet(sheet, &headings(&REVIEW_COLUMNS, t), rows, &heading, &date)?;
    }

    book.save_to_buffer()
}

/// One review, under `REVIEW_COLUMNS`.
fn review_cells(r: &Review) -> Vec<Cell<'_>> {
    fn text(f: &Option<String>) -> Cell<'_> {
        f.as_deref().map_or(Cell::Empty, Cell::Text)
    }
    vec![
        Cell::Date(r.date.as_deref()),
        text(&r.order_id),
        text(&r.product),
        text(&r.product_id),
        r.stars.map_or(Cell::Empty, |s| Cell::Number(f64::from(s))),
        text(&r.text),
        Cell::Number(f64::from(r.photos)),
        Cell::Owned(r.shown.join(" · ")),
    ]
}

/// One order, under `ORDER_COLUMNS`.
fn order_row(o: &Order) -> Vec<Cell<'_>> {
    let (total, currency) = money_cells(o.total.as_ref());
    vec![
        Cell::Text(&o.id),
        Cell::Date(o.placed_on.as_deref()),
        Cell::Text(&o.status),
        Cell::Owned(state_name(o)),
        Cell::Text(&o.store.name),
        o.store.url.as_deref().map_or(Cell::Empty, Cell::Text),
        total,
        currency,
        shown(o.total.as_ref()),
        Cell::Number(f64::from(o.items.iter().map(|i| i.quantity).sum::<u32>())),
        Cell::Owned(o.tracking_numbers.join(" ")),
        Cell::Text(&o.detail_url),
        Cell::Owned(o.notes.join(" | ")),
        Cell::Owned(
            o.warnings
                .iter()
                .map(|w| w.message.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ),
    ]
    .into_iter()
    .chain(detail_columns(o).map(Cell::Owned))
    .collect()
}

/// An order's items, each under `ITEM_COLUMNS`.
fn item_rows(o: &Order) -> impl Iterator<Item = Vec<Cell<'_>>> {
    o.items.iter().map(move |i| {
        let (price, currency) = money_cells(i.unit_price.as_ref());
        vec![
            Cell::Text(&o.id),
            Cell::Date(o.placed_on.as_deref()),
            Cell::Text(&o.status),
            Cell::Text(&o.store.name),
            Cell::Text(&i.title),
            i.variant.as_deref().map_or(Cell::Empty, Cell::Text),
            Cell::Number(f64::from(i.quantity)),
            price,
            currency,
            shown(i.unit_price.as_ref()),
            i.product_url.as_deref().map_or(Cell::Empty, Cell::Text),
            i.image_url.as_deref().map_or(Cell::Empty, Cell::Text),
        ]
    })
}

/// An amount as a number and its currency code beside it; both empty where there is none.
fn money_cells(money: Option<&Money>) -> (Cell<'_>, Cell<'_>) {
    match money.and_then(|m| m.amount.parse::<f64>().ok().map(|n| (n, m))) {
        Some((amount, m)) => (Cell::Number(amount), Cell::Text(&m.currency)),
        None => (Cell::Empty, Cell::Empty),
    }
}

/// An amount as the page showed it, as text.
fn shown(money: Option<&Money>) -> Cell<'_> {
    money.map_or(Cell::Empty, |m| Cell::Text(&m.display))
}

fn write_sheet<'a>(
    sheet: &mut Worksheet,
    columns: &[String],
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
    heading: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    for (col, name) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, name, heading)?;
    }
    let mut last_row = 0;
    for (row, cells) in (1u32..).zip(rows) {
        last_row = row;
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(sheet, row, col, cell, date)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: Cell,
    date: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => text_cell(sheet, row, col, text),
        Cell::Owned(text) => text_cell(sheet, row, col, &text),
        Cell::Number(n) => sheet.write_number(row, col, n).map(drop),
        Cell::Date(Some(day)) => match ymd(day) {
            Some(value) => sheet
                .write_datetime_with_format(row, col, value, date)
                .map(drop),
            None => text_cell(sheet, row, col, day),
        },
        Cell::Date(None) | Cell::Empty => Ok(()),
    }
}

/// A text cell; empty text leaves the cell empty.
fn text_cell(sheet: &mut Worksheet, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(());
    }
    let text = match text.char_indices().nth(CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    sheet.write_string(row, col, text).map(drop)
}

/// `YYYY-MM-DD` as a spreadsheet date.
fn ymd(day: &str) -> Option<ExcelDateTime> {
    let mut parts = day.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    ExcelDateTime::from_ymd(year, month, day).ok()
}
