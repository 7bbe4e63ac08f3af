// Content script: starts the assistant (Rust compiled to WebAssembly), in two steps so that
// most AliExpress pages pay only for the first:
// 1. the launcher (pkg-launcher/, src/web/launcher.rs) recognises the page and shows the small
//    "Open assistant" button, or nothing;
// 2. where the assistant works unasked (the closing flow's pages), or when the person opens it,
//    the launcher calls `exitAssistantStart` below, which loads the whole assistant (pkg/).
// The manifest injects both wasm-bindgen glues (pkg-launcher/launcher.js defines
// `exit_assistant_launcher`, pkg/exit_assistant.js `wasm_bindgen`) just before this file, so
// no dynamic import is needed; only the .wasm files are web-accessible, and each is compiled
// only when it is started. Everything ships in the package: nothing is fetched from the web.
//
// Chromium applies the page's Content-Security-Policy to WebAssembly compiled in a content
// script: without 'wasm-unsafe-eval' in the page's policy, compiling fails. The assistant must
// never fail silently, so on any start-up failure this file shows a plain notice on the page,
// answers the toolbar popup, and marks the toolbar button. Everything else lives in Rust.
"use strict";

// For `./build.sh bench` and the browser's profiler: the content script starts here.
performance.mark("exit-assistant:start");

// The manifest runs this script in every AliExpress frame, because a backup reads each order's
// detail page in a hidden frame named "exit-assistant-detail:<order id>", on whichever host
// AliExpress links it to (src/core/detail_handoff.rs). Such a frame starts the whole assistant
// at once, to read the order. Every other frame, the page's own, gets nothing: no WebAssembly
// is compiled there.
const inFrame = window.top !== window;
const ourFrame = inFrame && window.name.startsWith("exit-assistant-detail:");
// Set once the whole assistant is asked for. Declared before the start below, which in a
// detail frame asks for it at once.
let wholeStarted = false;

(async () => {
  if (inFrame && !ourFrame) return;
  if (ourFrame) return exitAssistantStart(false);
  try {
    await exit_assistant_launcher({ module_or_path: chrome.runtime.getURL("pkg-launcher/launcher_bg.wasm") });
    exit_assistant_launcher.launcher_main();
    // The launcher has drawn what it draws (or handed over): for the tests and the benchmark.
    performance.mark("exit-assistant:launcher");
  } catch (error) {
    couldNotStart(error);
  }
})();

// Called by the launcher (src/web/launcher.rs) once, when it hands the page over; `open` opens
// the panel (the person asked for it).
async function exitAssistantStart(open) {
  if (wholeStarted) return;
  wholeStarted = true;
  try {
    await wasm_bindgen({ module_or_path: chrome.runtime.getURL("pkg/exit_assistant_bg.wasm") });
    // Which of the two a page loaded is on its timeline, for the tests and the benchmark.
    performance.mark("exit-assistant:whole");
    wasm_bindgen.content_main(open);
  } catch (error) {
    couldNotStart(error);
  }
}

function couldNotStart(error) {
  console.warn("[Exit Assistant] could not start:", error);
  if (inFrame) return;
  startFallback(isBlockedByPage(error) ? "blocked" : "failed");
}

// Called by the WASM (src/web/content/crash.rs) when it fails after starting: a panic, or a session
// that could not start. The WASM has already taken its panel off the page.
function exitAssistantFailed(detail) {
  if (inFrame) return;
  startFallback("stopped", String(detail));
}

// Chromium's CompileError under a page CSP carries no reason, so ask directly: if even the
// smallest valid module (its 8-byte header) can't be compiled here, the page forbids WebAssembly.
function isBlockedByPage(_error) {
  try {
    new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    return false;
  } catch {
    return true;
  }
}

// `why`: "blocked" (the page forbids WebAssembly), "failed" (it could not start), or
// "stopped" (it failed later; `detail` says how, for a bug report).
let fallbackStarted = false;
function startFallback(why, detail = "") {
  if (fallbackStarted) return;
  fallbackStarted = true;
  const reply = why === "blocked" ? { state: "blocked-by-page" } : { state: "failed" };
  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type === "status") sendResponse(reply);
    if (message?.type === "open-assistant") showNotice(why, detail);
  });
  chrome.runtime.sendMessage({ type: "page-blocked", why }, () => void chrome.runtime.lastError);
  showNotice(why, detail);
}

// Built with textContent only: no page or extension text is ever parsed as HTML.
function showNotice(why, detail) {
  document.getElementById("exit-assistant-notice")?.remove();
  const host = document.createElement("div");
  host.id = "exit-assistant-notice";
  const root = host.attachShadow({ mode: "open" });
  const box = document.createElement("div");
  box.className = "notice";
  box.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = chrome.i18n.getMessage(`${why}Title`);
  const help = document.createElement("p");
  help.textContent = chrome.i18n.getMessage(why === "blocked" ? "blockedHelp" : "stoppedHelp");
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.textContent = "\u00d7";
  dismiss.setAttribute("aria-label", chrome.i18n.getMessage("dismiss"));
  // Only the person's own click: a page's script can't dismiss the notice.
  dismiss.addEventListener("click", (event) => event.isTrusted && host.remove());
  box.append(title, help, dismiss);
  if (detail) {
    const small = document.createElement("p");
    small.className = "detail";
    small.textContent = chrome.i18n.getMessage("stoppedDetail", [detail.slice(0, 300)]);
    box.append(small);
  }
  root.append(box);
  applyStyle(root, NOTICE_CSS);
  document.documentElement.append(host);
}

// Constructed style sheets are not subject to the page's style-src; <style> is the fallback.
function applyStyle(root, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.prepend(style);
  }
}

const NOTICE_CSS = `
  :host { all: initial; }
  .notice { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px;
    padding: 12px 40px 12px 14px; border-radius: 8px; background: #fff8e1; color: #1f1f1f;
    border: 2px solid #b3261e; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px #0004; }
  .notice p { margin: 6px 0 0; }
  .notice .detail { font-size: 12px; opacity: 0.8; overflow-wrap: anywhere; }
  @media (prefers-color-scheme: dark) { .notice { background: #3a2f12; color: #f1f1f1; } }
  button { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; border: 0;
    border-radius: 4px; background: transparent; color: inherit; font-size: 20px; cursor: pointer; }
  button:focus-visible { outline: 3px solid #0b57d0; }
`;
