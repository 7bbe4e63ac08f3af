//! The pure core: no I/O, no browser types, no panics on page data.
//!
//! Invariant: nothing under `core` names `wasm_bindgen`, `web_sys`, `js_sys` or `gloo`; those
//! crates are only dependencies on wasm32, so a native `cargo test` fails to build if it does.

pub mod address;
pub mod address_rules;
pub mod asset_rules;
pub mod assistant;
pub mod backup;
pub mod backup_view;
pub mod closing_progress;
pub mod closing_view;
pub mod collect;
pub mod columns;
pub mod csv;
pub mod date;
pub mod deep_backup;
pub mod detail_handoff;
pub mod dom;
pub mod export;
pub mod guide;
mod guide_controls;
pub mod guide_rules;
pub mod html;
pub mod import;
pub mod lease;
pub mod letter;
pub mod list_rules;
pub mod lowercase;
pub mod message;
pub mod money;
pub mod money_left;
pub mod not_kept;
pub mod order;
pub mod order_details;
pub mod page;
pub mod page_kind;
pub mod page_report;
pub mod page_rules;
pub mod parse;
pub mod popup;
pub mod readiness;
pub mod report;
pub mod report_charts;
pub mod review;
pub mod review_rules;
pub mod run_end;
pub mod selectors;
pub mod session;
pub mod site;
pub mod status;
pub mod text;
pub mod url;
pub mod warning_text;
pub mod xlsx;
