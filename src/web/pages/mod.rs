//! The extension's own pages (the toolbar popup, the saved-backups page, the letter page) and
//! what the background asks of the WASM. Built only with the `pages` feature.

pub mod backup_page;
pub mod download;
mod import;
pub mod letter_page;
mod orders_table;
pub mod page_report;
pub mod popup;

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

/// Listeners of this page live as long as the page.
pub(crate) fn on_click(target: &web_sys::Element, handler: impl FnMut(&web_sys::Event) + 'static) {
    gloo_events::EventListener::new(target, "click", handler).forget();
}
