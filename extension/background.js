// Background (Chrome service worker / Firefox event page). It does two small jobs for the
// content script, which can't do them itself:
// - mark the toolbar button of a tab where the page blocked the assistant, so the user can
//   see why in the popup (tab badges reset by themselves when the tab navigates);
// - open the letter page in a new tab (content scripts can't open extension pages).
"use strict";

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const tabId = sender.tab?.id;
  if (message?.type === "open-letter") {
    chrome.tabs.create({ url: chrome.runtime.getURL("letter.html"), openerTabId: tabId }, () => sendResponse(true));
    return true;
  }
  if (message?.type !== "page-blocked" || tabId === undefined) return;
  chrome.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
  chrome.action.setBadgeText({ tabId, text: "!" });
  chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage("blockedTitle") });
});
