//! The feedback page's reviews: read from the page, its pager's "Next", and the reading kept
//! in the site's backup page by page (`session::reviews` drives it).

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

use crate::core::backup::HEAD_REVIEWS;
use crate::core::order::ReadBy;
use crate::core::review::{next_page, read_reviews, Review, ReviewLog};
use crate::core::run_end::Ending;

use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::ext_api;

use super::head_field;

/// The reviews the page shows, and which reader found them.
pub fn on_page(doc: &Document) -> (Vec<Review>, ReadBy) {
    match doc.document_element() {
        Some(root) => read_reviews(&WebNode(root)),
        None => (Vec::new(), ReadBy::Structure),
    }
}

/// The pager's "Next", where the page has one that can be pressed.
pub fn next_control(doc: &Document) -> Option<HtmlElement> {
    let root = doc.document_element()?;
    next_page(&WebNode(root)).and_then(|n| n.0.dyn_into::<HtmlElement>().ok())
}

/// Keeps `log` as `site`'s reviews. Only the head's `reviews` changes. `Err(ending)` where
/// another tab's backup run holds the backup.
pub async fn save(site: &str, me: &str, log: &ReviewLog) -> Result<Result<(), Ending>, WebError> {
    let value = ext_api::to_js(log)?;
    head_field::write(site, me, HEAD_REVIEWS, &value, |backup| {
        backup.reviews = Some(log.clone());
    })
    .await
}
