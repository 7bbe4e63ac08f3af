//! The JSON shapes exchanged between the popup and the content script.
#![cfg(not(target_arch = "wasm32"))]

use exit_assistant::core::message::{AssistantState, Request, StatusReply};
use exit_assistant::core::page::{PageKind, Recognition};
use exit_assistant::core::site::Site;
use serde_json::json;

#[test]
fn requests_round_trip() {
    let cases = [
        (Request::Status, json!({"type": "status"})),
        (Request::OpenAssistant, json!({"type": "open-assistant"})),
    ];
    for (request, wire) in cases {
        assert_eq!(serde_json::to_value(request).unwrap(), wire);
        assert_eq!(
            serde_json::from_value::<Request>(wire.clone()).unwrap(),
            request
        );
        // The launcher's hand-read form agrees with serde's.
        let kind = wire[Request::TYPE_FIELD].as_str().unwrap();
        assert_eq!(Request::from_type(kind), Some(request));
    }
    assert_eq!(Request::from_type("open_assistant"), None);
    assert_eq!(Request::from_type(""), None);
}

#[test]
fn status_replies_round_trip() {
    let running = StatusReply {
        state: AssistantState::Running,
        page: Some(Recognition {
            site: Some(Site::Global),
            kind: PageKind::OrderList,
        }),
    };
    let wire = json!({"state": "running", "page": {"site": "global", "kind": "order_list"}});
    assert_eq!(serde_json::to_value(running).unwrap(), wire);
    assert_eq!(
        serde_json::from_value::<StatusReply>(wire).unwrap(),
        running
    );
}

#[test]
fn loader_replies_parse() {
    // extension/loader.js writes these literals when the WASM cannot start.
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/extension/loader.js"))
            .unwrap();
    for (literal, state) in [
        (
            "{ state: \"blocked-by-page\" }",
            AssistantState::BlockedByPage,
        ),
        ("{ state: \"failed\" }", AssistantState::Failed),
    ] {
        assert!(
            loader.contains(literal),
            "loader.js no longer sends {literal}"
        );
        let as_json = literal.replace("state", "\"state\"");
        let reply: StatusReply = serde_json::from_str(&as_json).unwrap();
        assert_eq!(reply, StatusReply { state, page: None });
    }
}

/// The background script, as shipped.
fn background_js() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/background.js"
    ))
    .unwrap()
}

#[test]
fn background_understands_the_letter_request() {
    use exit_assistant::core::message::ToBackground;
    let sent = serde_json::to_value(ToBackground::OpenLetter).unwrap();
    assert_eq!(sent, serde_json::json!({ "type": "open-letter" }));
    let background = background_js();
    assert!(
        background.contains("message?.type === \"open-letter\""),
        "background.js handles what the content script sends"
    );
}

/// The background hands a page report request to the pages WASM by its `type`, and the
/// pages WASM reads it back whole.
#[test]
fn background_understands_the_page_report_request() {
    use exit_assistant::core::message::ToBackground;
    use exit_assistant::core::page_report::{Piece, Reading};
    let request = ToBackground::PageReport {
        url: "https://www.aliexpress.com/p/order/index.html".into(),
        found: Box::new(Reading {
            page: Some(PageKind::OrderList),
            ..Reading::default()
        }),
        pieces: vec![
            Piece::Open("div".into(), vec![("class".into(), "order-item".into())]),
            Piece::Text("Awaiting delivery".into()),
            Piece::Close,
        ],
    };
    let sent = serde_json::to_value(&request).unwrap();
    assert_eq!(sent["type"], "page-report");
    assert_eq!(
        sent["pieces"][0],
        json!({"open": ["div", [["class", "order-item"]]]})
    );
    assert_eq!(
        serde_json::from_value::<ToBackground>(sent).unwrap(),
        request
    );
    let background = background_js();
    assert!(background.contains("message?.type === \"page-report\""));
    assert!(background.contains("wasm_bindgen.page_report(message)"));
}

/// A run's lease names its tab: the background says which tab a page is in, and whether
/// another tab is still open.
#[test]
fn background_answers_which_tab_and_whether_a_tab_is_open() {
    use exit_assistant::core::message::ToBackground;
    assert_eq!(
        serde_json::to_value(ToBackground::WhoAmI).unwrap(),
        json!({"type": "who-am-i"})
    );
    let alive = ToBackground::TabAlive { tab: 7 };
    assert_eq!(
        serde_json::to_value(&alive).unwrap(),
        json!({"type": "tab-alive", "tab": 7})
    );
    let background = background_js();
    assert!(background.contains("message?.type === \"who-am-i\""));
    assert!(background.contains("message?.type === \"tab-alive\""));
}

#[test]
fn loader_starts_only_in_detail_frames_named_as_the_backup_names_them() {
    // extension/loader.js repeats the frame-name prefix by hand: a rename on one side only
    // would leave every detail frame unread.
    use exit_assistant::core::detail_handoff::{frame_name, FRAME_NAME_PREFIX};
    let loader = include_str!("../extension/loader.js");
    assert!(
        loader.contains(&format!("window.name.startsWith(\"{FRAME_NAME_PREFIX}\")")),
        "loader.js must test the frame name against {FRAME_NAME_PREFIX:?}"
    );
    assert!(frame_name("8212313961591322").starts_with(FRAME_NAME_PREFIX));
}

#[test]
fn the_launchers_hand_written_status_reply_is_serdes() {
    for site in Site::ALL {
        assert_eq!(serde_json::to_value(site).unwrap(), json!(site.name()));
    }
    let sites = Site::ALL.into_iter().map(Some).chain([None]);
    for (site, kind) in sites.flat_map(|site| PageKind::ALL.map(|kind| (site, kind))) {
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.name()));
        let page = Recognition { site, kind };
        let wire: serde_json::Value =
            serde_json::from_str(&StatusReply::running_json(page)).unwrap();
        let reply = StatusReply {
            state: AssistantState::Running,
            page: Some(page),
        };
        assert_eq!(wire, serde_json::to_value(reply).unwrap(), "{page:?}");
    }
}
