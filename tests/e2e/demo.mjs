// The demo: the built extension in headless Chromium on the bundled sample pages, served at
// their real AliExpress URLs on this machine. Leaves screenshots and a summary in the folder
// given as the first argument, and says where.
import fs from "node:fs";
import path from "node:path";

import { assistantText, eventually, presence, visit } from "./lib/assistant.mjs";
import { launchChromium } from "./lib/browsers.mjs";
import { startFixtureServer } from "./lib/fixture-server.mjs";
import { openPopupFor, popupStatus } from "./lib/popup.mjs";

const out = path.resolve(process.argv[2] ?? "demo-output");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const tour = [
  ["01-order-list", "https://www.aliexpress.com/p/order/index.html"],
  ["02-account-settings", "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm"],
  ["03-delete-account", "https://privacy.aliexpress.com/home#/request/delete"],
  ["04-wallet-launcher", "https://www.aliexpress.com/p/wallet-ui/index.html"],
  ["05-aliexpress-ru", "https://aliexpress.ru/order-list"],
  ["06-strict-csp-notice", "https://www.aliexpress.com/p/order/index.html?fixture=strict-csp"],
];

const server = await startFixtureServer();
const browser = await launchChromium();
const { driver } = browser;
const lines = [];
try {
  for (const [name, url] of tour) {
    await visit(driver, url);
    const shown = await eventually(async () => {
      const p = await presence(driver);
      const notice = await driver.executeScript(`return !!document.querySelector("#exit-assistant-notice")`);
      return p !== "none" ? p : notice ? "notice" : null;
    }, `nothing appeared on ${url}`);
    const where = shown === "panel" ? await assistantText(driver, ".where") : "";
    fs.writeFileSync(path.join(out, `${name}.png`), await driver.takeScreenshot(), "base64");
    lines.push(`${name}.png  ${url}\n    shows: ${shown}${where ? ` (${where})` : ""}`);
  }
  await visit(driver, tour[0][1]);
  await openPopupFor(browser);
  const status = await popupStatus(driver);
  fs.writeFileSync(path.join(out, "07-popup.png"), await driver.takeScreenshot(), "base64");
  lines.push(`07-popup.png  toolbar popup for the order list tab\n    says: ${status.text}`);
} finally {
  await driver.quit();
  await server.close();
}
fs.writeFileSync(path.join(out, "SUMMARY.txt"), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
console.log(`\nDemo output (screenshots and SUMMARY.txt): ${out}`);
