//! The letter page: writes a GDPR/CCPA deletion or access request from what the user types,
//! and lets them copy it, download it, or open it in their e-mail app. Nothing is sent by
//! the extension.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::core::letter::{
    write_letter, LetterInput, LetterKind, Region, PRIVACY_CONTACT, PRIVACY_CONTACT_SOURCE,
};
use crate::core::text::Text;

use super::download::download;
use crate::web::error::WebError;
use crate::web::i18n::{ChromeI18n, Translate};

/// Draws the page in `#letter` from its template, and keeps its listeners for the page's
/// life.
pub async fn run() -> Result<(), WebError> {
    let (doc, main) = super::page_main(Text::LetterPageTitle, "letter")?;
    let page = super::from_template(&doc, "letter-page")?;
    fill_in(&page)?;
    main.append_child(&page)?;
    let form = by_id(&doc, "letter-form")?;
    for event in ["input", "change"] {
        let doc = doc.clone();
        EventListener::new(&form, event, move |_| refresh(&doc)).forget();
    }
    let copy_doc = doc.clone();
    super::on_click(&by_id(&doc, "copy")?, move |_| {
        if let Some(text) = ready_letter(&copy_doc) {
            copy_text(&copy_doc, &text);
        }
    });
    let save_doc = doc.clone();
    super::on_click(&by_id(&doc, "download")?, move |_| {
        if let Some(text) = ready_letter(&save_doc) {
            save_letter(&text);
        }
    });
    refresh(&doc);
    Ok(())
}

/// What the page's template can't say by itself: the privacy contact, and where it comes
/// from (`core::letter`).
fn fill_in(page: &web_sys::DocumentFragment) -> Result<(), WebError> {
    if let Some(to) = page
        .query_selector("#to")?
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        to.set_value(PRIVACY_CONTACT);
    }
    if let Some(source) = page.query_selector(".source")? {
        source.set_text_content(Some(
            &ChromeI18n.text(Text::LetterToSource, &[PRIVACY_CONTACT_SOURCE]),
        ));
    }
    Ok(())
}

fn by_id(doc: &Document, id: &str) -> Result<Element, WebError> {
    doc.get_element_by_id(id)
        .ok_or_else(|| WebError::new(format!("no #{id}")))
}

fn save_letter(text: &str) {
    if let Err(error) = download(
        "aliexpress-data-request.txt",
        "text/plain;charset=utf-8",
        text.as_bytes(),
    ) {
        web_sys::console::error_1(&error.message.into());
    }
}

fn input_value(doc: &Document, id: &str) -> String {
    doc.get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|e| e.value())
        .unwrap_or_default()
}

/// The letter for what the form holds now.
fn current(doc: &Document) -> crate::core::letter::Letter {
    let kind = match doc
        .query_selector("input[name=kind]:checked")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("value"))
        .as_deref()
    {
        Some("access") => LetterKind::Access,
        _ => LetterKind::Erasure,
    };
    let region = doc
        .get_element_by_id("region")
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .and_then(|s| Region::from_name(&s.value()))
        .unwrap_or(Region::Other);
    let today = String::from(js_sys::Date::new_0().to_iso_string());
    write_letter(
        &LetterInput {
            kind,
            region,
            email: input_value(doc, "email"),
            name: input_value(doc, "name"),
            to: input_value(doc, "to"),
        },
        today.get(..10).unwrap_or_default(),
    )
}

/// Rewrites the preview and the e-mail link.
fn refresh(doc: &Document) {
    let letter = current(doc);
    if let Some(preview) = doc
        .get_element_by_id("preview")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    {
        preview.set_value(&letter.full_text());
    }
    if let Some(mail) = doc.get_element_by_id("mail") {
        let href = format!(
            "mailto:{}?subject={}&body={}",
            js_sys::encode_uri_component(&letter.to),
            js_sys::encode_uri_component(&letter.subject),
            js_sys::encode_uri_component(&letter.body)
        );
        let _ = mail.set_attribute("href", &href);
    }
    if !input_value(doc, "email").trim().is_empty() {
        set_text(doc, "error", "");
    }
}

/// The letter's text, or `None` with a message when the e-mail address is missing.
fn ready_letter(doc: &Document) -> Option<String> {
    if input_value(doc, "email").trim().is_empty() {
        set_text(doc, "error", &ChromeI18n.text(Text::LetterEmailNeeded, &[]));
        if let Some(email) = doc
            .get_element_by_id("email")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            let _ = email.focus();
        }
        return None;
    }
    Some(current(doc).full_text())
}

fn set_text(doc: &Document, id: &str, text: &str) {
    if let Some(element) = doc.get_element_by_id(id) {
        element.set_text_content(Some(text));
    }
}

/// Copies through the Clipboard API, which extension pages may use on a click.
fn copy_text(doc: &Document, text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let clipboard = js_sys::Reflect::get(&window, &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()))
        .ok();
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = clipboard
        .zip(write)
        .and_then(|(clipboard, write)| write.call1(&clipboard, &text.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    let doc = doc.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // Say "Copied" only once the browser has done it.
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            set_text(&doc, "status", &ChromeI18n.text(Text::LetterCopied, &[]));
        }
    });
}
