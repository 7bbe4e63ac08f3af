//! Marks on the page's performance timeline, which `./build.sh bench` reads (and anyone can,
//! in the browser's profiler): when the content script started, when the panel was first
//! drawn, each backup step's own work, and the WASM's memory. They cost a few entries.

use wasm_bindgen::JsCast;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Marks a moment.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Measures from the mark `start` to now, as `name`.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// Marks the WASM's memory size now: `exit-assistant:wasm-memory:<bytes>`.
pub fn mark_wasm_memory() {
    let bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
    mark(&format!("exit-assistant:wasm-memory:{bytes}"));
}
