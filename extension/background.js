// Background (Chrome service worker / Firefox event page). It does what the content script
// can't do itself:
// - mark the toolbar button of a tab where the page blocked the assistant, so the user can
//   see why in the popup (tab badges reset by themselves when the tab navigates);
// - open the letter page in a new tab (content scripts can't open extension pages);
// - make the panel's exports (JSON, CSVs, report) and page reports with the extension pages'
//   WASM, so the WASM every AliExpress page loads stays small, and save them to the user's
//   downloads from here, never through the AliExpress page (src/web/pages/download.rs);
// - merge the per-host backups of earlier versions into one per site, on update and start-up;
// - tell a content script its tab's id, and whether another tab is still open (backup leases).
"use strict";

// Firefox lists the glue before this file in the manifest; Chrome's service worker imports it.
if (typeof wasm_bindgen === "undefined") importScripts("pkg-pages/exit_assistant.js");

let pagesWasm = null;
const pages = () => (pagesWasm ??= wasm_bindgen({ module_or_path: chrome.runtime.getURL("pkg-pages/exit_assistant_bg.wasm") }));

// Backups that earlier versions kept per host become one per site (src/web/saved.rs).
const migrate = () =>
  pages()
    .then(() => wasm_bindgen.migrate_backups())
    .catch((error) => console.warn("[Exit Assistant] per-host backups not merged:", error));
chrome.runtime.onInstalled.addListener(migrate);
chrome.runtime.onStartup.addListener(migrate);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const tabId = sender.tab?.id;
  if (message?.type === "open-letter") {
    chrome.tabs.create({ url: chrome.runtime.getURL("letter.html"), openerTabId: tabId }, () => sendResponse(true));
    return true;
  }
  if (message?.type === "export") {
    pages()
      .then(() => wasm_bindgen.export_saved(message))
      .then(sendResponse, (error) => sendResponse({ error: String(error) }));
    return true;
  }
  // A run's lease names its tab (src/core/lease.rs): a reloaded page knows its own, and a
  // lease whose tab was closed holds nothing.
  if (message?.type === "who-am-i") {
    sendResponse(tabId ?? null);
    return;
  }
  if (message?.type === "tab-alive") {
    chrome.tabs.get(message.tab, () => sendResponse(!chrome.runtime.lastError));
    return true;
  }
  if (message?.type === "page-report") {
    pages()
      .then(() => wasm_bindgen.page_report(message))
      .then(sendResponse, (error) => sendResponse({ error: String(error) }));
    return true;
  }
  if (message?.type !== "page-blocked" || tabId === undefined) return;
  chrome.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
  chrome.action.setBadgeText({ tabId, text: "!" });
  const title = { blocked: "blockedTitle", failed: "failedTitle", stopped: "stoppedTitle" }[message.why] ?? "blockedTitle";
  chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage(title) });
});
