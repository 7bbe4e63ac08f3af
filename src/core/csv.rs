//! CSV files as spreadsheets read them safely: RFC 4180 fields, UTF-8 with a byte-order mark,
//! and no cell a spreadsheet would run as a formula.

/// The byte-order mark, so spreadsheet programs read the CSV as UTF-8.
const UTF8_BOM: &str = "\u{feff}";

/// A CSV file: the byte-order mark, the header, then one line per row, CRLF line ends.
pub fn csv(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
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
