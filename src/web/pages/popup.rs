//! The toolbar popup: what the current tab is, and a way to open the assistant there.

use wasm_bindgen_futures::spawn_local;
use web_sys::{Document, Element};

use crate::core::message::{Request, StatusReply};
use crate::core::popup::{popup_view, PopupAction, PopupView, ORDER_LIST_URL};
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::ext_api;
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::ui::{child, text_child};

/// Fills the popup for the active tab. `popup.html?tab=<id>` names the tab instead; the
/// end-to-end tests use it because they open the popup as a page of its own.
pub async fn run() -> Result<(), WebError> {
    let (doc, main) = super::page_main(Text::ExtName, "popup")?;
    let named_tab = tab_from_query(&doc);
    let tab = match named_tab {
        Some(id) => Some(ext_api::tab(id).await?),
        None => ext_api::active_tab().await?,
    };
    let tab_id = tab.as_ref().and_then(|t| t.id);
    let reply = match tab_id {
        Some(id) => ext_api::send_to_tab::<_, StatusReply>(id, &Request::Status)
            .await
            .ok(),
        None => None,
    };
    let url = tab.as_ref().and_then(|t| t.url.as_deref());
    // A real popup closes once it has acted; a popup opened as a tab (tests) stays.
    let close_after = named_tab.is_none();
    render(&main, &popup_view(reply, url), tab_id, close_after)
}

fn tab_from_query(doc: &Document) -> Option<i32> {
    let search = doc.location()?.search().ok()?;
    search.strip_prefix("?tab=")?.parse().ok()
}

fn render(
    main: &Element,
    view: &PopupView,
    tab_id: Option<i32>,
    close_after: bool,
) -> Result<(), WebError> {
    let t = ChromeI18n;
    main.set_text_content(None);
    text_child(main, "h1", "", &t.text(Text::ExtName, &[]))?;
    let page_name = view
        .page
        .map(|p| t.text(p.label(), &[]))
        .unwrap_or_default();
    let state = ext_api::to_js(&view.state)?.as_string().unwrap_or_default();
    child(
        main,
        "p",
        &[("class", "status"), ("data-state", &state)],
        Some(&t.text(view.headline, &[&page_name])),
    )?;
    if let Some(detail) = view.detail {
        text_child(main, "p", "detail", &t.text(detail, &[]))?;
    }
    for &action in &view.actions {
        let label = match action {
            PopupAction::OpenAssistantHere => Text::PopupOpenHere,
            PopupAction::GoToOrders => Text::PopupGoToOrders,
            PopupAction::OpenBackups => Text::PopupOpenBackups,
            PopupAction::OpenLetter => Text::PopupOpenLetter,
        };
        let button = child(
            main,
            "button",
            &[("type", "button")],
            Some(&t.text(label, &[])),
        )?;
        let handler = move |_: &web_sys::Event| spawn_local(perform(action, tab_id, close_after));
        // The popup lives only as long as its page, so the listener may too.
        gloo_events::EventListener::new(&button, "click", handler).forget();
    }
    // The policy is a page of the package (built from PRIVACY.md), opened in a tab.
    child(
        main,
        "a",
        &[
            ("href", "privacy.html"),
            ("target", "_blank"),
            ("class", "privacy"),
        ],
        Some(&t.text(Text::PrivacyPolicy, &[])),
    )?;
    Ok(())
}

async fn perform(action: PopupAction, tab_id: Option<i32>, close_after: bool) {
    let result = match (action, tab_id) {
        (PopupAction::OpenAssistantHere, Some(id)) => {
            ext_api::send_to_tab::<_, bool>(id, &Request::OpenAssistant)
                .await
                .map(drop)
        }
        (PopupAction::GoToOrders, _) => ext_api::open_tab(ORDER_LIST_URL).await,
        (PopupAction::OpenBackups, _) => {
            ext_api::open_tab(&ext_api::extension_url("backup.html")).await
        }
        (PopupAction::OpenLetter, _) => {
            ext_api::open_tab(&ext_api::extension_url("letter.html")).await
        }
        (PopupAction::OpenAssistantHere, None) => Err(WebError::new("no tab")),
    };
    match result {
        Ok(()) if close_after => {
            if let Some(window) = web_sys::window() {
                let _ = window.close();
            }
        }
        Ok(()) => {}
        Err(error) => web_sys::console::warn_1(&format!("[Exit Assistant] {error}").into()),
    }
}
