//! The thin browser layer (wasm32 only). It owns every `JsValue`, every DOM call and every
//! `chrome.*` call, and holds no site knowledge: that lives in `core`.

pub mod backup_page;
pub mod backup_run;
pub mod closing_panel;
pub mod dom;
pub mod download;
pub mod entry;
pub mod error;
pub mod ext_api;
pub mod i18n;
pub mod letter_page;
pub mod overlay;
pub mod pointer;
pub mod popup;
pub mod session;
pub mod wait;
pub mod watch;
