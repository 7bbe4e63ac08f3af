//! Messages between the popup and the content script (`chrome.tabs.sendMessage`).
//!
//! These are serialized contracts: `extension/loader.js` answers [`Request::Status`] by hand
//! when the WASM could not start, so its reply shape is tested in `tests/messages.rs`.

use serde::{Deserialize, Serialize};

use super::export::ExportKind;
use super::page::Recognition;

/// What the popup asks of the content script: `{"type": "status"}` or
/// `{"type": "open-assistant"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TaggedRequest", into = "TaggedRequest")]
pub enum Request {
    /// "What page is this, and is the assistant running?"
    Status,
    /// "Open the assistant panel."
    OpenAssistant,
}

impl Request {
    /// The message's field that names the request.
    pub const TYPE_FIELD: &'static str = "type";

    /// The request a message's `type` names, read without serde: the launcher's small WASM,
    /// which every AliExpress page loads, reads messages so (`web::launcher`). Agrees with the
    /// serde form, as `tests/messages.rs` checks.
    pub fn from_type(kind: &str) -> Option<Request> {
        match kind {
            "status" => Some(Request::Status),
            "open-assistant" => Some(Request::OpenAssistant),
            _ => None,
        }
    }
}

/// [`Request`] on the wire. Written out rather than `#[serde(tag = "type")]`, whose
/// deserializer buffers the whole object first: that cost every AliExpress page several KB
/// of WASM.
#[derive(Serialize, Deserialize)]
struct TaggedRequest {
    #[serde(rename = "type")]
    kind: RequestKind,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RequestKind {
    Status,
    OpenAssistant,
}

impl From<TaggedRequest> for Request {
    fn from(tagged: TaggedRequest) -> Self {
        match tagged.kind {
            RequestKind::Status => Request::Status,
            RequestKind::OpenAssistant => Request::OpenAssistant,
        }
    }
}

impl From<Request> for TaggedRequest {
    fn from(request: Request) -> Self {
        let kind = match request {
            Request::Status => RequestKind::Status,
            Request::OpenAssistant => RequestKind::OpenAssistant,
        };
        TaggedRequest { kind }
    }
}

/// Whether the assistant runs on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssistantState {
    /// The assistant runs.
    Running,
    /// The page's Content-Security-Policy stopped the WASM from compiling.
    BlockedByPage,
    /// The assistant failed to start for another reason.
    Failed,
}

/// The content script's answer to [`Request::Status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReply {
    /// Whether the assistant runs.
    pub state: AssistantState,
    /// The page, when the assistant could recognise it (absent when it could not start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<Recognition>,
}

impl StatusReply {
    /// "Running on `page`", as JSON text written by hand: the launcher's small WASM answers
    /// the popup with it (through `JSON.parse`), without serde's writer. The same as serde's
    /// form, as `tests/messages.rs` checks.
    pub fn running_json(page: Recognition) -> String {
        let mut json = String::from(r#"{"state":"running","page":{"site":"#);
        match page.site {
            Some(site) => {
                json.push('"');
                json.push_str(site.name());
                json.push('"');
            }
            None => json.push_str("null"),
        }
        json.push_str(r#","kind":""#);
        json.push_str(page.kind.name());
        json.push_str(r#""}}"#);
        json
    }
}

/// What a content script asks of the background script (`chrome.runtime.sendMessage`);
/// `extension/background.js` handles these by hand, so the shape is tested in
/// `tests/messages.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToBackground {
    /// Open the letter page in a new tab (content scripts can't open extension pages).
    OpenLetter,
    /// Save one export of a saved backup to the user's downloads; the reply is a
    /// [`SavedFile`]. The exports live in the extension pages' WASM, which the background
    /// loads, so every AliExpress page loads less, and the file never passes through the page.
    Export {
        /// The backup's host.
        site: String,
        /// Which file.
        kind: ExportKind,
    },
    /// "Which tab am I?": the reply is the sender's tab id (a number), which names a run's
    /// lease (`core::lease`), so a reloaded page knows its tab's own.
    WhoAmI,
    /// "Is this tab still open?": the reply is `true` or `false`. A lease whose tab is gone
    /// holds nothing.
    TabAlive {
        /// The tab.
        tab: i32,
    },
    /// Save a page report of the page the content script walked; the reply is a
    /// [`SavedFile`]. The scrambling lives in the extension pages' WASM, like the exports.
    PageReport {
        /// The page's address.
        url: String,
        /// What each reader found there.
        found: Box<super::page_report::Reading>,
        /// The page.
        pieces: Vec<super::page_report::Piece>,
    },
}

/// The background's reply to [`ToBackground::Export`] and [`ToBackground::PageReport`]: the
/// file is in the user's downloads, under this name. The file itself stays in the background.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFile {
    /// File name, as the background asked the browser to save it.
    pub name: String,
}

/// A file made by the extension's pages or background, to be saved to the user's downloads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedFile {
    /// File name.
    pub name: String,
    /// MIME type.
    pub mime: String,
    /// Content: text as UTF-8, or a binary file's bytes (the spreadsheet).
    pub content: Vec<u8>,
}
