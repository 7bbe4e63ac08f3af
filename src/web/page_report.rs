//! Saving a page report from the panel (`core::page_report`, `docs/page-report.md`): the
//! content script walks the live page and reads it with each reader; the background
//! scrambles it into one file and saves it to the user's downloads. Nothing is sent.

#[cfg(feature = "content")]
pub use walk::save;

#[cfg(feature = "content")]
mod walk {
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, Node};

    use crate::core::message::{SavedFile, ToBackground};
    use crate::core::page::PageKind;
    use crate::core::page_report::{kept_attribute, read_page, Piece, EMPTIED, LEFT_OUT};

    use super::super::dom::WebNode;
    use super::super::error::WebError;

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
        let saved: SavedFile = super::super::ext_api::ask_background(&request).await?;
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
}

/// The background's side of [`ToBackground::PageReport`]: the report file, scrambled with a
/// key drawn for it alone and then forgotten.
///
/// [`ToBackground::PageReport`]: crate::core::message::ToBackground::PageReport
#[cfg(feature = "pages")]
pub fn report_file(
    url: &str,
    found: crate::core::page_report::Reading,
    pieces: &[crate::core::page_report::Piece],
) -> Result<crate::core::message::ExportedFile, super::error::WebError> {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let today = now.get(..10).unwrap_or_default();
    // To the second, so two reports of one day don't share a name (`2026-12-03-174855`).
    let stamp = format!(
        "{today}-{}",
        now.get(11..19).unwrap_or_default().replace(':', "")
    );
    let report = crate::core::page_report::write_report(
        url,
        found,
        pieces,
        random_key(),
        super::download::GENERATOR,
        today,
    );
    Ok(crate::core::message::ExportedFile {
        name: format!("aliexpress-page-report-{stamp}.json"),
        mime: "application/json".to_owned(),
        content: serde_json::to_string_pretty(&report)
            .map_err(|e| super::error::WebError::new(e.to_string()))?,
    })
}

/// 64 random bits from `crypto.getRandomValues` (in windows and workers alike), else from
/// `Math.random`.
#[cfg(feature = "pages")]
fn random_key() -> u64 {
    use wasm_bindgen::JsCast;
    let words = js_sys::Uint32Array::new_with_length(2);
    let filled = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .and_then(|crypto| {
            let fill = js_sys::Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
            fill.dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&crypto, &words)
                .ok()
        });
    if filled.is_none() {
        for i in 0..2 {
            words.set_index(i, (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
        }
    }
    (u64::from(words.get_index(0)) << 32) | u64::from(words.get_index(1))
}
