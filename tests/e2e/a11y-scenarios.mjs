// End to end: the assistant works for everyone. axe-core finds no violation on the panel, the
// popup, the backup page, the offline report or the letter page; every control is reached with
// the keyboard and shows its focus; and, with dark mode, reduced motion and 200% zoom set as a
// user sets them, the panel is dark, still, and fits the screen.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";

import { By, Key } from "selenium-webdriver";

import { assistantText, eventually, inAssistant, inRoot, press, visit, waitForPresence } from "./lib/assistant.mjs";
import { expectAccessible } from "./lib/axe.mjs";
import { downloaded } from "./lib/downloads.mjs";
import { closePopup, openPopupFor } from "./lib/popup.mjs";
import { closeSession, openSession } from "./lib/session.mjs";

const TIMEOUT = { timeout: 300_000 };
const ORDERS = "https://es.aliexpress.com/p/order/index.html";
const DELETE_PAGE = "https://privacy.aliexpress.com/home#/request/delete";
const HOST = "#exit-assistant-root";


async function backUp(driver) {
  await visit(driver, ORDERS);
  await waitForPresence(driver, "panel");
  await press(driver, "Back up order history");
  return eventually(() => assistantText(driver, ".result"), "the backup should finish", 180_000);
}

/** Tabs through the panel (or the page, without `host`) from its start until focus leaves it
 *  or comes round again: what each stop was and whether its focus can be seen. */
async function tabThrough(driver, { host = true, max = 400 } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await driver.actions().sendKeys(Key.TAB).perform();
    const stop = await inRoot(driver, `
      let el = document.activeElement;
      const inHost = el?.id === ${JSON.stringify(HOST.slice(1))};
      let scope = document;
      // The assistant's root is closed: focus inside it shows on the page as its host.
      if (root && el === root.host) { scope = root; el = root.activeElement; }
      while (el?.shadowRoot?.activeElement) { scope = el.shadowRoot; el = scope.activeElement; }
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // Two controls may share a label ("Nothing left" for the wallet and for gift cards):
      // an element is known by its place in its root.
      const at = [...scope.querySelectorAll("*")].indexOf(el);
      return { inHost, key: at + " " + el.tagName + ":" + (el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40) || el.id),
               visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
               shown: r.width > 0 && r.height > 0 };`);
    if (!stop || (host && !stop.inHost)) break;
    if (stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  return stops;
}

/** Every control a keyboard user must reach in the panel. */
const panelControls = (driver) => inRoot(driver, `
  const all = [...root?.querySelectorAll("*")];
  return [...root?.querySelectorAll("button, a[href], summary, input, select, textarea")]
    // What a closed <details> holds is not shown, so it isn't a Tab stop.
    .filter((el) => el.checkVisibility())
    .map((el) => all.indexOf(el) + " " + el.tagName + ":" + (el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40) || el.id));`);

export function defineA11yScenarios(browserName) {
  describe(`${browserName}: accessibility`, () => {
    let session;
    let driver;
    before(async () => {
      session = await openSession(browserName);
      driver = session.driver;
    });
    after(() => closeSession(session));

    it("axe finds nothing wrong with the panel: before and after a backup, on a closing page, on a money page, on the feedback page", TIMEOUT, async () => {
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      await expectAccessible(assert, driver, "the panel on the order list", HOST);
      await backUp(driver);
      await expectAccessible(assert, driver, "the panel after a backup", HOST);
      await visit(driver, DELETE_PAGE);
      await waitForPresence(driver, "panel");
      await eventually(() => inRoot(driver, `return root?.querySelector(".ring")?.style.display === "block"`), "the ring is drawn");
      await expectAccessible(assert, driver, "the panel and ring on the privacy centre", HOST);
      // Without reduced motion the ring pulses: the reduced-motion test below checks it stops.
      assert.equal(await inRoot(driver, `return getComputedStyle(root?.querySelector(".ring")).animationName`), "pulse");
      await visit(driver, "https://www.aliexpress.com/p/wallet-ui/index.html?fixture=unknown");
      await waitForPresence(driver, "launcher");
      await expectAccessible(assert, driver, "the launcher", HOST);
      await (await inAssistant(driver, "button.launcher")).click();
      await waitForPresence(driver, "panel");
      await expectAccessible(assert, driver, "the panel on the wallet", HOST);
      await visit(driver, "https://feedback.aliexpress.com/management/feedbackBuyerList.htm");
      await waitForPresence(driver, "launcher");
      await (await inAssistant(driver, "button.launcher")).click();
      await waitForPresence(driver, "panel");
      await eventually(() => inRoot(driver, `return root?.querySelector(".reviews-save") !== null`), "the reviews' save button shows");
      await expectAccessible(assert, driver, "the panel on the feedback page", HOST);
    });

    it("axe finds nothing wrong with the popup, the backup page, the report or the letter page", TIMEOUT, async () => {
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      const popup = await openPopupFor(session.browser);
      await driver.wait(async () => (await driver.findElements(By.css(".status"))).length > 0, 10_000);
      await expectAccessible(assert, driver, "the popup");
      await closePopup(driver, popup);

      const before = new Set(fs.readdirSync(session.browser.downloads));
      await press(driver, "Download report");
      const name = await eventually(() => fs.readdirSync(session.browser.downloads).find((n) => !before.has(n) && /\.html$/.test(n)), "the report");
      const report = await downloaded(session.browser.downloads, new RegExp(`^${name.replace(/\./g, "\\.")}$`));
      const page = await driver.getWindowHandle();
      await driver.switchTo().newWindow("tab");
      await session.browser.applyDisplay();
      await driver.get(`file://${report}`);
      await expectAccessible(assert, driver, "the offline report");
      await driver.close();
      await driver.switchTo().window(page);

      await session.browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      await section.findElement(By.css("button.show")).click();
      await driver.wait(async () => (await section.findElements(By.css("tbody tr"))).length > 0, 10_000);
      await expectAccessible(assert, driver, "the backup page, orders shown");
      await section.findElement(By.css("button.delete")).click();
      await expectAccessible(assert, driver, "the backup page, asking before deleting");
      await driver.close();
      await driver.switchTo().window(page);

      await session.browser.openExtensionPage("letter.html");
      await driver.wait(async () => (await driver.findElements(By.id("email"))).length === 1, 10_000);
      await expectAccessible(assert, driver, "the letter page");
      await driver.findElement(By.id("download")).click();
      await expectAccessible(assert, driver, "the letter page, saying what is missing");
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("works with the keyboard alone: Tab reaches every control of the panel and the backup page, with visible focus", TIMEOUT, async () => {
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      const title = await inAssistant(driver, "#ea-title");
      await driver.executeScript("arguments[0].focus()", title);
      const stops = await tabThrough(driver);
      const want = await panelControls(driver);
      assert.ok(want.length >= 5, `the panel has controls: ${want}`);
      assert.deepEqual(stops.map((s) => s.key), want, "Tab reaches each control once, in reading order");
      for (const stop of stops) assert.ok(stop.visible && stop.shown, `focus is visible on ${stop.key}`);

      const page = await driver.getWindowHandle();
      await session.browser.openExtensionPage("backup.html");
      await driver.wait(async () => (await driver.findElements(By.css("section.backup"))).length > 0, 10_000);
      const pageStops = await tabThrough(driver, { host: false });
      assert.ok(pageStops.length >= 5, `the backup page has stops: ${pageStops.map((s) => s.key)}`);
      for (const stop of pageStops) assert.ok(stop.visible && stop.shown, `focus is visible on ${stop.key}`);
      assert.ok(pageStops.some((s) => / INPUT:import-file$/.test(s.key)), `the import picker is reached: ${pageStops.map((s) => s.key).join(" | ")}`);
      await driver.close();
      await driver.switchTo().window(page);
    });
  });

  describe(`${browserName}: dark mode, reduced motion and 200% zoom`, () => {
    let session;
    let driver;
    before(async () => {
      session = await openSession(browserName, { display: { dark: true, reducedMotion: true, zoom: 2 } });
      driver = session.driver;
    });
    after(() => closeSession(session));

    it("the panel is dark and passes axe's contrast checks, nothing moves, and it fits a 200% zoomed window", TIMEOUT, async () => {
      await backUp(driver);
      const seen = await inRoot(driver, `
        const panel = root?.querySelector(".panel");
        const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
        const luminance = (c) => { const [r, g, b] = rgb(c); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
        const style = getComputedStyle(panel);
        const r = panel.getBoundingClientRect();
        return { width: innerWidth, background: luminance(style.backgroundColor), text: luminance(style.color),
                 inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
                 sideways: panel.scrollWidth > panel.clientWidth + 1 };`);
      assert.ok(seen.width <= 660, `the window is 640 CSS pixels wide at 200% (${seen.width})`);
      assert.ok(seen.background < 0.2 && seen.text > 0.7, `dark panel, light text: ${JSON.stringify(seen)}`);
      assert.equal(seen.inside, true, "the panel is within the zoomed window");
      assert.equal(seen.sideways, false, "no sideways scrolling in the panel");
      await expectAccessible(assert, driver, "the dark panel", HOST);
      // The last control can be scrolled to and used: the panel scrolls, the page needn't.
      const last = await inRoot(driver, `
        const buttons = [...root?.querySelectorAll(".panel button")].filter((b) => b.checkVisibility());
        const b = buttons[buttons.length - 1]; b.scrollIntoView({ block: "nearest" });
        const r = b.getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0 && r.right <= innerWidth;`);
      assert.equal(last, true, "the panel's last button scrolls into view");

      // Reduced motion: the ring doesn't pulse, the panel doesn't slide in.
      await visit(driver, DELETE_PAGE);
      await waitForPresence(driver, "panel");
      await eventually(() => inRoot(driver, `return root?.querySelector(".ring")?.style.display === "block"`), "the ring is drawn");
      const moving = await inRoot(driver, `
        return [...root?.querySelectorAll("*")].filter((el) => { const s = getComputedStyle(el);
          return s.animationName !== "none" || parseFloat(s.transitionDuration) > 0; }).map((el) => el.className);`);
      assert.deepEqual(moving, [], "nothing animates under reduced motion");

      const page = await driver.getWindowHandle();
      await session.browser.openExtensionPage("backup.html");
      await driver.wait(async () => (await driver.findElements(By.css("section.backup"))).length > 0, 10_000);
      await expectAccessible(assert, driver, "the dark backup page");
      assert.equal(await driver.executeScript("return document.documentElement.scrollWidth <= innerWidth + 1"), true, "the backup page reflows at 200%");
      await driver.close();
      await driver.switchTo().window(page);
      await session.browser.openExtensionPage("letter.html");
      await driver.wait(async () => (await driver.findElements(By.id("email"))).length === 1, 10_000);
      await expectAccessible(assert, driver, "the dark letter page");
      assert.equal(await driver.executeScript("return document.documentElement.scrollWidth <= innerWidth + 1"), true, "the letter page reflows at 200%");
      await driver.close();
      await driver.switchTo().window(page);
      const popup = await openPopupFor(session.browser);
      await driver.wait(async () => (await driver.findElements(By.css(".status"))).length > 0, 10_000);
      await expectAccessible(assert, driver, "the dark popup");
      await closePopup(driver, popup);
    });
  });
}
