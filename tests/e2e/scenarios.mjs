// The end-to-end scenarios, run identically in Chromium and Firefox: the built dist/ loaded
// into the real browser, visiting fixture pages served at the real AliExpress URLs.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { By, Key } from "selenium-webdriver";

import { assistantText, eventually, focused, inAssistant, inRoot, NOTICE, presence, settledInjection, visit, waitForPresence } from "./lib/assistant.mjs";
import { closeSession, openSession } from "./lib/session.mjs";
import { FIXTURE_HOSTS } from "./lib/fixture-server.mjs";
import { ROOT, WORK } from "./lib/paths.mjs";
import { closePopup, openPopupFor, popupStatus } from "./lib/popup.mjs";
import { expectNoOwnRequests } from "./lib/requests.mjs";

const ORDERS = "https://www.aliexpress.com/p/order/index.html";
const TIMEOUT = { timeout: 90_000 };

async function screenshot(driver, name) {
  const dir = path.join(WORK, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  fs.writeFileSync(file, await driver.takeScreenshot(), "base64");
  return file;
}

/** Makes sure the panel is not dismissed, so each scenario starts from a fresh user. */
async function reopenIfDismissed(driver) {
  await visit(driver, ORDERS);
  await eventually(async () => (await presence(driver)) !== "none", "assistant should mount");
  if ((await presence(driver)) === "launcher") {
    await (await inAssistant(driver, "button.launcher")).click();
    await waitForPresence(driver, "panel");
  }
}

export function defineScenarios(browserName) {
  describe(`${browserName}: the assistant on AliExpress pages`, () => {
    let browser;
    let server;
    let driver;

    before(async () => {
      ({ browser, server, driver } = await openSession(browserName));
    });

    after(() => closeSession({ server, driver }));

    it("serves fixtures at the real URL, where the content script runs", TIMEOUT, async () => {
      await visit(driver, ORDERS);
      assert.equal(await driver.getCurrentUrl(), ORDERS);
      await eventually(async () => (await presence(driver)) !== "none", "the content script should mount the assistant");
    });

    it("opens the panel by itself on the order list, as a named non-modal dialog", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      const dialog = await inAssistant(driver, "[role=dialog]");
      assert.equal(await dialog.getAccessibleName(), "Close-account assistant");
      assert.equal(await dialog.getAttribute("aria-modal"), "false");
      assert.equal(await assistantText(driver, ".where"), "You are on: Order list");
      const steps = await inRoot(driver, `return [...root?.querySelectorAll("ol.steps li .label")].map((li) => li.textContent)`);
      assert.deepEqual(steps, [
        "Back up your orders",
        "Settle pending orders and disputes",
        "Use or withdraw money left: balance, coins, coupons",
        "Close the account",
        "After closing",
      ]);
      const states = await inRoot(driver, `return [...root?.querySelectorAll("ol.steps li")].map((li) => li.dataset.state)`);
      assert.deepEqual(states, ["current", "todo", "todo", "todo", "todo"], "nothing is done yet: backing up comes first");
      const position = await inRoot(driver, `return getComputedStyle(root?.querySelector(".layer")).position`);
      assert.equal(position, "fixed", "the assistant's own CSS applies inside its shadow root");
      const file = await screenshot(driver, `${browserName}-order-list`);
      if (process.env.UPDATE_DOCS === "1" && browserName === "chromium") {
        fs.copyFileSync(file, path.join(ROOT, "docs/assistant-order-list.png"));
      }
    });

    it("opens the panel by itself on account settings and both closing pages", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      const pages = [
        ["https://accounts.aliexpress.com/user/organization/manage_person_profile.htm", "Account settings"],
        ["https://privacy.aliexpress.com/home#/request/delete", "Delete account (privacy centre)"],
        ["https://accounts.aliexpress.com/user/organization/deactive_account.htm", "Deactivate account (older page)"],
        ["https://ko.aliexpress.com/p/order/index.html", "Order list"],
        ["https://www.aliexpress.us/p/order/index.html", "Order list"],
      ];
      for (const [url, kind] of pages) {
        await visit(driver, url);
        await waitForPresence(driver, "panel");
        assert.equal(await assistantText(driver, ".where"), `You are on: ${kind}`, url);
      }
    });

    it("shows only the launcher, named Open assistant, on other AliExpress pages", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      for (const url of [
        "https://www.aliexpress.com/p/wallet-ui/index.html",
        "https://www.aliexpress.com/p/coin-pc-index/mycoin.html",
        "https://www.aliexpress.com/p/my-coupons/index.html",
        "https://www.aliexpress.com/",
        "https://login.aliexpress.com/",
      ]) {
        await visit(driver, url);
        await waitForPresence(driver, "launcher");
        const launcher = await inAssistant(driver, "button.launcher");
        assert.equal(await launcher.getAccessibleName(), "Open assistant", url);
      }
      await (await inAssistant(driver, "button.launcher")).click();
      await waitForPresence(driver, "panel");
      assert.equal(await assistantText(driver, ".where"), "You are on: Sign-in page");
    });

    it("follows the privacy centre's hash route to the delete page without a reload", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, "https://privacy.aliexpress.com/home");
      await waitForPresence(driver, "launcher");
      await driver.findElement(By.linkText("Delete account")).click();
      await waitForPresence(driver, "panel");
      assert.equal(await assistantText(driver, ".where"), "You are on: Delete account (privacy centre)");
    });

    it("follows in-page navigation (pushState and Back) with one panel, never a second", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, "https://www.aliexpress.com/");
      await waitForPresence(driver, "launcher");
      // As AliExpress's own pages do: a new address by pushState (no event fires), then the
      // new page drawn into the DOM.
      const spaTo = (url) => driver.executeScript(`history.pushState({}, "", arguments[0]); const main = document.createElement("main"); main.textContent = "page"; document.body.append(main);`, url);
      for (let round = 0; round < 5; round++) {
        await spaTo("/p/order/index.html");
        await waitForPresence(driver, "panel");
        assert.equal(await eventually(async () => { const t = await assistantText(driver, ".where"); return t === "You are on: Order list" && t; }, "the panel should follow to the order list"), "You are on: Order list");
        await spaTo("/p/account/index.html");
        await eventually(async () => (await assistantText(driver, ".where")) === "You are on: Account settings", "the panel should follow to the account page");
        await driver.executeScript("history.back()");
        await eventually(async () => (await assistantText(driver, ".where")) === "You are on: Order list", "Back should return to the order list");
        await driver.executeScript("history.back()");
        await waitForPresence(driver, "launcher");
      }
      const counts = await inRoot(driver, `
        return { hosts: document.querySelectorAll("#exit-assistant-root").length,
                 launchers: root?.querySelectorAll(".launcher").length,
                 dialogs: root?.querySelectorAll("[role=dialog]").length,
                 notices: document.querySelectorAll("#exit-assistant-notice").length };`);
      assert.deepEqual(counts, { hosts: 1, launchers: 1, dialogs: 0, notices: 0 });
    });

    it("recognises a page by what it shows once it hydrates, where the URL names no page", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, "https://www.aliexpress.com/p/some-future-page/index.html");
      await waitForPresence(driver, "launcher");
      await waitForPresence(driver, "panel", 15_000);
      assert.equal(await assistantText(driver, ".where"), "You are on: Order list");
    });

    it("treats aliexpress.ru as a separate site and says its orders aren't supported yet", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, "https://aliexpress.ru/order-list");
      await waitForPresence(driver, "panel");
      assert.match(await assistantText(driver, ".note"), /aliexpress\.ru.*can't read them yet/);
    });

    it("injects nothing on pages that aren't AliExpress, look-alike hosts included", TIMEOUT, async () => {
      for (const url of ["https://www.example.com/", "https://aliexpress.com.evil.example/p/order/index.html"]) {
        await visit(driver, url);
        assert.equal(await driver.getCurrentUrl(), url);
        assert.deepEqual(await settledInjection(driver), { host: false, notice: false }, url);
      }
    });

    it("remembers that the panel was closed, across reloads and pages, until reopened", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await (await inAssistant(driver, "button.close")).click();
      await waitForPresence(driver, "launcher");
      assert.equal((await focused(driver))?.label, "Open assistant", "focus returns to the launcher");
      await driver.navigate().refresh();
      await waitForPresence(driver, "launcher");
      await visit(driver, "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm");
      await waitForPresence(driver, "launcher");
      await (await inAssistant(driver, "button.launcher")).click();
      await waitForPresence(driver, "panel");
      assert.equal((await focused(driver))?.id, "ea-title", "focus moves into the panel");
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
    });

    it("is fully keyboard-operable: Tab, Enter and Escape", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, "https://www.aliexpress.com/p/wallet-ui/index.html");
      await waitForPresence(driver, "launcher");
      const body = await driver.findElement(By.css("body"));
      await driver.executeScript("document.activeElement?.blur(); window.focus();");
      let reached = false;
      for (let i = 0; i < 20 && !reached; i++) {
        await driver.actions().sendKeys(Key.TAB).perform();
        reached = (await focused(driver))?.label === "Open assistant";
      }
      assert.ok(reached, "Tab reaches the launcher");
      await driver.actions().sendKeys(Key.ENTER).perform();
      await waitForPresence(driver, "panel");
      assert.equal((await focused(driver))?.id, "ea-title");
      await driver.actions().sendKeys(Key.TAB).perform();
      assert.equal((await focused(driver))?.label, "Close assistant", "Tab moves to the close button");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await waitForPresence(driver, "launcher");
      assert.equal((await focused(driver))?.label, "Open assistant");
      await driver.actions().sendKeys(Key.ENTER).perform();
      await waitForPresence(driver, "panel");
      await driver.actions().sendKeys(Key.TAB, Key.ENTER).perform();
      await waitForPresence(driver, "launcher");
      assert.ok(body, "page still there");
    });

    it("toolbar popup: names the tab's page and opens the assistant there", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await (await inAssistant(driver, "button.close")).click();
      await waitForPresence(driver, "launcher");
      const popup = await openPopupFor(browser);
      const status = await popupStatus(driver);
      assert.deepEqual(
        { state: status.state, text: status.text, buttons: status.buttons },
        { state: "running", text: "This is an AliExpress page: Order list", buttons: ["Open the assistant on this page", "Open saved backups", "Write a deletion letter"] },
      );
      await driver.findElement(By.xpath("//button[text()='Open the assistant on this page']")).click();
      await closePopup(driver, popup);
      await waitForPresence(driver, "panel");
    });

    it("loads only the launcher where the assistant waits to be asked, and the rest when asked", TIMEOUT, async () => {
      // loader.js marks the page's timeline when it starts each of the two WASMs.
      const loaded = () => driver.executeScript(`return ["launcher", "whole"].filter((m) => performance.getEntriesByName("exit-assistant:" + m).length)`);
      await reopenIfDismissed(driver);
      for (const url of ["https://www.aliexpress.com/", "https://login.aliexpress.com/"]) {
        await visit(driver, url);
        await waitForPresence(driver, "launcher");
        await driver.sleep(1_500);
        assert.deepEqual(await loaded(), ["launcher"], `${url}: only the launcher`);
      }
      // A page's script finds the launcher's host, not its closed root, and what it presses
      // on the host opens nothing.
      const attacked = await driver.executeScript(`
        const host = document.querySelector("#exit-assistant-root");
        host.click();
        for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
        for (const key of ["Enter", " "]) host.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
        return { root: host.shadowRoot };`);
      assert.deepEqual(attacked, { root: null });
      await driver.sleep(1_000);
      assert.equal(await presence(driver), "launcher", "a script's press opens nothing");
      assert.deepEqual(await loaded(), ["launcher"], "a script's press loads nothing");
      // The person's own click opens the panel, and only then is the rest loaded.
      await (await inAssistant(driver, "button.launcher")).click();
      await waitForPresence(driver, "panel");
      assert.equal((await focused(driver))?.id, "ea-title", "focus moves into the panel");
      assert.deepEqual(await loaded(), ["launcher", "whole"]);
      // The toolbar popup is answered by the launcher alone, and opens the assistant.
      await visit(driver, "https://www.aliexpress.com/");
      await waitForPresence(driver, "launcher");
      const popup = await openPopupFor(browser);
      const status = await popupStatus(driver);
      assert.deepEqual({ state: status.state, text: status.text }, { state: "running", text: "This is an AliExpress page: Another AliExpress page" });
      await driver.findElement(By.xpath("//button[text()='Open the assistant on this page']")).click();
      await closePopup(driver, popup);
      await waitForPresence(driver, "panel");
      assert.deepEqual(await loaded(), ["launcher", "whole"]);
      // Where the assistant works unasked (a money page it reads), the rest loads at once.
      await visit(driver, "https://www.aliexpress.com/p/coin-pc-index/mycoin.html");
      await waitForPresence(driver, "launcher");
      await eventually(async () => (await loaded()).includes("whole"), "the coins page loads the whole assistant");
    });

    it("toolbar popup: says when the tab is not AliExpress", TIMEOUT, async () => {
      await visit(driver, "https://www.example.com/");
      const popup = await openPopupFor(browser);
      const status = await popupStatus(driver);
      assert.equal(status.state, "not-aliexpress");
      assert.deepEqual(status.buttons, ["Go to my AliExpress orders", "Open saved backups", "Write a deletion letter"]);
      // The privacy policy is one click away, as a page of the package.
      const link = await driver.findElement(By.css("a.privacy"));
      assert.equal(await link.getText(), "Privacy policy");
      await link.click();
      const privacyTabs = () => driver.executeAsyncScript(`const done = arguments[0];
        chrome.tabs.query({}, (tabs) => done(tabs.filter((t) => t.url?.endsWith("/privacy.html")).length));`);
      await eventually(async () => (await privacyTabs()) === 1, "the link opened the privacy page in a tab");
      // Closed again, so that the next popup is pointed at a page's tab.
      await driver.executeAsyncScript(`const done = arguments[0];
        chrome.tabs.query({}, (tabs) => chrome.tabs.remove(tabs.filter((t) => t.url?.endsWith("/privacy.html")).map((t) => t.id), done));`);
      await closePopup(driver, popup);
    });

    it("shows PRIVACY.md as its privacy page, with no script", TIMEOUT, async () => {
      const page = await driver.getWindowHandle();
      await browser.openExtensionPage("privacy.html");
      const markdown = fs.readFileSync(path.join(ROOT, "PRIVACY.md"), "utf8");
      const headings = (level) => [...markdown.matchAll(new RegExp(`^${"#".repeat(level)} (.+)$`, "gm"))].map((m) => m[1].replace(/`/g, ""));
      const shown = await driver.executeScript(`return {
        h1: [...document.querySelectorAll("h1")].map((h) => h.textContent),
        h2: [...document.querySelectorAll("h2")].map((h) => h.textContent),
        scripts: document.scripts.length, title: document.title };`);
      assert.deepEqual(shown.h1, headings(1));
      assert.deepEqual(shown.h2, headings(2));
      assert.equal(shown.title, headings(1)[0]);
      assert.equal(shown.scripts, 0);
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("never fails silently under a strict page CSP (script-src 'self')", TIMEOUT, async () => {
      await reopenIfDismissed(driver);
      await visit(driver, `${ORDERS}?fixture=strict-csp`);
      // Chromium applies the page's CSP to WebAssembly in content scripts; Firefox does not.
      if (browserName === "chromium") {
        const notice = await eventually(() => driver.executeScript(`
          const box = document.querySelector(${JSON.stringify(NOTICE)})?.shadowRoot?.querySelector("[role=alert]");
          return box ? box.textContent : null;`), "a notice should explain that the page blocks the assistant");
        assert.match(notice, /This page blocks the assistant/);
        assert.match(notice, /What you can do/);
        assert.equal(await presence(driver), "none");
        const popup = await openPopupFor(browser);
        const status = await popupStatus(driver);
        assert.equal(status.state, "blocked-by-page");
        assert.equal(status.text, "This page blocks the assistant");
        assert.match(status.detail, /What you can do/);
        await closePopup(driver, popup);
      } else {
        await waitForPresence(driver, "panel");
        assert.equal(await driver.executeScript(`return !!document.querySelector(${JSON.stringify(NOTICE)})`), false);
        const popup = await openPopupFor(browser);
        assert.equal((await popupStatus(driver)).state, "running");
        await closePopup(driver, popup);
      }
    });

    it("every request was served from fixtures or refused", TIMEOUT, async () => {
      const served = server.requests.filter((r) => r.served);
      assert.ok(served.length > 10, "the fixture server served the pages");
      for (const request of served) {
        assert.ok(FIXTURE_HOSTS.includes(new URL(request.url).hostname), request.url);
      }
      const refused = server.requests.filter((r) => !r.served).map((r) => r.url);
      console.log(`${browserName}: ${served.length} requests served, ${refused.length} refused`, refused.slice(0, 5));
    });

    it("made no network request of its own: every request came from a page or the browser", TIMEOUT, async () => {
      await expectNoOwnRequests(assert, { browser, driver, server });
    });
  });
}
