//! Exit Assistant for AliExpress.
//!
//! Two layers, kept apart by the compiler:
//! - [`core`] is pure Rust: page recognition, site rules, the assistant's view model and the
//!   messages between extension contexts. It builds and tests natively.
//! - `web` exists only on wasm32. It owns every `JsValue`, DOM call and `chrome.*` call, and
//!   turns core decisions into pixels.
#![deny(missing_docs)]

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The WASM's allocator (see `Cargo.toml`). Single-threaded: the extension never uses atomics.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
