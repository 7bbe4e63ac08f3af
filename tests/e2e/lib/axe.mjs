// Runs axe-core (Deque's accessibility engine, pinned in package.json) inside the page the
// browser shows. WebDriver injects it, so neither a page's CSP nor the extension's own limits
// it, and it is never part of the extension.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe's verdict on the page, or only on `selector` (the assistant's host: axe reads its open
 *  shadow root): { violations: [{ id, impact, help, nodes }], passed: rules checked and passed }.
 *  A run that checked nothing proves nothing, so callers also look at `passed`. */
export async function axeCheck(driver, selector = null) {
  await driver.executeScript(AXE_SOURCE);
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const context = arguments[0] ? { include: [[arguments[0]]] } : document;
    axe.run(context, { resultTypes: ["violations", "passes"] })
      .then((r) => done({ passed: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target) + " " + n.failureSummary) })) }))
      .catch((e) => done({ error: String(e) }));`, selector);
  if (result?.error) throw new Error(`axe failed: ${result.error}`);
  return result;
}

/** Asserts axe finds nothing wrong, and that it did check something. */
export async function expectAccessible(assert, driver, where, selector = null) {
  const { violations, passed } = await axeCheck(driver, selector);
  assert.deepEqual(violations, [], `axe on ${where}`);
  assert.ok(passed >= 5, `axe checked ${where} (${passed} rules passed)`);
}
