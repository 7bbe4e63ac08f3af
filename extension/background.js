// Background (Chrome service worker / Firefox event page). Its one job for now: mark the
// toolbar button of a tab where the page blocked the assistant, so the user can see why in
// the popup. Tab-specific badges reset by themselves when the tab navigates.
"use strict";

chrome.runtime.onMessage.addListener((message, sender) => {
  const tabId = sender.tab?.id;
  if (message?.type !== "page-blocked" || tabId === undefined) return;
  chrome.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
  chrome.action.setBadgeText({ tabId, text: "!" });
  chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage("blockedTitle") });
});
