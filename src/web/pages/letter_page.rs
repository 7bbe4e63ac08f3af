//! The letter page: writes a GDPR/CCPA deletion or access request from what the user types,
//! and lets them copy it, download it, or open it in their e-mail app. Nothing is sent by
//! the extension.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::core::letter::{
    write_letter, LetterInput, LetterKind, Region, PRIVACY_CONTACT, PRIVACY_CONTACT_SOURCE,
};
use crate::core::text::Text;

use super::download::download;
use crate::web::dom::{child, document};
use crate::web::error::WebError;
use crate::web::i18n::{ChromeI18n, Translate};

/// Builds the page in `#letter` and keeps its listeners for the page's life.
pub async fn run() -> Result<(), WebError> {
    let doc = document()?;
    let t = ChromeI18n;
    super::localise_page(&doc, Text::LetterPageTitle)?;
    let main = doc
        .get_element_by_id("letter")
        .ok_or_else(|| WebError::new("no #letter"))?;
    child(&main, "h1", &[], Some(&t.text(Text::LetterPageTitle, &[])))?;
    let form = child(&main, "form", &[("id", "letter-form")], None)?;

    let kind = fieldset(&form, &t.text(Text::LetterKindLabel, &[]))?;
    for (value, label, checked) in [
        ("erasure", Text::LetterErasure, true),
        ("access", Text::LetterAccess, false),
    ] {
        let row = child(&kind, "label", &[], None)?;
        let mut attributes = vec![("type", "radio"), ("name", "kind"), ("value", value)];
        if checked {
            attributes.push(("checked", ""));
        }
        child(&row, "input", &attributes, None)?;
        child(&row, "span", &[], Some(&t.text(label, &[])))?;
    }
    let region = labelled(
        &form,
        &t.text(Text::LetterRegion, &[]),
        "select",
        &[("id", "region")],
    )?;
    for (r, label) in Region::ALL.into_iter().zip([
        Text::RegionEea,
        Text::RegionUk,
        Text::RegionCalifornia,
        Text::RegionOther,
    ]) {
        child(
            &region,
            "option",
            &[("value", r.name())],
            Some(&t.text(label, &[])),
        )?;
    }
    labelled(
        &form,
        &t.text(Text::LetterEmail, &[]),
        "input",
        &[
            ("id", "email"),
            ("type", "email"),
            ("autocomplete", "email"),
            ("required", ""),
        ],
    )?;
    labelled(
        &form,
        &t.text(Text::LetterName, &[]),
        "input",
        &[("id", "name"), ("type", "text"), ("autocomplete", "name")],
    )?;
    labelled(
        &form,
        &t.text(Text::LetterTo, &[]),
        "input",
        &[("id", "to"), ("type", "email"), ("value", PRIVACY_CONTACT)],
    )?;
    let source = child(&form, "p", &[("class", "source")], None)?;
    source.set_text_content(Some(
        &t.text(Text::LetterToSource, &[PRIVACY_CONTACT_SOURCE]),
    ));
    child(
        &form,
        "p",
        &[("class", "note")],
        Some(&t.text(Text::LetterLanguageNote, &[])),
    )?;

    child(
        &main,
        "h2",
        &[("id", "preview-title")],
        Some(&t.text(Text::LetterPreview, &[])),
    )?;
    child(
        &main,
        "textarea",
        &[
            ("id", "preview"),
            ("readonly", ""),
            ("rows", "18"),
            ("aria-labelledby", "preview-title"),
        ],
        None,
    )?;
    child(&main, "p", &[("id", "error"), ("role", "alert")], None)?;
    let actions = child(&main, "div", &[("class", "actions")], None)?;
    let copy = child(
        &actions,
        "button",
        &[("type", "button"), ("id", "copy")],
        Some(&t.text(Text::LetterCopy, &[])),
    )?;
    let save = child(
        &actions,
        "button",
        &[("type", "button"), ("id", "download")],
        Some(&t.text(Text::LetterDownload, &[])),
    )?;
    child(
        &actions,
        "a",
        &[("id", "mail"), ("href", "#")],
        Some(&t.text(Text::LetterMail, &[])),
    )?;
    child(
        &main,
        "p",
        &[("id", "status"), ("aria-live", "polite")],
        None,
    )?;

    let listeners: Rc<RefCell<Vec<EventListener>>> = Rc::default();
    {
        let doc = doc.clone();
        listeners
            .borrow_mut()
            .push(EventListener::new(&form, "input", move |_| refresh(&doc)));
    }
    {
        let doc = doc.clone();
        listeners
            .borrow_mut()
            .push(EventListener::new(&form, "change", move |_| refresh(&doc)));
    }
    {
        let doc = doc.clone();
        listeners
            .borrow_mut()
            .push(EventListener::new(&copy, "click", move |_| {
                if let Some(text) = ready_letter(&doc) {
                    copy_text(&doc, &text);
                }
            }));
    }
    {
        let doc = doc.clone();
        listeners
            .borrow_mut()
            .push(EventListener::new(&save, "click", move |_| {
                if let Some(text) = ready_letter(&doc) {
                    if let Err(error) = download(
                        "aliexpress-data-request.txt",
                        "text/plain;charset=utf-8",
                        &text,
                    ) {
                        web_sys::console::error_1(&error.message.into());
                    }
                }
            }));
    }
    refresh(&doc);
    // The page lives until its tab closes; so do its listeners.
    std::mem::forget(listeners);
    Ok(())
}

fn fieldset(form: &Element, legend: &str) -> Result<Element, WebError> {
    let set = child(form, "fieldset", &[], None)?;
    child(&set, "legend", &[], Some(legend))?;
    Ok(set.into())
}

fn labelled(
    form: &Element,
    label: &str,
    tag: &str,
    attributes: &[(&str, &str)],
) -> Result<Element, WebError> {
    let row = child(form, "label", &[], None)?;
    child(&row, "span", &[], Some(label))?;
    Ok(child(&row, tag, attributes, None)?.into())
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
