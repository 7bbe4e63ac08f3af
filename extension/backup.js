// The saved-backups page: starts the Rust page (extension pages allow 'wasm-unsafe-eval').
// backup.html loads the wasm-bindgen glue, which defines `wasm_bindgen`, just before this file.
"use strict";

wasm_bindgen({ module_or_path: "pkg-pages/exit_assistant_bg.wasm" })
  .then(() => wasm_bindgen.backup_page_main())
  .catch((error) => console.error("[Exit Assistant] backup page failed:", error));
