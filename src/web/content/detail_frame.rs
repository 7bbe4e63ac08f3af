//! The content script inside a backup's hidden detail frame: read the order's detail page
//! where it is, on whichever AliExpress host it lives, and hand the reading back through
//! `chrome.storage.local` (see `core::detail_handoff`). No panel, no listeners: it reads once
//! and is done.

use web_sys::Document;

use crate::core::detail_handoff::{handoff_key, is_detail_of, order_of_frame, HandOff};
use crate::core::list_rules::DETAIL_LAYOUT;
use crate::core::parse::{detail_shows_items, parse_order_detail, price_folded};

use super::wait::until;
use crate::core::dom::DomNode;
use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::ext_api;

/// How long the detail page may take to show its items. The list's page waits longer than
/// this for the hand-off, so a page that never shows items is reported, not waited out.
const ITEMS_TIMEOUT_MS: u32 = 15_000;
/// How long the price breakdown may take to unfold once its control is pressed.
const UNFOLD_TIMEOUT_MS: u32 = 3_000;

/// Whether this document is in a frame (the assistant's panel belongs to the top page only).
pub fn is_framed() -> bool {
    web_sys::window().is_some_and(|window| {
        window
            .top()
            .ok()
            .flatten()
            .is_some_and(|top| !js_sys::Object::is(&window, &top))
    })
}

/// The order this document's frame was opened to read, if it is a backup's detail frame.
pub fn order_to_read() -> Option<String> {
    if !is_framed() {
        return None;
    }
    let name = web_sys::window()?.name().ok()?;
    order_of_frame(&name).map(str::to_owned)
}

/// Waits for the detail page to show its items (or the time-out), reads it, and hands the
/// reading back. A page that shows none is handed back too, with its warning, so the
/// list's page moves on at once.
pub async fn read_and_hand_back(doc: Document, order_id: String) -> Result<(), WebError> {
    let root = doc
        .document_element()
        .ok_or_else(|| WebError::new("empty detail page"))?;
    let probe = WebNode(root.clone());
    until(&root, ITEMS_TIMEOUT_MS, move || detail_shows_items(&probe)).await?;
    let url = crate::web::dom::document_url(&doc);
    // A frame named like ours on any other page (a page's script can name a frame) reads
    // nothing, and hands nothing back.
    if !is_detail_of(&url, &order_id) {
        return Ok(());
    }
    unfold_prices(&root).await;
    let detail = parse_order_detail(&WebNode(root), &url);
    ext_api::storage_set(&handoff_key(&order_id), &HandOff { url, detail }).await
}

/// Unfolds the price breakdown where it is folded (`docs/site-facts.md`, "Detail page"), and
/// waits for its rows. The control only shows and hides rows; it changes nothing on the
/// order. Still folded after the wait, the page is read as it shows; with no row at all, the
/// order's warning says the breakdown is missing. A failed wait never costs the reading.
async fn unfold_prices(root: &web_sys::Element) {
    let rules = &DETAIL_LAYOUT.extras;
    if !price_folded(&WebNode(root.clone()), rules) {
        return;
    }
    if let Some(control) = root
        .query_selector(rules.price_unfold)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        control.click();
    }
    // Unfolded once rows are added, or the arrow turned (to `arrowup`).
    let probe = WebNode(root.clone());
    let rows = probe.select_all(rules.price_row).len();
    let unfolded = until(root, UNFOLD_TIMEOUT_MS, move || {
        !price_folded(&probe, rules) || probe.select_all(rules.price_row).len() > rows
    })
    .await;
    if let Err(error) = unfolded {
        web_sys::console::warn_1(&format!("[Exit Assistant] price breakdown: {error}").into());
    }
}
