//! The extension's own pages (the toolbar popup, the saved-backups page, the letter page) and
//! what the background asks of the WASM. Built only with the `pages` feature.

pub mod backup_page;
pub mod download;
mod import;
pub mod letter_page;
mod orders_table;
pub mod page_report;
pub mod popup;
mod records_table;

use crate::core::text::Text;
use crate::web::i18n::{ChromeI18n, Translate};

/// Puts an extension page in the browser's language (`_locales`), whatever its HTML file
/// says: its `lang`, and its title, which the tab shows. (`__MSG_…__` is replaced in the
/// manifest and CSS, never in HTML, so the title is set here.)
pub fn localise_page(
    doc: &web_sys::Document,
    title: Text,
) -> Result<(), crate::web::error::WebError> {
    if let Some(root) = doc.document_element() {
        root.set_attribute("lang", &crate::web::ext_api::ui_language())?;
    }
    doc.set_title(&ChromeI18n.text(title, &[]));
    Ok(())
}

/// Starts an extension page: puts it in the browser's language with `title`, and finds
/// the element `main_id` it draws in.
pub(crate) fn page_main(
    title: Text,
    main_id: &str,
) -> Result<(web_sys::Document, web_sys::Element), crate::web::error::WebError> {
    let doc = crate::web::dom::document()?;
    localise_page(&doc, title)?;
    let main = doc
        .get_element_by_id(main_id)
        .ok_or_else(|| crate::web::error::WebError::new(format!("the page lacks #{main_id}")))?;
    Ok((doc, main))
}

/// A copy of the page's `<template id=…>`, its words in the browser's language: each
/// `data-i18n` element's text becomes that `_locales` message, set as text. The page draws
/// the copy whole, so it never shows a label before its words.
pub(crate) fn from_template(
    doc: &web_sys::Document,
    id: &str,
) -> Result<web_sys::DocumentFragment, crate::web::error::WebError> {
    use wasm_bindgen::JsCast;
    let template = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTemplateElement>().ok())
        .ok_or_else(|| crate::web::error::WebError::new(format!("no template #{id}")))?;
    let copy: web_sys::DocumentFragment = template
        .content()
        .clone_node_with_deep(true)?
        .unchecked_into();
    let named = copy.query_selector_all("[data-i18n]")?;
    for i in 0..named.length() {
        let Some(element) = named
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(key) = element.get_attribute("data-i18n") {
            element.set_text_content(Some(&crate::web::ext_api::message(&key, &[])));
        }
    }
    Ok(copy)
}

/// Listeners of this page live as long as the page.
pub(crate) fn on_click(target: &web_sys::Element, handler: impl FnMut(&web_sys::Event) + 'static) {
    gloo_events::EventListener::new(target, "click", handler).forget();
}
