//! The thin browser layer (wasm32 only). It owns every `JsValue`, every DOM call and every
//! `chrome.*` call, and holds no site knowledge: that lives in `core`.
//!
//! The `content` feature builds what AliExpress pages load; `pages` what the extension's own
//! pages and the background load (see `Cargo.toml`).

#[cfg(feature = "pages")]
pub mod backup_page;
#[cfg(feature = "content")]
pub mod backup_run;
#[cfg(feature = "content")]
pub mod crash;
#[cfg(feature = "content")]
pub mod detail_frame;
pub mod dom;
pub mod download;
pub mod entry;
pub mod error;
pub mod ext_api;
pub mod i18n;
#[cfg(feature = "pages")]
pub mod letter_page;
#[cfg(feature = "content")]
pub mod overlay;
pub mod page_report;
#[cfg(feature = "content")]
pub mod perf;
#[cfg(feature = "content")]
pub mod person;
#[cfg(feature = "content")]
pub mod pointer;
#[cfg(feature = "pages")]
pub mod popup;
pub mod run_lease;
pub mod saved;
#[cfg(feature = "content")]
pub mod session;
#[cfg(feature = "content")]
pub mod wait;
#[cfg(feature = "content")]
pub mod watch;
