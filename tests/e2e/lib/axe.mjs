// Runs axe-core (Deque's accessibility engine, pinned in package.json) inside the page the
// browser shows. WebDriver injects it, so neither a page's CSP nor the extension's own limits
// it, and it is never part of the extension.
import fs from "node:fs";
import { createRequire } from "node:module";

import { By } from "selenium-webdriver";

import { HOST } from "./assistant.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe's verdict on the page, or only on `selector`: { violations: [{ id, impact, help, nodes }],
 *  passed: rules checked and passed }. A run that checked nothing proves nothing, so callers
 *  also look at `passed`.
 *
 *  The assistant's shadow root is closed, and axe reads only open ones. So for the assistant
 *  (`selector` is its host), axe checks a copy: the same markup and the same style sheets, in
 *  an open root at the same place, with the original hidden meanwhile. WebDriver finds the
 *  closed root and hands the script an element inside it. */
export async function axeCheck(driver, selector = null) {
  await driver.executeScript(AXE_SOURCE);
  let anchor = null;
  if (selector === HOST) {
    const root = await (await driver.findElement(By.css(HOST))).getShadowRoot();
    anchor = (await root.findElements(By.css(".layer, .pointer")))[0];
  }
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const [selector, anchor] = arguments;
    let context = selector ? { include: [[selector]] } : document;
    let undo = () => {};
    if (anchor) {
      const closed = anchor.getRootNode();
      const copy = document.createElement("div");
      copy.id = "axe-copy-of-the-assistant";
      const open = copy.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = [...closed.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\\n");
      open.append(style, ...[...closed.childNodes].map((n) => n.cloneNode(true)));
      document.documentElement.append(copy);
      closed.host.style.visibility = "hidden";
      context = { include: [["#" + copy.id]] };
      undo = () => { copy.remove(); closed.host.style.visibility = ""; };
    }
    axe.run(context, { resultTypes: ["violations", "passes"] })
      .then((r) => { undo(); done({ passed: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target) + " " + n.failureSummary) })) }); })
      .catch((e) => { undo(); done({ error: String(e) }); });`, selector, anchor);
  if (result?.error) throw new Error(`axe failed: ${result.error}`);
  return result;
}

/** Asserts axe finds nothing wrong, and that it did check something. */
export async function expectAccessible(assert, driver, where, selector = null) {
  const { violations, passed } = await axeCheck(driver, selector);
  assert.deepEqual(violations, [], `axe on ${where}`);
  assert.ok(passed >= 5, `axe checked ${where} (${passed} rules passed)`);
}
