// The demo: the built extension in headless Chromium on the bundled sample pages, served at
// their real AliExpress URLs on this machine. It runs a full backup of a sample history
// (DEMO_HISTORY, default en-brl: ten real, anonymised orders), downloads every export, and
// takes screenshots along the way. Everything lands in the folder given as the first argument.
// The window is the stores' screenshot size, 1280×800: five of the screenshots are copied to
// `store/` in that folder for the Chrome Web Store and addons.mozilla.org listings (`store/`),
// and the demo fails if one is any other size.
import fs from "node:fs";
import path from "node:path";

import { By } from "selenium-webdriver";

import { assistantText, eventually, inRoot, presence, visit, waitForPresence } from "./lib/assistant.mjs";
import { launchChromium } from "./lib/browsers.mjs";
import { HISTORIES, startFixtureServer } from "./lib/fixture-server.mjs";
import { openPopupFor, popupStatus } from "./lib/popup.mjs";

const out = path.resolve(process.argv[2] ?? "demo-output");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const history = HISTORIES.find((h) => h.name === (process.env.DEMO_HISTORY ?? "en-brl")) ?? HISTORIES[0];

const server = await startFixtureServer();
// The size both stores ask for (Chrome Web Store: 1280×800 or 640×400; AMO accepts it too).
const STORE_SIZE = { width: 1280, height: 800 };
const STORE_SHOTS = {
  "03-backup-done": "1-backup-done",
  "09-verdict-with-money": "2-what-you-would-lose",
  "06-delete-account-ring": "3-points-at-the-button",
  "11-saved-backups": "4-saved-backups",
  "12-letter": "5-deletion-letter",
};
const browser = await launchChromium({ downloads: out, ...STORE_SIZE });
const { driver } = browser;
const lines = [];
// The window's own frame takes part of its height, so each tab's page is set to the stores'
// size itself (DevTools' device metrics), and given a moment to lay out again.
const shot = async (name) => {
  await driver.sendDevToolsCommand("Emulation.setDeviceMetricsOverride", { ...STORE_SIZE, deviceScaleFactor: 1, mobile: false });
  await new Promise((resolve) => setTimeout(resolve, 300));
  fs.writeFileSync(path.join(out, `${name}.png`), await driver.takeScreenshot(), "base64");
};
const press = async (label) => {
  const root = await (await driver.findElement(By.css("#exit-assistant-root"))).getShadowRoot();
  for (const button of await root.findElements(By.css("button"))) {
    if ((await button.getText()) === label) return button.click();
  }
  throw new Error(`no button ${label}`);
};

try {
  // 1. The assistant on the order list, then a full backup.
  await visit(driver, history.url);
  await waitForPresence(driver, "panel");
  await shot("01-order-list");
  await press("Back up order history");
  await eventually(async () => (await assistantText(driver, ".progress-line")) !== null, "the backup should start");
  await shot("02-backup-running");
  const result = await eventually(() => assistantText(driver, ".result"), "the backup should finish", 600_000);
  await shot("03-backup-done");
  const summary = await inRoot(driver, `return [...root?.querySelectorAll(".summary span")].map((s) => s.textContent).join(" · ")`);
  lines.push(`Backup of ${history.url}: ${result}`, `    ${summary}`);
  for (const label of ["Download JSON", "Download CSV (orders)", "Download CSV (items)", "Download spreadsheet (.xlsx)", "Download report"]) {
    await press(label);
  }
  await eventually(() => fs.readdirSync(out).filter((n) => /^aliexpress-.*\.(json|csv|xlsx|html)$/.test(n)).length === 5, "five exported files", 30_000);

  // 2. Other pages of the closing flow.
  // The assistant rings the control to use next on each closing page; the money pages are read.
  const tour = [
    ["04-account-hub-ring", "https://www.aliexpress.com/p/account/index.html"],
    ["05-edit-profile-ring", "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm"],
    ["06-delete-account-ring", "https://privacy.aliexpress.com/home#/request/delete"],
    ["07-coins-read", "https://www.aliexpress.com/p/coin-pc-index/mycoin.html"],
    ["08-strict-csp-notice", "https://www.aliexpress.com/p/order/index.html?fixture=strict-csp"],
  ];
  for (const [name, url] of tour) {
    await visit(driver, url);
    await eventually(async () => (await presence(driver)) !== "none" || (await driver.executeScript(`return !!document.querySelector("#exit-assistant-notice")`)), `nothing appeared on ${url}`);
    if (name.endsWith("-ring")) {
      await eventually(() => inRoot(driver, `return root?.querySelector(".ring")?.dataset.step`), `the ring on ${url}`);
      await new Promise((r) => setTimeout(r, 800));
    }
    await shot(name);
  }
  // The verdict now knows the coins.
  await visit(driver, history.url);
  await waitForPresence(driver, "panel");
  await eventually(() => assistantText(driver, ".verdict li.money-left"), "the coins in the verdict");
  // The list draws its cards after the page loads: a screenshot for the stores shows them.
  await eventually(() => driver.executeScript(`return document.querySelectorAll(".order-item").length > 0`), "the order list's cards");
  await shot("09-verdict-with-money");
  lines.push(`Verdict: ${await assistantText(driver, ".verdict .title")}`);

  // 3. The toolbar popup and the saved-backups page.
  await visit(driver, history.url);
  await openPopupFor(browser);
  const status = await popupStatus(driver);
  await shot("10-popup");
  lines.push(`Toolbar popup: ${status.text}`);
  await browser.openExtensionPage("backup.html");
  await eventually(async () => (await driver.findElements(By.css("section.backup"))).length > 0, "the saved-backups page");
  await shot("11-saved-backups");
  await browser.openExtensionPage("letter.html");
  await eventually(async () => (await driver.findElements(By.css("#preview"))).length > 0, "the letter page");
  await shot("12-letter");
} finally {
  await driver.quit();
  await server.close();
}
// The store's copies, each checked to be exactly the size the stores ask for (a PNG's width
// and height are the big-endian words at bytes 16 and 20).
fs.mkdirSync(path.join(out, "store"));
for (const [shotName, storeName] of Object.entries(STORE_SHOTS)) {
  const png = fs.readFileSync(path.join(out, `${shotName}.png`));
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (size.width !== STORE_SIZE.width || size.height !== STORE_SIZE.height) {
    throw new Error(`${shotName}.png is ${size.width}×${size.height}, not the stores' ${STORE_SIZE.width}×${STORE_SIZE.height}`);
  }
  fs.writeFileSync(path.join(out, "store", `${storeName}.png`), png);
}
lines.push("", `Store screenshots (${STORE_SIZE.width}×${STORE_SIZE.height}): ${Object.values(STORE_SHOTS).map((n) => `store/${n}.png`).join(", ")}`);
const files = fs.readdirSync(out).sort();
lines.push("", "Files:", ...files.map((f) => `    ${f}`));
fs.writeFileSync(path.join(out, "SUMMARY.txt"), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
console.log(`\nDemo output (exported backup files, screenshots and SUMMARY.txt): ${out}`);
