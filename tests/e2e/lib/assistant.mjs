// Reading the assistant on a page the way a user would: through its shadow root, by role and
// accessible name. The root is closed, so no script of the page can reach it; the tests reach
// it over WebDriver, as a person's own tools do.
import { By, until } from "selenium-webdriver";

export const HOST = "#exit-assistant-root";
export const NOTICE = "#exit-assistant-notice";

/** Waits until `probe()` returns a truthy value; throws `message` after `ms`. */
export async function eventually(probe, message, ms = 10_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Navigates and waits for the document to finish loading. */
export async function visit(driver, url) {
  await driver.get(url);
  await driver.wait(async () => (await driver.executeScript("return document.readyState")) === "complete", 15_000);
}

/** Runs `script` in the page with `root` bound to the assistant's (closed) shadow root, or
 *  null where the assistant isn't: WebDriver finds the root, and hands the script an element
 *  inside it, whose root node it is. `args` are `arguments[0…]` as usual. */
export async function inRoot(driver, script, ...args) {
  let anchor = null;
  const hosts = await driver.findElements(By.css(HOST));
  if (hosts.length) {
    try {
      anchor = (await (await hosts[0].getShadowRoot()).findElements(By.css(".layer, .pointer")))[0] ?? null;
    } catch {
      anchor = null;
    }
  }
  return driver.executeScript(`const root = arguments[arguments.length - 1]?.getRootNode() ?? null;\n${script}`, ...args, anchor);
}

/** What the assistant shows: "panel", "launcher" or "none", read from its shadow root. */
export async function presence(driver) {
  return inRoot(driver, `
    if (!root) return "none";
    if (root.querySelector("[role=dialog]")) return "panel";
    if (root.querySelector("button.launcher")) return "launcher";
    return "empty";`);
}

export async function waitForPresence(driver, want, ms) {
  return eventually(async () => (await presence(driver)) === want, `assistant should show ${want}`, ms);
}

/** The element in the assistant's shadow root matching `css`. */
export async function inAssistant(driver, css) {
  const host = await driver.wait(until.elementLocated(By.css(HOST)), 10_000);
  const root = await host.getShadowRoot();
  return root.findElement(By.css(css));
}

/** Text of the element in the assistant matching `css`. */
export async function assistantText(driver, css) {
  return inRoot(driver, `return root?.querySelector(arguments[0])?.textContent ?? null`, css);
}

/** Describes what has keyboard focus, looking into the assistant's shadow root. */
export async function focused(driver) {
  return inRoot(driver, `
    let el = document.activeElement;
    if (root && el === root.host) el = root.activeElement ?? el;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, label: el.getAttribute("aria-label"), inAssistant: el.getRootNode() !== document };`);
}

/** Waits a moment for a content script that should NOT run, then reports what it left. */
export async function settledInjection(driver) {
  await new Promise((r) => setTimeout(r, 1500));
  return driver.executeScript(`return { host: !!document.querySelector(${JSON.stringify(HOST)}), notice: !!document.querySelector(${JSON.stringify(NOTICE)}) }`);
}

/** Clicks the assistant's button with this label (inside `scope`, a selector, if given). */
export async function press(driver, label, scope = "") {
  const root = await (await driver.findElement(By.css(HOST))).getShadowRoot();
  for (const button of await root.findElements(By.css(`${scope} button`))) {
    if ((await button.getText()) === label) return button.click();
  }
  throw new Error(`no button "${label}" in ${scope || "the assistant"}`);
}
