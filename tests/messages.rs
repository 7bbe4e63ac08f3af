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
        assert_eq!(serde_json::from_value::<Request>(wire).unwrap(), request);
    }
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

#[test]
fn background_understands_the_letter_request() {
    use exit_assistant::core::message::ToBackground;
    let sent = serde_json::to_value(ToBackground::OpenLetter).unwrap();
    assert_eq!(sent, serde_json::json!({ "type": "open-letter" }));
    let background = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/background.js"
    ))
    .unwrap();
    assert!(
        background.contains("message?.type === \"open-letter\""),
        "background.js handles what the content script sends"
    );
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
