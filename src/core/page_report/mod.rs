//! The page report (`docs/page-report.md`): one file the user can attach to a bug report
//! when the assistant can't read a page, or reads it wrong. It keeps the page's structure
//! (tags, class names, `data-pl`, the attributes the readers use) with every text and number
//! scrambled, and says what each reader found there. Nothing is sent anywhere.
//!
//! The content script walks the page into [`Piece`]s and reads it ([`reading`]); the
//! background scrambles the pieces into HTML ([`write_report`]), so the scrambling's code and
//! tables never load on AliExpress's pages.

pub mod reading;
pub mod scramble;
mod vocabulary;

use serde::{Deserialize, Serialize};

pub use reading::{read_page, Reading, RecordsReading};
use scramble::Scrambler;

/// What a report file says it is.
pub const REPORT_KIND: &str = "exit-assistant-page-report";

/// The report format's version: raised when its fields change.
pub const REPORT_VERSION: u32 = 1;

/// The page as the content script walked it, in document order: an element opens, its text
/// and children follow, it closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Piece {
    /// An element opens: its tag (lower case) and the attributes [`kept_attribute`] keeps.
    Open(String, Vec<(String, String)>),
    /// A text.
    Text(String),
    /// The last open element closes.
    Close,
}

/// Elements left out whole: code, styles, the document's head, and what no reader looks at.
pub const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "link", "meta", "iframe", "object", "embed",
];

/// Elements kept without their children: drawings.
pub const EMPTIED: &[&str] = &["svg", "canvas", "video", "audio", "picture"];

/// How an attribute is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// As it is: class names, `data-pl`, roles and states are the page's, not the shopper's.
    AsIs,
    /// With its numbers scrambled: ids and names can carry an order number.
    Numbers,
    /// Scrambled as text: labels, titles, values.
    Text,
    /// Scrambled as a link.
    Link,
}

/// Whether the report keeps an attribute, and how. Everything else (images' sources, styles,
/// event handlers, tracking data) is left out.
pub fn kept_attribute(name: &str) -> Option<Kept> {
    Some(match name {
        "class" | "data-pl" | "data-spm" | "role" | "type" | "lang" | "dir" | "tabindex"
        | "disabled" | "hidden" | "selected" | "checked" | "aria-selected" | "aria-current"
        | "aria-disabled" | "aria-expanded" | "aria-hidden" | "aria-haspopup" | "aria-checked"
        | "aria-modal" | "aria-live" => Kept::AsIs,
        "id" | "name" | "for" | "aria-controls" | "aria-labelledby" | "aria-describedby" => {
            Kept::Numbers
        }
        "aria-label" | "title" | "alt" | "value" | "placeholder" | "data-clipboard-text" => {
            Kept::Text
        }
        "href" => Kept::Link,
        _ => return None,
    })
}

/// A page report file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageReport {
    /// Always [`REPORT_KIND`].
    pub kind: String,
    /// [`REPORT_VERSION`].
    pub report_version: u32,
    /// The assistant and its version.
    pub made_by: String,
    /// The day it was made (ISO).
    pub made_on: String,
    /// The page's address, scrambled as a link.
    pub url: String,
    /// What each reader found on the page when the report was made.
    pub found: Reading,
    /// The page, scrambled.
    pub html: String,
}

/// Makes the report: scrambles the page's address and pieces with `key`.
pub fn write_report(
    url: &str,
    found: Reading,
    pieces: &[Piece],
    key: u64,
    made_by: &str,
    made_on: &str,
) -> PageReport {
    let scrambler = Scrambler::new(key);
    PageReport {
        kind: REPORT_KIND.to_owned(),
        report_version: REPORT_VERSION,
        made_by: made_by.to_owned(),
        made_on: made_on.to_owned(),
        url: scrambler.link(url),
        found,
        html: write_html(pieces, &scrambler),
    }
}

/// Elements that have no closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The pieces as an HTML document, every text and kept attribute scrambled and escaped.
fn write_html(pieces: &[Piece], scrambler: &Scrambler) -> String {
    let mut out = String::from("<!DOCTYPE html>\n");
    let mut open: Vec<String> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Open(tag, attributes) => {
                let tag = safe_tag(tag);
                out.push('<');
                out.push_str(&tag);
                for (name, value) in attributes {
                    let Some(kept) = kept_attribute(name) else {
                        continue;
                    };
                    let value = match kept {
                        Kept::AsIs => value.clone(),
                        Kept::Numbers => scrambler.numbers_only(value),
                        Kept::Text => scrambler.text(value),
                        Kept::Link => scrambler.link(value),
                    };
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(&value, &mut out);
                    out.push('"');
                }
                out.push('>');
                if tag == "html" {
                    out.push_str("<head><meta charset=\"utf-8\"></head>");
                }
                open.push(tag);
            }
            Piece::Text(text) => escape(&scrambler.text(text), &mut out),
            Piece::Close => {
                if let Some(tag) = open.pop() {
                    if !VOID.contains(&tag.as_str()) {
                        out.push_str("</");
                        out.push_str(&tag);
                        out.push('>');
                    }
                }
            }
        }
    }
    while let Some(tag) = open.pop() {
        if !VOID.contains(&tag.as_str()) {
            out.push_str("</");
            out.push_str(&tag);
            out.push('>');
        }
    }
    out.push('\n');
    out
}

/// A tag name as written: letters, digits and hyphens, starting with a letter; any other
/// becomes `div`. Code and styles never come back in (`LEFT_OUT`).
fn safe_tag(tag: &str) -> String {
    let tag = tag.to_ascii_lowercase();
    let valid = tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid && !LEFT_OUT.contains(&tag.as_str()) {
        tag
    } else {
        "div".to_owned()
    }
}

/// Escapes text for HTML, in text and in attributes alike (the offline report's escaping).
fn escape(text: &str, out: &mut String) {
    out.push_str(&super::html::escape_html(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(tag: &str, attributes: &[(&str, &str)]) -> Piece {
        Piece::Open(
            tag.to_owned(),
            attributes
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn the_html_keeps_structure_and_drops_everything_active() {
        let pieces = [
            open("html", &[("lang", "en")]),
            open("body", &[("onload", "steal()")]),
            open(
                "div",
                &[
                    ("class", "order-item _3xK9z"),
                    ("data-pl", "order_item"),
                    ("style", "x"),
                ],
            ),
            Piece::Text("Anna <b>& co</b>".into()),
            open(
                "img",
                &[
                    ("src", "https://ae01.alicdn.com/kf/S1.jpg"),
                    ("alt", "Blue lamp"),
                ],
            ),
            Piece::Close,
            open("SCRIPT", &[]),
            Piece::Text("alert(1)".into()),
            Piece::Close,
            Piece::Close,
        ];
        let report = write_report(
            "https://www.aliexpress.com/p/order/index.html",
            Reading::default(),
            &pieces,
            3,
            "A 1",
            "2026-12-03",
        );
        let html = report.html;
        assert!(
            html.contains("<div class=\"order-item _3xK9z\" data-pl=\"order_item\">"),
            "{html}"
        );
        assert!(!html.contains("onload") && !html.contains("style=") && !html.contains("src="));
        assert!(!html.contains("Anna") && !html.contains("Blue lamp") && !html.contains("<b>"));
        assert!(html.contains("&lt;") && html.contains("&amp;"));
        assert!(!html.to_lowercase().contains("<script") && html.contains("<div>"));
        assert!(html.contains("<img alt=\"") && !html.contains("</img>"));
        assert!(
            html.ends_with("</body></html>\n"),
            "unclosed elements are closed: {html}"
        );
        assert_eq!(report.url, "https://www.aliexpress.com/p/order/index.html");
    }
}
