// Toolbar popup: starts the Rust popup (extension pages allow 'wasm-unsafe-eval').
// popup.html loads the wasm-bindgen glue, which defines `wasm_bindgen`, just before this file.
"use strict";

wasm_bindgen({ module_or_path: "pkg-pages/exit_assistant_bg.wasm" })
  .then(() => wasm_bindgen.popup_main())
  .catch((error) => console.error("[Exit Assistant] popup failed:", error));
