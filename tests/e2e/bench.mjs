// The benchmark (`./build.sh bench`): issue 15's figures from the release build, in real
// Chromium and real Firefox, one run each, printed beside their goals and written to
// docs/benchmarks.md. It is a measurement, not a test: nothing here passes or fails, except a
// run that can't measure at all.
//
// - what a product page and the order list load, raw and gzipped (tools/sizes.mjs);
// - content-script start to the launcher drawn on a page that waits to be asked, and to the
//   panel drawn on the order list, medians of 20 loads;
// - parsing 1,000 order cards in the WASM against a plain-JavaScript baseline that reads the
//   same fields in the same page, as a ratio (lib/parse-bench.mjs);
// - the extension's own tasks and the page's long tasks during a full backup of the
//   10,000-order history (written at bench time);
// - the saved-backups page opening and searching those 10,000 orders: its longest task;
// - a second backup some days later (10 new orders, 5 changed statuses): how long, how many
//   orders read.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { By } from "selenium-webdriver";

import { assistantText, eventually, inRoot, press, visit, waitForPresence } from "./lib/assistant.mjs";
import { LAUNCHERS } from "./lib/browsers.mjs";
import { BIG, BIG_LATER, writeHistory } from "../fixtures/histories/generate.mjs";
import { HISTORIES, startFixtureServer } from "./lib/fixture-server.mjs";
import { LONG_TASK_MS, WATCH } from "./lib/main-thread.mjs";
import { DIST, ROOT, WORK } from "./lib/paths.mjs";
import { LAUNCHER_BUDGET_GZ, loadSizes } from "../../tools/sizes.mjs";
import { parseRatio } from "./lib/parse-bench.mjs";

const RUNS = 20;
const ORDER_LIST = HISTORIES.find((h) => h.name === "en-brl").url;
const QUIET_PAGE = "https://www.aliexpress.com/";
const BIG_URL = `https://${BIG.host}/p/order/index.html`;
const SITE = "aliexpress.com";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

/** Content-script start (loader.js's first line) to `mark`, over RUNS loads of `url`. */
async function startup(driver, url, want, mark) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await visit(driver, url);
    await waitForPresence(driver, want);
    times.push(await eventually(() => driver.executeScript(`
      const start = performance.getEntriesByName("exit-assistant:start")[0];
      const end = performance.getEntriesByName(arguments[0])[0];
      return start && end ? end.startTime - start.startTime : null;`, mark), `the marks on ${url}`));
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const stopWatch = (driver) => driver.executeScript("clearTimeout(window.__watch.timer); return window.__watch;");

/** A full backup of the 10,000-order history: the extension's own tasks (its performance
 *  measures: reading up to 10 new cards and merging them, or preparing a save) and the page's
 *  long tasks. "View orders" adds 100 orders a press here (10 on the real page). */
async function backupRun(driver, server) {
  const dir = path.join(WORK, "histories/big");
  if (!fs.existsSync(path.join(dir, "list.html"))) writeHistory(BIG, dir);
  server.addHistory({ ...BIG, dir });
  server.control.behaviour = { pageSize: 100, pressMs: 150 };
  await visit(driver, BIG_URL);
  await waitForPresence(driver, "panel");
  await driver.executeScript(WATCH);
  await press(driver, "Back up order history");
  const started = Date.now();
  await eventually(() => assistantText(driver, ".result"), "the backup should finish", 1_800_000);
  const seconds = (Date.now() - started) / 1000;
  const watch = await stopWatch(driver);
  const steps = await driver.executeScript(`return ["read", "save"].flatMap((kind) => performance.getEntriesByName("exit-assistant:step-" + kind).map((e) => e.duration))`);
  const sorted = [...steps].sort((a, b) => a - b);
  return {
    seconds, steps: steps.length, median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0, longest: Math.max(0, ...steps),
    over: steps.filter((d) => d > LONG_TASK_MS).length, pageLongest: watch.longest, pageOver: watch.over.length, how: watch.how,
  };
}

/** The saved-backups page with the 10,000 orders: its longest task while the table opens,
 *  and while a search runs. */
async function backupPage(browser) {
  const { driver } = browser;
  const tab = await driver.getWindowHandle();
  await browser.openExtensionPage("backup.html");
  const section = await driver.wait(async () => (await driver.findElements(By.css(`section.backup[data-site='${SITE}']`)))[0], 30_000);
  await driver.executeScript(WATCH);
  await section.findElement(By.css("button.show")).click();
  const search = await driver.wait(async () => (await section.findElements(By.css("input[type=search]")))[0], 30_000);
  await driver.sleep(1_000);
  const open = await stopWatch(driver);
  await driver.executeScript(WATCH);
  await search.sendKeys("Bluetooth");
  await driver.sleep(1_500);
  const searched = await stopWatch(driver);
  await driver.close();
  await driver.switchTo().window(tab);
  return { open, searched };
}

/** A second backup some days later: 10 new orders, 5 changed statuses, 10 cards a press. */
async function refreshRun(driver, server) {
  const dir = path.join(WORK, "histories/big-later");
  if (!fs.existsSync(path.join(dir, "list.html"))) writeHistory(BIG_LATER, dir);
  server.addHistory({ ...BIG_LATER, dir });
  server.control.behaviour = { pageSize: 10, pressMs: 150 };
  await visit(driver, BIG_URL);
  await waitForPresence(driver, "panel");
  const started = Date.now();
  await press(driver, "Back up order history");
  await eventually(() => assistantText(driver, ".result"), "the second backup should finish", 900_000);
  const seconds = (Date.now() - started) / 1000;
  const note = (await assistantText(driver, ".refreshed")) ?? "";
  return { seconds, read: Number(note.match(/the (\d+) newest orders/)?.[1] ?? NaN) };
}

async function measure(browserName, server) {
  const browser = await LAUNCHERS[browserName](browserName === "chromium" ? { loopback: true } : {});
  try {
    const { driver } = browser;
    const version = (await driver.getCapabilities()).get("browserVersion");
    const launcher = await startup(driver, QUIET_PAGE, "launcher", "exit-assistant:launcher");
    const panel = await startup(driver, ORDER_LIST, "panel", "exit-assistant:panel");
    const parse = await parseRatio(driver);
    const run = await backupRun(driver, server);
    const page = await backupPage(browser);
    const refresh = await refreshRun(driver, server);
    return { browserName, version, launcher, panel, parse, run, page, refresh };
  } finally {
    await browser.driver.quit();
  }
}

/** What is known to hold back each goal not met (issue 15's notes say more). */
function notMet(results, loads) {
  const any = (f) => results.some(f);
  const lines = [
    loads.orderList.gz > 100 * 1024 && "- **What the order list loads before its panel shows.** The whole assistant is one WASM: panel, closing guide, page readers and backup run. Measured on 2026-12-04: a build of it without the backup run, the page report and the detail-frame reader (the part a second WASM would load when a backup starts) is 145 KB gzipped against 180 KB, so with the launcher that split would still load about 172 KB before the panel shows, and a backup would then load a second copy of the runtime (allocator, serde, collections). The panel itself (the verdict, the closing guide in eight languages, the stored records' serde) is what weighs; 100 KB would take a different panel, not a split, so the split was not made.",
    any((r) => r.panel.median > 30) && "- **Start-up to the panel.** On the order list the launcher compiles first, then the whole assistant's WASM, then the panel's storage reads (its preferences, the saved backup's head, the closing progress and the run lease, sent together) come before the first render; Firefox compiles the larger WASM more slowly. A smaller whole assistant (above) is the lever.",
    any((r) => r.parse.ratio > 1) && "- **Parsing.** Every field is a crossing from the WASM to the DOM and back (a `querySelector`, then a copy of its text). The readers' selectors now cross as cached JavaScript strings (wasm-bindgen's interning). Tried and not kept: reading each card from a copy of its `outerHTML` parsed in Rust (one crossing per card) was slower in both browsers at `opt-level = \"z\"`, and at `opt-level = 2` slower than per-field reads in Chromium (1.3× against 1.15×) and only a fifth faster in Firefox; `opt-level = 2` for the whole assistant reads at about 1.15× in Chromium but adds 43 KB gzipped. Firefox's plain-JavaScript walk is three times Chromium's speed, which is why its ratio is far higher. A plain-JavaScript walk is the floor for this goal: the WASM has to make the same DOM calls through the same JavaScript, then copy each text across and parse its dates and money, which the baseline leaves as strings.",
    any((r) => r.run.over > 0) && "- **The backup's long tasks.** A step's first look at the list now searches for the list's controls outside its cards (`ListScope`) and counts the cards from the search its reading uses; what is left over 50 ms is rare, most likely the browser's garbage collection during a save (the changed chunk made into JSON).",
    any((r) => r.page.open.longest > 50 || r.page.searched.longest > 50) && "- **The saved-backups page.** Rows are drawn 25 a task; opening the table still sorts the 10,000 orders in one task, and the first search builds every order's search text in one. Next: both in slices of a few thousand orders, a task each.",
  ].filter(Boolean);
  return lines.length ? `## What holds back the goals not met\n\n${lines.join("\n")}` : "Every goal is met.";
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.type()} ${os.release()}, ${cpu} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM`;
}

const commit = (() => {
  try {
    return execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"]).toString().trim();
  } catch {
    return "unknown";
  }
})();

const server = await startFixtureServer();
const results = [];
try {
  for (const name of ["chromium", "firefox"]) {
    console.log(`measuring in ${name} (a few minutes)`);
    results.push(await measure(name, server));
  }
} finally {
  await server.close();
}

const loads = loadSizes(path.join(DIST, "chrome"));
const met = (ok) => (ok ? "met" : "**not met**");
// Long Tasks (Chromium) reports only tasks over 50 ms; the timer (Firefox) sees every delay.
const longest = (w) => (w.how === "longtask" && w.longest === 0 ? "none over 50 ms" : ms(w.longest));
const each = (f) => results.map(f).join(" | ");
const rows = [
  ["Content-script start to the launcher drawn (home page), median of 20", "—", each((r) => `${ms(r.launcher.median)} (${ms(r.launcher.min)}–${ms(r.launcher.max)})`)],
  ["Content-script start to the panel drawn (order list), median of 20", "≤ 30 ms", each((r) => `${ms(r.panel.median)} (${ms(r.panel.min)}–${ms(r.panel.max)}): ${met(r.panel.median <= 30)}`)],
  ["Parsing 1,000 cards: WASM / plain-JS `querySelector` walk in the same page", "≤ 1.0×", each((r) => `${ms(r.parse.wasm)} / ${ms(r.parse.js)} = ${r.parse.ratio.toFixed(2)}×: ${met(r.parse.ratio <= 1)}`)],
  ["The extension's tasks over 50 ms in a 10,000-order backup", "0", each((r) => `${r.run.over} of ${r.run.steps} (median ${ms(r.run.median)}, 99th percentile ${ms(r.run.p99)}, longest ${ms(r.run.longest)}): ${met(r.run.over === 0)}`)],
  ["The page's main thread during that backup (its own work and ours), longest task", "—", each((r) => `${ms(r.run.pageLongest)}, ${r.run.pageOver} over 50 ms (${r.run.how}); ${r.run.seconds.toFixed(0)} s in all`)],
  ["Saved-backups page, 10,000 orders: longest task opening the table", "≤ 50 ms", each((r) => `${longest(r.page.open)}: ${met(r.page.open.longest <= 50)}`)],
  ["Saved-backups page, 10,000 orders: longest task searching", "≤ 50 ms", each((r) => `${longest(r.page.searched)}: ${met(r.page.searched.longest <= 50)}`)],
  ["Backing up again some days later (10 new orders, 5 changed), at the real 10 cards a press", "< 60 s, exact", each((r) => `${r.refresh.seconds.toFixed(0)} s, ${r.refresh.read} orders read again: ${met(r.refresh.seconds < 60)}`)],
];
const report = `# Benchmarks

Measured by \`./build.sh bench\` on ${new Date().toISOString().slice(0, 10)}, at commit \`${commit}\`, on ${machine()};
${results.map((r) => `${r.browserName} ${r.version}`).join(" and ")}, headless. The figures move from run to run, by
tens of per cent for the shortest; the goals are issue 15's. The end-to-end tests check that each
figure's feature works (the refresh's result is exact, for one); this only measures.

## Size of what ships

| what loads | files | raw | gzipped | goal |
| --- | --- | --- | --- | --- |
| a product page, or any page where the assistant waits to be asked | ${loads.product.files.map((f) => `\`${f}\``).join(", ")} | ${kb(loads.product.raw)} | ${kb(loads.product.gz)} | ≤ ${kb(LAUNCHER_BUDGET_GZ)}: ${met(loads.product.gz <= LAUNCHER_BUDGET_GZ)} |
| the order list, where the panel opens by itself | ${loads.orderList.files.map((f) => `\`${f}\``).join(", ")} | ${kb(loads.orderList.raw)} | ${kb(loads.orderList.gz)} | ≤ 100 KB before the panel shows: ${met(loads.orderList.gz <= 100 * 1024)} |
| the extension's own pages and the background | ${loads.pages.files.map((f) => `\`${f}\``).join(", ")} | ${kb(loads.pages.raw)} | ${kb(loads.pages.gz)} | none |

The WASMs and their glues are as shipped: \`tools/shrink\` has given their imports and exports
short names and minified the glues and \`loader.js\`. The README (Architecture, "Size") says
what keeps each small, and what a change must not undo.

## Speed

| measure | goal | ${results.map((r) => r.browserName).join(" | ")} |
| --- | --- | ${results.map(() => "---").join(" | ")} |
${rows.map(([what, goal, figures]) => `| ${what} | ${goal} | ${figures} |`).join("\n")}

${notMet(results, loads)}

How each is taken:
- **Start-up**: from \`performance.mark\` at \`loader.js\`'s first line to the mark the launcher
  sets once drawn, or the one the panel sets once drawn, on the page's own timeline.
- **Parsing**: \`parse_order_list\` (every field of every card, into orders and warnings) on
  1,000 cards made from the 256-order history's, against the same fields read with
  \`querySelector\`; median of 10 runs after a warm-up (\`tests/e2e/lib/parse-bench.mjs\`).
- **The backup's tasks**: the run's own performance measures (reading up to 10 new cards and
  merging them, or preparing a save). "View orders" adds 100 orders a press here, 10 on the
  real page. The page's longest task is watched from the page (Long Tasks in Chromium, a
  timer's lateness in Firefox) and also takes in the fixture page's own rendering of 10,000
  cards.
- **The saved-backups page**: its main thread watched the same way while "Show orders" opens
  the table and while a search for a word in many titles runs.
- **The second backup**: from the press to "Backup complete", at the assistant's own pace
  (at least 1.5 s between presses).
`;
fs.writeFileSync(path.join(ROOT, "docs/benchmarks.md"), report);
console.log(report);
