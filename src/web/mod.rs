//! The thin browser layer (wasm32 only). It owns every `JsValue`, every DOM call and every
//! `chrome.*` call, and holds no site knowledge: that lives in `core`.
//!
//! Two programs, two folders (see `Cargo.toml`): `content/` is what AliExpress pages load
//! (the `content` feature), `pages/` what the extension's own pages and the background load
//! (`pages`). The files here are the few both use.

#[cfg(feature = "content")]
pub mod content;
pub mod dom;
pub mod entry;
pub mod error;
pub mod ext_api;
pub mod host;
pub mod i18n;
#[cfg(feature = "launcher")]
pub mod launcher;
pub mod list_snapshot;
#[cfg(feature = "pages")]
pub mod pages;
pub mod person;
pub mod run_lease;
pub mod saved;
pub mod ui;
