//! Building the assistant's and the extension pages' markup. Text reaches the page only
//! through `set_text_content`: nothing built here is ever parsed as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::error::WebError;

/// Creates `<tag>` with the given attributes and text.
pub fn element(
    doc: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
    text: Option<&str>,
) -> Result<HtmlElement, WebError> {
    let element: HtmlElement = doc
        .create_element(tag)?
        .dyn_into()
        .map_err(|_| WebError::new("not an HTML element"))?;
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Ok(element)
}

/// Creates `<tag>` like [`element`] and appends it to `parent`.
pub fn child(
    parent: &Element,
    tag: &str,
    attributes: &[(&str, &str)],
    text: Option<&str>,
) -> Result<HtmlElement, WebError> {
    let doc = parent
        .owner_document()
        .ok_or_else(|| WebError::new("detached parent"))?;
    let new = element(&doc, tag, attributes, text)?;
    parent.append_child(&new)?;
    Ok(new)
}

/// Appends `<tag class=…>` holding `text` (no class when `class` is empty): the panel's
/// lines, list items and notes.
pub fn text_child(
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<HtmlElement, WebError> {
    let attributes: &[(&str, &str)] = if class.is_empty() {
        &[]
    } else {
        &[("class", class)]
    };
    child(parent, tag, attributes, Some(text))
}

/// Appends `<section class=…>` named by its own `<h3 id=…>` heading (`aria-labelledby`),
/// the shape of every part of the panel a screen reader can jump to.
pub fn headed_section(
    parent: &Element,
    class: &str,
    heading_id: &str,
    heading: &str,
) -> Result<HtmlElement, WebError> {
    let section = child(
        parent,
        "section",
        &[("class", class), ("aria-labelledby", heading_id)],
        None,
    )?;
    child(&section, "h3", &[("id", heading_id)], Some(heading))?;
    Ok(section)
}

/// Appends an empty `<tag class=… role=…>`: a live status line or a note, filled later.
pub fn role_child(
    parent: &Element,
    tag: &str,
    class: &str,
    role: &str,
) -> Result<HtmlElement, WebError> {
    child(parent, tag, &[("class", class), ("role", role)], None)
}

/// A button that shows `text` and is named `label` for assistive technology (and in its
/// tooltip): the launcher, and the panel's close button.
pub fn labelled_button(
    doc: &Document,
    class: &str,
    label: &str,
    text: &str,
) -> Result<HtmlElement, WebError> {
    element(
        doc,
        "button",
        &[
            ("type", "button"),
            ("class", class),
            ("aria-label", label),
            ("title", label),
        ],
        Some(text),
    )
}

/// Appends a folding `<details>` part named `id` (its class, and the `data-id` a re-render
/// keeps it open by), with `summary` as its always-visible line.
pub fn folding(parent: &Element, id: &str, summary: &str) -> Result<HtmlElement, WebError> {
    let details = child(parent, "details", &[("class", id), ("data-id", id)], None)?;
    text_child(&details, "summary", "", summary)?;
    Ok(details)
}

/// Appends an empty `<tag class=…>` for other elements to go in.
pub fn box_child(parent: &Element, tag: &str, class: &str) -> Result<HtmlElement, WebError> {
    child(parent, tag, &[("class", class)], None)
}

/// The element's first descendant matching `selector`, if any.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}
