//! The assistant's host element on the page: a closed shadow root holding the panel's
//! layer and the ring's, styled from inside, and known to the crash handler. The launcher
//! (`web::launcher`) mounts the same host, which the whole assistant replaces.

use gloo_events::EventListener;
use web_sys::{Document, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::web::error::WebError;
use crate::web::ui::element;

/// The id of the host element, unique on the page.
pub const HOST_ID: &str = "exit-assistant-root";
/// The launcher's styles: the host, the layer and the "Open assistant" button.
pub const LAUNCHER_STYLES: &str = include_str!("../../extension/launcher.css");
/// The whole assistant's styles: the launcher's, then the panel's and the ring's.
pub const ASSISTANT_STYLES: &str = concat!(
    include_str!("../../extension/launcher.css"),
    include_str!("../../extension/assistant.css")
);

thread_local! {
    /// The mounted host, for the crash handler: it removes the panel by this reference, never
    /// by an id that a page's own element could carry.
    static MOUNTED: std::cell::RefCell<Option<(HtmlElement, ShadowRoot)>> = const { std::cell::RefCell::new(None) };
}

/// Takes the mounted panel off the page, if any. Never panics: the crash handler calls it
/// from inside the panic hook, perhaps while the reference is borrowed.
pub fn remove_mounted() {
    let _ = MOUNTED.try_with(|mounted| {
        if let Ok(mounted) = mounted.try_borrow() {
            if let Some((host, _)) = mounted.as_ref() {
                host.remove();
            }
        }
    });
}

/// The mounted overlay's (closed) shadow root: only the assistant's own code holds it. For
/// tests, which can't reach into a closed root from the page.
pub fn mounted_root() -> Option<ShadowRoot> {
    MOUNTED
        .try_with(|m| m.try_borrow().ok()?.as_ref().map(|(_, root)| root.clone()))
        .ok()
        .flatten()
}

/// What `mount` puts on the page.
pub struct Mounted {
    /// The host element, on the page.
    pub host: HtmlElement,
    /// Where the panel, or the launcher, goes.
    pub layer: HtmlElement,
    /// Where the ring and its callout go, beside the panel.
    pub pointer_layer: HtmlElement,
    /// Cancels every click a script made inside the assistant.
    pub script_clicks: EventListener,
}

/// Mounts an empty host styled with `styles` on the page, replacing any left over by an
/// earlier instance (or by the launcher, when the whole assistant takes over).
pub fn mount(doc: &Document, styles: &str) -> Result<Mounted, WebError> {
    if let Some(stale) = doc.get_element_by_id(HOST_ID) {
        stale.remove();
    }
    let host = element(doc, "div", &[("id", HOST_ID)], None)?;
    // Closed: a page's script can't reach in to read the panel or press its controls
    // (and a click it makes anyhow is cancelled below, and heard by no listener).
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    apply_styles(doc, &root, styles)?;
    let layer = element(doc, "div", &[("class", "layer")], None)?;
    // The ring and its callout live beside the panel, so re-rendering the panel keeps them.
    let pointer_layer = element(doc, "div", &[("class", "pointer")], None)?;
    root.append_child(&pointer_layer)?;
    root.append_child(&layer)?;
    // Screen readers read the panel in the user's language, whatever the page's.
    layer.set_attribute("lang", &crate::web::ext_api::ui_language())?;
    doc.document_element()
        .ok_or_else(|| WebError::new("no root element"))?
        .append_child(&host)?;
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some((host.clone(), root.clone())));
    let script_clicks = EventListener::new_with_options(
        &root,
        "click",
        gloo_events::EventListenerOptions {
            phase: gloo_events::EventListenerPhase::Capture,
            passive: false,
        },
        |event| {
            if !event.is_trusted() {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        },
    );
    Ok(Mounted {
        host,
        layer,
        pointer_layer,
        script_clicks,
    })
}

/// Takes the host off the page, and forgets it if it is the mounted one.
pub fn unmount(host: &HtmlElement) {
    let _ = MOUNTED.try_with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            if mounted.as_ref().is_some_and(|(mounted, _)| mounted == host) {
                *mounted = None;
            }
        }
    });
    host.remove();
}

/// Applies the assistant's CSS inside the shadow root. A constructed style sheet is not
/// subject to the page's `style-src`; a `<style>` element is the fallback where adopting
/// sheets fails (older engines, or a content-script compartment that refuses the array).
fn apply_styles(doc: &Document, root: &ShadowRoot, styles: &str) -> Result<(), WebError> {
    let adopted = web_sys::CssStyleSheet::new().and_then(|sheet| {
        sheet.replace_sync(styles)?;
        let sheets = js_sys::Array::of1(&sheet);
        js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &sheets).map(drop)
    });
    if adopted.is_err() {
        let style = element(doc, "style", &[], Some(styles))?;
        root.append_child(&style)?;
    }
    Ok(())
}
