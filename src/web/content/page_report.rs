//! Saving a page report from the panel (`core::page_report`, `docs/page-report.md`): the
//! content script walks the live page and reads it with each reader; the background
//! scrambles it into one file and saves it to the user's downloads (`pages::page_report`).
//! Nothing is sent.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use crate::core::message::{SavedFile, ToBackground};
use crate::core::page::PageKind;
use crate::core::page_report::{kept_attribute, read_page, Piece, EMPTIED, LEFT_OUT};

use crate::web::dom::WebNode;
use crate::web::error::WebError;

/// What the assistant puts on pages: never part of a report.
const OURS: &str = "exit-assistant";

/// Makes the report of the page and has the background save it; returns the file's name.
pub async fn save(doc: &Document, kind: PageKind) -> Result<String, WebError> {
    let root = doc
        .document_element()
        .ok_or_else(|| WebError::new("no root element"))?;
    let url = doc.url()?;
    let found = read_page(&WebNode(root.clone()), &url, kind);
    let mut pieces = Vec::new();
    walk(&root, &mut pieces);
    let request = ToBackground::PageReport {
        url,
        found: Box::new(found),
        pieces,
    };
    let saved: SavedFile = crate::web::ext_api::ask_background(&request).await?;
    Ok(saved.name)
}

/// The element and what it holds, in document order.
fn walk(element: &Element, out: &mut Vec<Piece>) {
    let tag = element.local_name().to_ascii_lowercase();
    if LEFT_OUT.contains(&tag.as_str()) || element.id().starts_with(OURS) {
        return;
    }
    let attributes = element
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| kept_attribute(name).is_some())
        .filter_map(|name| element.get_attribute(&name).map(|value| (name, value)))
        .collect();
    out.push(Piece::Open(tag.clone(), attributes));
    if !EMPTIED.contains(&tag.as_str()) {
        let children = element.child_nodes();
        for i in 0..children.length() {
            let Some(node) = children.get(i) else {
                continue;
            };
            if let Some(child) = node.dyn_ref::<Element>() {
                walk(child, out);
            } else if node.node_type() == Node::TEXT_NODE {
                out.push(Piece::Text(node.text_content().unwrap_or_default()));
            }
        }
    }
    out.push(Piece::Close);
}
