// End to end: full backups of fixture histories in a real browser, as a user would run them.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { By } from "selenium-webdriver";

import { assistantText, eventually, inAssistant, inRoot, presence, press, visit, waitForPresence } from "./lib/assistant.mjs";
import { closeSession, openSession } from "./lib/session.mjs";
import { downloaded } from "./lib/downloads.mjs";
import { printedPages } from "./lib/print.mjs";
import { firstSheetTypes, sheetsAsCsv } from "./lib/spreadsheet.mjs";
import { expectedDeepOrders, expectedOrders, HISTORIES } from "./lib/fixture-server.mjs";
import { SITE, WORK } from "./lib/paths.mjs";
import { expectNoOwnRequests } from "./lib/requests.mjs";
import { forgetBackups, store, storedItems } from "./lib/storage.mjs";

/** The backup a host's orders are saved under: one per site (src/core/site.rs). */
const siteOf = (host) => host.match(/aliexpress\.(com|us|ru)$/)[0];

const ORDERS = "https://www.aliexpress.com/p/order/index.html";

/** The progress bar's value, or null when no backup runs. */
async function progressValue(driver) {
  return inRoot(driver, `
    const bar = root?.querySelector("[role=progressbar]");
    return bar ? Number(bar.getAttribute("aria-valuenow")) : null;`);
}


/** Opens the panel where an earlier test closed it (the launcher shows instead), as a
 *  person would. */
async function openPanel(driver) {
  const shown = await eventually(async () => { const p = await presence(driver); return ["panel", "launcher"].includes(p) && p; }, "the assistant shows");
  if (shown === "launcher") {
    await press(driver, "Open assistant");
    await waitForPresence(driver, "panel");
  }
}

/** Runs a backup to its end on the page shown, and returns the downloaded JSON. */
async function backUpAndDownload(browser, url) {
  const { driver } = browser;
  await visit(driver, url);
  await openPanel(driver);
  await press(driver, "Back up order history");
  const result = await waitForResult(driver, 300_000);
  assert.match(result, /Backup complete/, `${url}: ${await assistantText(driver, ".gaps")}`);
  const before = new Set(fs.readdirSync(browser.downloads));
  await press(driver, "Download JSON");
  const file = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /\.json$/.test(n)), "a new JSON download");
  return JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(file)), "utf8"));
}

/** A pattern matching exactly this file name. */
const exactly = (name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** Visible rows of a table body, in the current page. */
async function visibleRows(driver, css) {
  return driver.executeScript(`return [...document.querySelectorAll(arguments[0])].filter((r) => !r.hidden).length`, css);
}

/** Presses "Save a page report" and returns the report the browser downloaded, parsed. When
 *  E2E_KEEP_REPORTS names a folder, the file is also copied there as `<keep>.json`, to be
 *  kept as a fixture of tests/page_reports.rs. */
async function saveReport(browser, keep) {
  const { driver } = browser;
  const before = new Set(fs.readdirSync(browser.downloads));
  await press(driver, "Save a page report");
  const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /^aliexpress-page-report-.*\.json$/.test(n)), "a page report download", 30_000);
  const file = await downloaded(browser.downloads, exactly(name));
  const text = fs.readFileSync(file, "utf8");
  // The browser may add " (1)" to a name already in the folder; the footer says the name given.
  const given = name.replace(/ ?\(\d+\)(?=\.json$)/, "");
  assert.equal(await eventually(() => assistantText(driver, ".report-status"), "the footer says where the report is"), `Page report saved to your downloads: ${given}`);
  if (process.env.E2E_KEEP_REPORTS) fs.copyFileSync(file, path.join(process.env.E2E_KEEP_REPORTS, `${keep}.json`));
  return { report: JSON.parse(text), text };
}

async function waitForResult(driver, ms) {
  return eventually(() => assistantText(driver, ".result"), "the backup should finish", ms);
}

export function defineBackupScenarios(browserName) {
  describe(`${browserName}: backing up the order history`, () => {
    let browser;
    let server;
    let driver;

    before(async () => {
      ({ browser, server, driver } = await openSession(browserName));
    });

    after(() => closeSession({ server, driver }));

    it("backs up 256 orders through a reload and a captcha; the JSON equals the expected orders", { timeout: 900_000 }, async () => {
      server.control.behaviour = { captchaAfter: 12, shortPress: 3 };
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      const bar = await inAssistant(driver, "[role=progressbar]");
      assert.equal(await bar.getAccessibleName(), "Backup progress");
      // Half-way through the list, reload: nothing read may be lost.
      await eventually(async () => (await progressValue(driver)) >= 60, "the backup should read 60 orders", 120_000);
      await driver.navigate().refresh();
      await waitForPresence(driver, "panel");
      assert.match(await eventually(() => assistantText(driver, ".backup .note"), "an interrupted notice"), /interrupted/);
      assert.match(await assistantText(driver, ".backup .saved"), /Saved backup: \d+ orders, not complete yet/);
      await press(driver, "Back up order history");
      // The captcha: the backup pauses, asks the user, and carries on by itself once solved.
      await eventually(() => driver.executeScript(`return !!document.querySelector("#baxia-dialog-content")`), "the captcha should appear", 180_000);
      await eventually(async () => /prove|check that you are human/.test(await assistantText(driver, ".progress-line")), "the assistant should ask to solve the captcha", 20_000);
      const before = await progressValue(driver);
      await new Promise((r) => setTimeout(r, 3000));
      assert.equal(await progressValue(driver), before, "nothing moves while the captcha is up");
      await driver.findElement(By.css(".btn_slide")).click();
      const result = await waitForResult(driver, 600_000);
      assert.equal(result, "Backup complete. It is saved in this browser; download a copy to keep.", await assistantText(driver, ".gaps"));
      assert.match(await assistantText(driver, ".summary"), /256 orders/);

      await press(driver, "Download JSON");
      const file = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, /^aliexpress-orders-\d{4}-\d{2}-\d{2}\.json$/), "utf8"));
      assert.equal(file.format, "aliexpress-order-backup");
      assert.equal(file.format_version, 3);
      assert.equal(file.site, "aliexpress.com", "one backup for every host of the site");
      assert.deepEqual(file.warnings, []);
      assert.equal(file.complete, true);
      assert.match(file.exported_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      assert.deepEqual(file.orders, expectedOrders("en-usd"));
    });

    it("exports CSVs and an offline report; the backup page lists, searches, exports and deletes", { timeout: 300_000 }, async () => {
      // Continues from the full backup above, in the same browser.
      await visit(driver, ORDERS);
      await waitForPresence(driver, "panel");
      const expected = expectedOrders("en-usd");
      // The verdict: the history's unfinished orders, and the one with an open refund, block
      // closing, each linked to its page.
      const pending = expected.filter((o) => o.state.startsWith("awaiting_") || o.notes?.includes("Refund in progress"));
      assert.equal(pending.filter((o) => o.state === "completed").length, 1);
      const verdict = await inRoot(driver, `
        const v = root?.querySelector(".verdict");
        return { state: v.dataset.verdict, title: v.querySelector(".title").textContent,
                 pending: v.querySelector(".pending").firstChild.textContent,
                 links: [...v.querySelectorAll(".pending a")].map((a) => a.href) };`);
      assert.equal(verdict.state, "blocked");
      assert.equal(verdict.title, "Not ready to close yet: settle these first.");
      assert.match(verdict.pending, new RegExp(`^${pending.length} orders are not finished`));
      assert.deepEqual(verdict.links, pending.slice(0, 8).map((o) => o.detail_url));
      await press(driver, "Download CSV (orders)");
      await press(driver, "Download CSV (items)");
      await press(driver, "Download report");
      const ordersCsv = fs.readFileSync(await downloaded(browser.downloads, /^aliexpress-orders-\d{4}-\d{2}-\d{2}\.csv$/), "utf8");
      const itemsCsv = fs.readFileSync(await downloaded(browser.downloads, /^aliexpress-items-\d{4}-\d{2}-\d{2}\.csv$/), "utf8");
      assert.ok(ordersCsv.startsWith("\ufeffOrder ID,Date,Status,State,Store,"), ordersCsv.slice(0, 80));
      assert.equal(ordersCsv.split("\r\n").filter(Boolean).length, expected.length + 1);
      assert.equal(itemsCsv.split("\r\n").filter(Boolean).length, expected.reduce((n, o) => n + o.items.length, 0) + 1);

      // The spreadsheet opens in LibreOffice, and its cells are the backup's: ids as text, dates
      // as dates, totals as numbers beside their currency.
      await press(driver, "Download spreadsheet (.xlsx)");
      const xlsx = await downloaded(browser.downloads, /^aliexpress-orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const sheets = sheetsAsCsv(xlsx);
      assert.deepEqual(Object.keys(sheets).sort(), ["Items", "Orders"]);
      assert.equal(sheets.Orders.length, expected.length + 1);
      assert.equal(sheets.Items.length, expected.reduce((n, o) => n + o.items.length, 0) + 1);
      const rows = new Map(sheets.Orders.slice(1).map((row) => [row[0], row]));
      for (const order of expected) {
        const row = rows.get(order.id);
        assert.ok(row, `order ${order.id} has a row`);
        assert.deepEqual(
          [row[1], row[2], row[4], row[6] === "" ? null : Number(row[6]), row[7]],
          [order.placed_on ?? "", order.status, order.store.name, order.total ? Number(order.total.amount) : null, order.total?.currency ?? ""],
          order.id);
      }
      // What the detail pages showed, for the orders the backup opened: payment, address,
      // price breakdown, in the last three columns.
      const detailed = expected.filter((o) => o.details);
      assert.ok(detailed.length > 20, `${detailed.length} orders with details`);
      for (const order of detailed) {
        const d = order.details;
        assert.deepEqual(rows.get(order.id).slice(14), [d.payment_method, d.ship_to.join(", "), d.price_lines.map((l) => `${l.label}: ${l.shown}`).join("; ")], order.id);
      }
      const itemTitles = sheets.Items.slice(1).map((row) => `${row[0]} ${row[4]} ${row[6]}`).sort();
      assert.deepEqual(itemTitles, expected.flatMap((o) => o.items.map((i) => `${o.id} ${i.title} ${i.quantity}`)).sort());
      for (const [i, row] of firstSheetTypes(xlsx).slice(1).entries()) {
        assert.equal(row[0].value, null, `row ${i + 2}: the order id is text`);
        if (row[1].text) assert.ok(row[1].value !== null && /YYYY-MM-DD/.test(row[1].format), `row ${i + 2}: the date is a date`);
        if (row[6].text) assert.equal(Number(row[6].value), Number(row[6].text), `row ${i + 2}: the total is a number`);
      }

      // The report opens from disk, with no network, and its search works.
      const report = await downloaded(browser.downloads, /^aliexpress-orders-\d{4}-\d{2}-\d{2}\.html$/);
      await driver.switchTo().newWindow("tab");
      await driver.get(`file://${report}`);
      assert.equal(await visibleRows(driver, "#orders tbody tr"), expected.length);
      await driver.findElement(By.css("#q")).sendKeys(expected[7].id);
      await eventually(async () => (await visibleRows(driver, "#orders tbody tr")) === 1, "the report's search should filter to one order");
      await driver.close();
      // It prints as one readable record per order, none split across pages (headless
      // Chromium's print to PDF, whichever browser saved the file).
      const pages = printedPages(report);
      assert.ok(pages.length > 5, `${pages.length} pages`);
      const all = pages.join("\n");
      for (const order of expected) assert.ok(all.includes(order.id), `order ${order.id} is printed`);
      assert.ok(all.includes("Not in this backup") && all.includes("Stores you bought from most"));
      // (Each label prints on its own line above its value.)
      for (const shown of ["Payment method", detailed[0].details.payment_method, "Shipping address", "Price breakdown", `Subtotal ${detailed[0].details.price_lines[0].shown}`]) {
        assert.ok(all.includes(shown), `the report prints what the detail pages showed: ${shown}`);
      }
      assert.ok(!all.includes("Search orders"), "no search box on paper");
      const count = (page, label) => page.split(label).length - 1;
      assert.equal(pages.reduce((n, page) => n + count(page, "Order: "), 0), expected.length, "one record per order");
      for (const [i, page] of pages.entries()) {
        assert.equal(count(page, "Date: "), count(page, "Total: "), `page ${i + 1} ends every record it starts`);
      }
      await driver.switchTo().window((await driver.getAllWindowHandles())[0]);

      // The saved-backups page works with no AliExpress tab open.
      const pageHandle = await driver.getWindowHandle();
      await browser.openExtensionPage("backup.html");
      const backupsHandle = await driver.getWindowHandle();
      await driver.switchTo().window(pageHandle);
      await driver.close();
      await driver.switchTo().window(backupsHandle);
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      assert.match(await section.findElement(By.css(".counts")).getText(), /^256 orders, \d+ items/);
      assert.equal(await section.findElement(By.css(".complete")).getText(), "Backup complete. It is saved in this browser; download a copy to keep.");
      await section.findElement(By.css("button.show")).click();
      // A hundred rows at a time, a few rows a task: "Show more orders" draws the rest.
      const shown = () => section.findElement(By.css(".shown")).getText();
      await eventually(async () => (await shown()) === `Showing 100 of ${expected.length} orders.`, "the first hundred rows");
      assert.equal(await visibleRows(driver, "section.backup tbody tr"), 100);
      while (await section.findElement(By.css("button.more")).isDisplayed()) {
        await section.findElement(By.css("button.more")).click();
      }
      assert.equal(await visibleRows(driver, "section.backup tbody tr"), expected.length);
      assert.equal(await shown(), `Showing ${expected.length} of ${expected.length} orders.`);
      await section.findElement(By.css("input[type=search]")).sendKeys(expected[3].items[0].title);
      await eventually(async () => (await visibleRows(driver, "section.backup tbody tr")) >= 1 && (await visibleRows(driver, "section.backup tbody tr")) < 5, "search should narrow the orders");
      const before = new Set(fs.readdirSync(browser.downloads));
      await section.findElement(By.xpath(".//button[text()='Download JSON']")).click();
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && n.endsWith(".json")), "the backup page's JSON download");
      const file = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8"));
      assert.deepEqual(file.orders, expected);

      // Deleting asks first, and cancelling keeps the backup.
      await section.findElement(By.css("button.delete")).click();
      const confirm = await section.findElement(By.css("[role=alertdialog]"));
      assert.ok(await confirm.isDisplayed());
      await confirm.findElement(By.css("button.no")).click();
      assert.equal(await confirm.isDisplayed(), false);
      await section.findElement(By.css("button.delete")).click();
      await confirm.findElement(By.css("button.yes")).click();
      await eventually(async () => (await driver.findElements(By.css("section.backup .deleted"))).length === 1, "the backup should be deleted");
      await driver.navigate().refresh();
      await eventually(async () => (await driver.findElements(By.css("p.empty"))).length === 1, "no backup is left");
      // Its head, its chunks and its watch list are all gone from storage.
      const left = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        chrome.storage.local.get(null, (all) => done(Object.keys(all).filter((k) => k.includes("aliexpress.com"))));`);
      assert.deepEqual(left, []);
    });

    it("says so when the user is signed out half-way, and resumes to a complete backup", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "de-eur");
      await forgetBackups(browser);
      server.control.behaviour = { logoutAfter: 1 };
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      await eventually(async () => (await driver.getCurrentUrl()).startsWith("https://login.aliexpress.com/"), "the page should sign the user out", 60_000);
      await waitForPresence(driver, "launcher");
      await press(driver, "Open assistant");
      assert.match(await eventually(() => assistantText(driver, ".backup .note"), "a signed-out notice"), /signed out during the backup/);
      server.control.behaviour = {};
      const file = await backUpAndDownload(browser, history.url);
      assert.equal(file.complete, true);
      assert.deepEqual(file.orders, expectedOrders(history.name));
    });
    it("stops when asked, keeps what it read, and resumes to a complete backup", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "fr-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      await eventually(async () => (await progressValue(driver)) > 0, "the backup should read the first page", 60_000);
      await press(driver, "Stop");
      assert.match(await eventually(() => assistantText(driver, ".backup .note"), "a stopped notice", 60_000), /Backup stopped/);
      assert.match(await assistantText(driver, ".backup .saved"), /Saved backup: \d+ orders, not complete yet/);
      const file = await backUpAndDownload(browser, history.url);
      assert.equal(file.complete, true);
      assert.deepEqual(file.orders, expectedOrders(history.name));
    });

    it("switches a run started on the \"To pay\" tab to every order, and says so when the page won't switch", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "es-eur");
      await forgetBackups(browser);
      // The page ignores the tab: the backup must not call a part of the history complete.
      server.control.behaviour = { startTab: 1, stuckTab: true };
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      const result = await waitForResult(driver, 120_000);
      assert.doesNotMatch(result, /Backup complete/);
      assert.match(await assistantText(driver, ".gaps"), /stayed on a status tab that shows only some orders/);
      // The page switches as asked: the run moves to "View all" itself and ends complete.
      server.control.behaviour = { startTab: 1 };
      const file = await backUpAndDownload(browser, history.url);
      assert.equal(file.complete, true);
      assert.deepEqual(file.orders, expectedOrders(history.name));
      // It left "To pay" for "View all", then read "Deleted orders", the last tab it opens.
      assert.equal(await driver.executeScript(`return document.querySelector(".comet-tabs-nav-item-active").textContent`), "Deleted orders");
    });

    it("says within ten seconds that it can't read an order list that shows no order it knows", { timeout: 120_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "es-eur");
      await forgetBackups(browser);
      // The list never shows its cards: neither reader finds an order, nor "View orders".
      server.control.behaviour = { hydrateMs: 600_000 };
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      const pressed = Date.now();
      await press(driver, "Back up order history");
      const result = await waitForResult(driver, 30_000);
      assert.ok(Date.now() - pressed < 10_000 + 2_000, `said after ${Date.now() - pressed} ms`);
      assert.doesNotMatch(result, /Backup complete/);
      assert.match(await assistantText(driver, ".gaps"), /can't read this order list/);
      // The panel offers the page report; it says that neither reader found anything here.
      const { report } = await saveReport(browser, `${browserName}-unreadable-list`);
      assert.equal(report.kind, "exit-assistant-page-report");
      assert.equal(report.found.page, "order_list");
      assert.deepEqual([report.found.list.rules.cards, report.found.list.structure.cards, report.found.list.view_more], [0, 0, false]);
      // The page as it stood, still loading: its one text scrambled like every other.
      assert.match(report.html, /<div id="root">[^<]+<\/div>/);
      assert.doesNotMatch(report.html, /Loading/);
      server.control.behaviour = {};
    });

    it("saves a page report that keeps the list's layout, holds none of the shopper's names or numbers, and says what each reader found", { timeout: 120_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "de-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await eventually(async () => (await driver.executeScript(`return document.querySelectorAll(".order-item").length`)) >= 10, "the first ten orders show");
      const { report, text } = await saveReport(browser, `${browserName}-de-eur-list`);
      assert.equal(report.found.page, "order_list");
      const { rules, structure, view_more } = report.found.list;
      assert.deepEqual([rules.cards, rules.orders.length, structure.orders.length, view_more], [10, 10, 10, true]);
      assert.deepEqual(rules.orders.map((o) => o.id_digits), structure.orders.map((o) => o.id_digits));
      assert.ok(rules.orders.every((o) => o.placed_on && o.total === "EUR" && o.store), "every order whole");
      // The layout stays: class names, data-pl, the tabs and the "View orders" button.
      assert.match(report.html, /<div class="order-item"/);
      assert.match(report.html, /comet-tabs-nav-item/);
      assert.doesNotMatch(report.html, /<script|onclick=|style=|src=/i);
      // None of the shopper's numbers, names or titles, anywhere in the file.
      const shown = expectedOrders(history.name).filter((o) => !o.deleted).slice(0, 10);
      for (const order of shown) {
        assert.ok(!text.includes(order.id), `order number ${order.id}`);
        assert.ok(!text.includes(order.store.name), `store ${order.store.name}`);
        for (const item of order.items) assert.ok(!text.includes(item.title), `title ${item.title}`);
      }
      // The panel stays on the page; no request of the extension's own.
      assert.equal(await driver.getCurrentUrl(), history.url);
    });

    it("stops a run whose backup is deleted meanwhile, and never brings back a head without its chunks", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "pl-pln");
      await forgetBackups(browser);
      server.control.behaviour = {};
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      await eventually(async () => (await progressValue(driver)) >= 10, "the backup reads the first page", 60_000);
      // Deleted, as the saved-backups page's Delete does, while the run goes on.
      await forgetBackups(browser);
      assert.match(await eventually(() => assistantText(driver, ".backup .note"), "the panel says why it stopped", 60_000), /deleted on the saved-backups page/);
      await new Promise((r) => setTimeout(r, 3000));
      const keys = Object.keys(await storedItems(browser)).filter((k) => /^(backup|orders|watch):/.test(k));
      assert.deepEqual(keys, [], "nothing of the deleted backup came back");
      assert.equal(await progressValue(driver), null, "the run stopped");
    });

    it("lets one tab at a time run a site's backup: a second tab says it runs elsewhere, and offers it again once it ends", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "fr-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      const first = await driver.getWindowHandle();
      await visit(driver, history.url);
      await waitForPresence(driver, "panel");
      await press(driver, "Back up order history");
      await eventually(async () => (await progressValue(driver)) > 0, "the first tab's backup runs", 60_000);
      // The backup page refuses to import a file of the site while the run goes on.
      const file = path.join(WORK, `import-while-running-${browserName}.json`);
      fs.writeFileSync(file, JSON.stringify({
        format: "aliexpress-order-backup", format_version: 1, exported_at: "2026-11-20T09:30:00.000Z",
        site: "fr.aliexpress.com", complete: true, warnings: [], generator: "Exit Assistant 0.1.0", stated_count: null,
        orders: expectedOrders("es-eur").map(({ read_by, warnings, ...order }) => order),
      }));
      await browser.openExtensionPage("backup.html");
      await driver.wait(async () => (await driver.findElements(By.css("#import-file"))).length === 1, 10_000);
      await driver.findElement(By.css("#import-file")).sendKeys(file);
      assert.equal(
        await eventually(async () => (await driver.findElement(By.css(".import-status")).getText()) || false, "a word on the file"),
        "A backup of aliexpress.com is running in an AliExpress tab, so this file was not imported. Nothing was changed. Try again when it has ended.",
      );
      await driver.close();
      await driver.switchTo().window(first);
      // A second tab on the same site (another of its hosts): no second start.
      await driver.switchTo().newWindow("tab");
      const second = await driver.getWindowHandle();
      await visit(driver, "https://www.aliexpress.com/p/order/index.html");
      await waitForPresence(driver, "panel");
      assert.match(await eventually(() => assistantText(driver, ".backup .note"), "the second tab says why"), /running in another tab/);
      const offersStart = () => inRoot(driver, `return !!root?.querySelector(".backup button.start")`);
      assert.equal(await offersStart(), false, "no Back up button");
      // The first run ends complete; the second tab offers to start again, by itself.
      await driver.switchTo().window(first);
      assert.match(await waitForResult(driver, 240_000), /Backup complete/);
      await driver.switchTo().window(second);
      await eventually(offersStart, "the second tab offers Back up again", 30_000);
      assert.doesNotMatch((await assistantText(driver, ".backup .note")) ?? "", /another tab/);
      await driver.close();
      await driver.switchTo().window(first);
    });

    it("keeps the panel out of a page script's reach, and ignores what it presses by every route it has", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "es-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      // A saved backup, so the panel shows its downloads too.
      await backUpAndDownload(browser, history.url);
      // Every route a page's script has: the panel's controls if it could reach them (its
      // root is closed, so it can't), and the assistant's host element, which it can.
      const attack = `
        const host = document.querySelector("#exit-assistant-root");
        const root = host?.shadowRoot ?? null;
        const targets = root ? [...root.querySelectorAll("button, input, summary, a, details")] : [];
        for (const el of [host, ...targets].filter(Boolean)) {
          el.click();
          for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
            el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
          }
          for (const key of ["Enter", " ", "Escape"]) {
            el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
          }
          if (el.type === "checkbox") { el.checked = !el.checked; el.dispatchEvent(new Event("change", { bubbles: true })); el.dispatchEvent(new Event("input", { bubbles: true })); }
          el.dispatchEvent(new SubmitEvent("submit", { bubbles: true }));
        }
        return { host: !!host, reached: targets.length };`;
      for (const url of [history.url, "https://www.aliexpress.com/p/wallet-ui/index.html?fixture=unknown", "https://privacy.aliexpress.com/home#/request/delete"]) {
        await visit(driver, url);
        const shown = await eventually(async () => { const p = await presence(driver); return ["panel", "launcher"].includes(p) && p; }, `${url}: the assistant shows`);
        if (shown === "launcher") {
          await press(driver, "Open assistant");
          await waitForPresence(driver, "panel");
        }
        await new Promise((r) => setTimeout(r, 1500));
        const before = await storedItems(browser);
        const downloads = fs.readdirSync(browser.downloads).sort();
        const windows = (await driver.getAllWindowHandles()).length;
        assert.deepEqual(await driver.executeScript(attack), { host: true, reached: 0 }, `${url}: the script finds the assistant's host, and none of its controls`);
        // The controls are there for the person (WebDriver reaches the closed root).
        if (url === history.url) for (const label of ["Back up order history", "Download JSON", "Save a page report"]) assert.ok((await inRoot(driver, `return [...root.querySelectorAll("button")].map((b) => b.textContent)`)).includes(label), label);
        await new Promise((r) => setTimeout(r, 2500));
        assert.equal(await presence(driver), "panel", `${url}: the panel stays open`);
        assert.equal(await progressValue(driver), null, `${url}: no backup started`);
        assert.deepEqual(await storedItems(browser), before, `${url}: nothing saved changed (no money marked, no request recorded)`);
        assert.deepEqual(fs.readdirSync(browser.downloads).sort(), downloads, `${url}: no download`);
        assert.equal((await driver.getAllWindowHandles()).length, windows, `${url}: no tab opened`);
      }
      // The same controls work for the person (WebDriver's real input): the panel closes.
      await press(driver, "\u00d7");
      await waitForPresence(driver, "launcher");
    });

    it("saves the panel's files from the extension, out of the page's sight", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "es-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      await backUpAndDownload(browser, history.url);
      await visit(driver, history.url);
      await openPanel(driver);
      // The page's script watches for a download link and cancels any click on one: what a
      // file saved through the page's DOM would meet.
      await driver.executeScript(`
        window.seenByPage = [];
        const link = (node) => node instanceof Element && (node.matches("a[download], a[href^='blob:'], a[href^='data:']") || node.querySelector("a[download], a[href^='blob:']"));
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (link(node)) window.seenByPage.push("added " + node.outerHTML);
        }).observe(document, { childList: true, subtree: true });
        document.addEventListener("click", (event) => {
          const a = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
          if (a && (a.download || /^(blob|data):/.test(a.href))) { window.seenByPage.push("click " + a.href); event.preventDefault(); }
        }, true);`);
      for (const [label, pattern] of [["Download JSON", /^aliexpress-orders-.*\.json$/], ["Download CSV (orders)", /^aliexpress-orders-.*\.csv$/], ["Download report", /^aliexpress-orders-.*\.html$/]]) {
        const before = new Set(fs.readdirSync(browser.downloads));
        await press(driver, label);
        const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && pattern.test(n)), `${label}: the file arrives`, 30_000);
        const text = fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8");
        assert.ok(text.includes(expectedOrders(history.name)[0].id), `${label}: the file holds the backup`);
        const given = name.replace(/ ?\(\d+\)(?=\.\w+$)/, "");
        assert.equal(await eventually(() => assistantText(driver, ".download-status"), `${label}: the panel says where it is`), `Saved to your downloads: ${given}`);
      }
      await saveReport(browser, "unused");
      assert.deepEqual(await driver.executeScript("return window.seenByPage"), [], "the page saw no download link and no click on one");
    });

    it("loses nothing when the background stops during an export: the file is whole or not there, the panel says which, and the next press saves it", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "de-eur");
      await forgetBackups(browser);
      server.control.behaviour = {};
      const reference = await backUpAndDownload(browser, history.url);
      const saved = await storedItems(browser);
      const wholeJson = (name) => {
        const file = JSON.parse(fs.readFileSync(path.join(browser.downloads, name), "utf8"));
        assert.deepEqual(file.orders, reference.orders, `${name}: the whole backup`);
      };
      const clearStatus = () => inRoot(driver, `root.querySelector(".download-status").textContent = ""`);
      const outcomes = [];
      for (const delay of [0, 20, 50, 100, 200]) {
        const before = new Set(fs.readdirSync(browser.downloads));
        await clearStatus();
        // From a stopped background, so the press wakes it and the export starts from cold:
        // the stop below lands while it loads, reads or saves.
        await browser.stopBackground();
        await press(driver, "Download JSON");
        await new Promise((r) => setTimeout(r, delay));
        await browser.stopBackground();
        const status = await eventually(() => assistantText(driver, ".download-status"), `${delay} ms: the panel says how it went`, 30_000);
        await new Promise((r) => setTimeout(r, 3000));
        const arrived = fs.readdirSync(browser.downloads).filter((n) => !before.has(n) && /\.json$/.test(n));
        if (status.startsWith("Saved to your downloads")) assert.equal(arrived.length, 1, `${delay} ms: "${status}", and the file is there`);
        else assert.equal(status, "The file couldn't be saved. Your backup is still kept in this browser; try again, or download it from the backup page.");
        for (const name of arrived) wholeJson(await downloaded(browser.downloads, exactly(name)).then((f) => path.basename(f)));
        outcomes.push(`${delay} ms: ${arrived.length ? "saved" : "refused"}`);
      }
      console.log(`${browserName}: background stopped during an export — ${outcomes.join(", ")}`);
      assert.deepEqual(await storedItems(browser), saved, "storage is as it was");
      // The next press wakes the background again and saves the file, whole.
      const before = new Set(fs.readdirSync(browser.downloads));
      await clearStatus();
      await press(driver, "Download JSON");
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /\.json$/.test(n)), "the next press saves the file", 30_000);
      wholeJson(path.basename(await downloaded(browser.downloads, exactly(name))));
      assert.match(await eventually(() => assistantText(driver, ".download-status"), "the panel says so"), /^Saved to your downloads: /);
    });

    it("saves a page report of a detail page, with its items and none of its contact", { timeout: 120_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "en-brl");
      const order = expectedOrders(history.name).find((o) => o.items.length > 1);
      await visit(driver, order.detail_url);
      await waitForPresence(driver, "launcher");
      await press(driver, "Open assistant");
      await waitForPresence(driver, "panel");
      await eventually(async () => (await driver.executeScript(`return document.querySelectorAll(".order-detail-item-content").length`)) > 0, "the detail page shows its items");
      const { report, text } = await saveReport(browser, `${browserName}-en-brl-detail`);
      assert.equal(report.found.page, "order_detail");
      assert.equal(report.found.detail.rules.items.length, order.items.length);
      assert.equal(report.found.detail.structure.items.length, order.items.length);
      const contact = await driver.executeScript(`return [".contact-name", ".contact-phone", "[data-pl=contact_info_address]"].map((s) => document.querySelector(s).textContent)`);
      for (const held of [...contact, order.id, ...order.items.map((i) => i.title)]) assert.ok(!text.includes(held), held);
      assert.match(report.html, /data-pl="contact_info_address"/);
    });

    it("survives its tab being closed at random points, and resumes to a backup equal to an uninterrupted one", { timeout: 600_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "pl-pln");
      await forgetBackups(browser);
      server.control.behaviour = {};
      // Random moments (ms after pressing the button), printed so a failure can be replayed
      // with E2E_KILL_POINTS=a,b,c.
      const points = process.env.E2E_KILL_POINTS?.split(",").map(Number) ?? Array.from({ length: 3 }, () => 800 + Math.floor(Math.random() * 9000));
      console.log(`${browserName}: closing the tab ${points.join(", ")} ms into the backup`);
      const main = await driver.getWindowHandle();
      let interrupted = 0;
      for (const ms of points) {
        await driver.switchTo().newWindow("tab");
        await visit(driver, history.url);
        await waitForPresence(driver, "panel");
        const note = await assistantText(driver, ".backup .note");
        if (note?.includes("interrupted")) interrupted += 1;
        await press(driver, "Back up order history");
        await new Promise((r) => setTimeout(r, ms));
        await driver.close();
        await driver.switchTo().window(main);
        // Whatever the close cut short, storage holds a whole save: every chunk its head names.
        const items = await storedItems(browser);
        const head = items["backup:aliexpress.com"];
        if (head) for (let n = 0; n < head.chunks; n += 1) assert.ok(`orders:aliexpress.com:${n}` in items, `${ms} ms: chunk ${n} of ${head.chunks}`);
      }
      assert.ok(interrupted >= 1, "a later visit says the backup was interrupted");
      await driver.switchTo().newWindow("tab");
      const file = await backUpAndDownload(browser, history.url);
      assert.equal(file.complete, true);
      assert.deepEqual(file.orders, expectedOrders(history.name), "the same as a backup never interrupted");
      await driver.close();
      await driver.switchTo().window(main);
    });

    it("backs up every locale's history exactly: BRL, the 2022 header on aliexpress.us, EUR (de, fr, es), PLN, KRW, the 2026 shapes and the old trade layout, with detail pages on www. wherever the list is", { timeout: 900_000 }, async () => {
      server.control.behaviour = {};
      await driver.switchTo().newWindow("tab");
      for (const history of HISTORIES.filter((h) => h.name !== "en-usd")) {
        // Each history is another account: on its own (one backup per site).
        await forgetBackups(browser);
        const file = await backUpAndDownload(browser, history.url);
        assert.equal(file.complete, true, history.name);
        assert.equal(file.site, siteOf(history.host));
        assert.deepEqual(file.orders, expectedOrders(history.name), history.name);
        // Orders deleted from the list are read on their own tab, kept and counted; a layout
        // without the tab is said to lack it.
        const summary = await assistantText(driver, ".summary");
        const deleted = expectedOrders(history.name).filter((o) => o.deleted).length;
        if (deleted) assert.match(summary, new RegExp(`${deleted} of them you had deleted from your order list`), history.name);
        if (history.layout === "old") assert.match(summary, /"Deleted orders" tab wasn't found/, history.name);
        else assert.doesNotMatch(summary, /"Deleted orders" tab wasn't found/, history.name);
      }
    });

    it("reads every order's detail page on request: an estimate first, a progress bar, a stop and a carry-on, and keeps every tracking number, price breakdown, address and payment", { timeout: 600_000 }, async () => {
      server.control.behaviour = {};
      const history = HISTORIES.find((h) => h.name === "en-usd-2022");
      await forgetBackups(browser);
      const plain = await backUpAndDownload(browser, history.url);
      const all = plain.orders.length;
      const left = plain.orders.filter((o) => !o.details).length;
      assert.ok(left > 5 && left < all, `${left} of ${all} orders still without details`);
      // Before it starts: what it reads, for how many orders, and how long (4 s an order).
      const offer = (n) => `Full order details (optional): every tracking number, the price breakdown, the shipping address and the payment method, from each order's own page. ${n} of ${all} orders still to read, one page at a time: about ${Math.max(1, Math.ceil((n * 4) / 60))} min. You can stop and carry on later.`;
      assert.equal(await assistantText(driver, ".deep-line"), offer(left));
      await press(driver, "Read every order's details");
      const bar = await inAssistant(driver, "[role=progressbar]");
      assert.equal(await bar.getAttribute("aria-valuemax"), String(left), "the bar counts the pages to read");
      await eventually(async () => (await progressValue(driver)) >= 2, "two detail pages read", 60_000);
      await press(driver, "Stop");
      // Cut short, it says how much is left, and carries on from there.
      const line = await eventually(async () => { const t = await assistantText(driver, ".deep-line"); return /still to read/.test(t) && t; }, "how much is left", 30_000);
      const still = line.match(/ (\d+) of \d+ orders still to read/)[1];
      assert.equal(line, offer(Number(still)));
      assert.ok(Number(still) > 0 && Number(still) <= left - 2, line);
      await press(driver, "Read every order's details");
      assert.equal(await (await inAssistant(driver, "[role=progressbar]")).getAttribute("aria-valuemax"), still, "only what is left");
      await eventually(async () => /saved for all/.test(await assistantText(driver, ".deep-line")), "the deep backup finishes", 180_000);
      assert.equal(await assistantText(driver, ".deep-line"), `Full order details are saved for all ${all} orders.`);
      assert.equal(await assistantText(driver, ".result"), "Backup complete. It is saved in this browser; download a copy to keep.");
      const before = new Set(fs.readdirSync(browser.downloads));
      await press(driver, "Download JSON");
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /\.json$/.test(n)), "the deep backup's JSON");
      const deep = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8"));
      // Folded price breakdowns were unfolded (the fixture folds them, as the real page does).
      assert.deepEqual(deep.orders, expectedDeepOrders("en-usd-2022"));
      assert.ok(deep.orders.every((o) => o.details.price_lines.length >= 3), "every breakdown unfolded");
      assert.equal(deep.complete, true);

      // The real breakdown of the sample's order (tests/fixtures/samples/order-detail.json),
      // folded with its tax and total showing, as the real response marks them.
      await forgetBackups(browser);
      await backUpAndDownload(browser, HISTORIES.find((h) => h.name === "en-brl").url);
      await press(driver, "Read every order's details");
      await eventually(async () => /saved for all/.test(await assistantText(driver, ".deep-line")), "the deep backup finishes", 180_000);
      const seen = new Set(fs.readdirSync(browser.downloads));
      await press(driver, "Download JSON");
      const brlName = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !seen.has(n) && /\.json$/.test(n)), "the BRL deep backup's JSON");
      const brl = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(brlName)), "utf8"));
      assert.deepEqual(brl.orders, expectedDeepOrders("en-brl"));
      assert.deepEqual(brl.orders.find((o) => o.id === "8212313961591322").details.price_lines.map((l) => l.label), ["Subtotal", "Shipping", "Store Coupon", "AliExpress Coupons", "Tax", "Total"]);
    });

    it("keeps the address book's addresses, read by the rule tables or by structure, in the JSON, a CSV of their own, the spreadsheet, the report and the saved-backups page; a page neither reads says so", { timeout: 300_000 }, async () => {
      server.control.behaviour = {};
      const ADDRESSES = "https://ilogisticsaddress.aliexpress.com/addressList.htm";
      const history = HISTORIES.find((h) => h.name === "de-eur");
      await forgetBackups(browser);
      await backUpAndDownload(browser, history.url);
      // Not saved yet: the panel says so, and links to the address book.
      assert.equal(await assistantText(driver, ".addresses-saved"), "Your saved shipping addresses are not in the backup yet. Open the address book to save them");
      assert.equal(await inRoot(driver, `return root.querySelector(".addresses-saved a").href`), ADDRESSES);

      const openHere = async (url) => {
        await visit(driver, url);
        await openPanel(driver);
      };
      // A page neither reader reads: said, with the page report beside it.
      await openHere(`${ADDRESSES}?fixture=unreadable`);
      assert.match(await assistantText(driver, ".addresses .note"), /^The assistant can't read any address on this page/);
      assert.equal(await inRoot(driver, `return root.querySelector(".addresses-save")`), null, "nothing to save");
      assert.ok(await inRoot(driver, `return [...root.querySelectorAll("button")].some((b) => b.textContent === "Save a page report")`), "the page report is offered");
      // A list that fills in after the panel opened: the panel catches up.
      await openHere(`${ADDRESSES}?fixture=late`);
      await eventually(async () => (await assistantText(driver, ".addresses-found")) === "This page shows 2 saved addresses. They go when the account goes.", "the panel counts the addresses once they show", 15_000);
      // After a redesign: the structure reads both, line by line.
      await openHere(`${ADDRESSES}?fixture=renamed`);
      assert.equal(await assistantText(driver, ".addresses-found"), "This page shows 2 saved addresses. They go when the account goes.");
      assert.match(await assistantText(driver, ".addresses-structure"), /^Read by the page's structure/);
      // The rule tables' shape: saved on the person's press.
      await openHere(ADDRESSES);
      assert.equal(await assistantText(driver, ".addresses-found"), "This page shows 2 saved addresses. They go when the account goes.");
      assert.equal(await assistantText(driver, ".addresses-structure"), null);
      await press(driver, "Save these addresses to the backup");
      const said = await eventually(async () => { const t = await assistantText(driver, ".addresses-saved"); return /are saved/.test(t ?? "") && t; }, "the addresses are saved", 20_000);
      assert.match(said, /^2 addresses are saved in the backup \(read \d{4}-\d{2}-\d{2}\)\.$/);

      // Every export holds them; the orders are as they were.
      await openHere(history.url);
      const before = new Set(fs.readdirSync(browser.downloads));
      await press(driver, "Download JSON");
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /\.json$/.test(n)), "the JSON with addresses");
      const file = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8"));
      assert.deepEqual(file.orders, expectedOrders("de-eur"), "the orders untouched");
      assert.equal(file.complete, true);
      assert.equal(file.address_book.read_by, "rules");
      assert.deepEqual(file.address_book.addresses.map((a) => [a.name, a.phone, a.street, a.city, a.region, a.postcode, a.country, a.is_default ?? false]), [
        ["Ana Souza", "+55 11 91234-5678", "Rua das Flores 123, Apto 45", "Sao Paulo", "São Paulo", "01310-100", "Brazil", true],
        ["Ana Souza (work)", "+55 21 99876-0001", "Av. Atlântica 1702 <img src=x onerror=alert(1)>", "Rio de Janeiro", "Rio de Janeiro", "22021-001", "Brazil", false],
      ]);
      // Earlier tests saved files of the same names: take the ones this press saves.
      const fresh = async (press_, pattern, label) => {
        const seen = new Set(fs.readdirSync(browser.downloads));
        await press_();
        const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !seen.has(n) && pattern.test(n) && !/\.(crdownload|part)$/.test(n)), label, 30_000);
        return downloaded(browser.downloads, exactly(name));
      };
      const csv = fs.readFileSync(await fresh(() => press(driver, "Download CSV (addresses)"), /^aliexpress-addresses-.*\.csv$/, "the addresses CSV"), "utf8").split("\r\n").filter(Boolean);
      assert.equal(csv[0], "\ufeffName,Phone,Street,City,Region,Postcode,Country,Default,As shown");
      assert.equal(csv.length, 3);
      assert.ok(csv[1].startsWith("Ana Souza,'+55 11 91234-5678,"), csv[1]);
      const sheets = sheetsAsCsv(await fresh(() => press(driver, "Download spreadsheet (.xlsx)"), /^aliexpress-orders-.*\.xlsx$/, "the spreadsheet with addresses"));
      assert.deepEqual(Object.keys(sheets).sort(), ["Items", "Orders", "Saved addresses"]);
      assert.deepEqual(sheets["Saved addresses"].slice(1).map((row) => row.slice(0, 2)), [["Ana Souza", "+55 11 91234-5678"], ["Ana Souza (work)", "+55 21 99876-0001"]]);
      const report = await fresh(() => press(driver, "Download report"), /^aliexpress-orders-.*\.html$/, "the report with addresses");
      const main = await driver.getWindowHandle();
      await driver.switchTo().newWindow("tab");
      await driver.get(`file://${report}`);
      assert.equal(await visibleRows(driver, "#addresses tbody tr"), 2);
      assert.ok((await driver.findElement(By.css("#addresses")).getText()).includes("Av. Atlântica 1702 <img src=x onerror=alert(1)>"), "page text shown as text");
      assert.equal((await driver.findElements(By.css("#addresses img"))).length, 0);
      await driver.close();
      await driver.switchTo().window(main);
      // The saved-backups page lists them under the backup.
      await browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      assert.equal((await section.findElements(By.css(".addresses tbody tr"))).length, 2);
      assert.match(await section.findElement(By.css(".addresses")).getText(), /Rua das Flores 123, Apto 45/);
      await driver.close();
      await driver.switchTo().window(main);
    });

    it("keeps the reviews the user wrote: every page read at a human pace, whether Next redraws the list or loads a new page, by the rule tables or by structure; a stop says the reading is incomplete; in the JSON, a CSV, the spreadsheet, the report and the saved-backups page", { timeout: 300_000 }, async () => {
      server.control.behaviour = {};
      const FEEDBACK = "https://feedback.aliexpress.com/management/feedbackBuyerList.htm";
      const expected = JSON.parse(fs.readFileSync(path.join(SITE, "feedback-expected.json"), "utf8")).reviews;
      const history = HISTORIES.find((h) => h.name === "fr-eur");
      await forgetBackups(browser);
      await backUpAndDownload(browser, history.url);
      // Not saved yet: the panel says so, and links to the feedback page.
      assert.equal(await assistantText(driver, ".reviews-saved"), "The reviews you wrote are not in the backup yet. Open your reviews to save them");
      assert.equal(await inRoot(driver, `return root.querySelector(".reviews-saved a").href`), FEEDBACK);
      const openHere = async (url) => {
        await visit(driver, url);
        await openPanel(driver);
      };
      const saved = (pattern, label) => eventually(async () => { const t = await assistantText(driver, ".reviews-saved"); return pattern.test(t ?? "") && t; }, label, 60_000);

      // A page with no review but other products: said, with the page report beside it.
      await openHere(`${FEEDBACK}?fixture=none`);
      assert.match(await assistantText(driver, ".reviews .note"), /^The assistant can't find any review on this page/);
      assert.equal(await inRoot(driver, `return root.querySelector(".reviews-save")`), null, "nothing to save");
      assert.ok(await inRoot(driver, `return [...root.querySelectorAll("button")].some((b) => b.textContent === "Save a page report")`), "the page report is offered");

      // A redesign whose "Next" redraws the list in place: read by structure, both pages.
      await openHere(`${FEEDBACK}?fixture=renamed`);
      assert.equal(await assistantText(driver, ".reviews-found"), "This page shows 3 reviews you wrote. They go when the account goes.");
      assert.match(await assistantText(driver, ".reviews-structure"), /^Read by the page's structure/);
      await press(driver, "Save all my reviews to the backup");
      await eventually(async () => /^Reading your reviews: page 1, 3 reviews kept so far\.$/.test(await assistantText(driver, ".reviews-reading") ?? ""), "the reading shows its progress");
      assert.match(await saved(/are saved/, "the redesigned page's reviews are saved"), /^5 reviews are saved in the backup \(read \d{4}-\d{2}-\d{2}\)\.$/);
      assert.equal(await assistantText(driver, ".reviews-partial"), null, "the reading reached the last page");
      assert.equal(await driver.getCurrentUrl(), `${FEEDBACK}?fixture=renamed`, "the list was redrawn, not loaded");

      // The rule tables' shape, whose "Next" loads a new page: a stop after the first page
      // says the reading is incomplete.
      await openHere(FEEDBACK);
      assert.equal(await assistantText(driver, ".reviews-found"), "This page shows 3 reviews you wrote. They go when the account goes.");
      assert.equal(await assistantText(driver, ".reviews-structure"), null);
      await press(driver, "Save all my reviews to the backup");
      await eventually(async () => (await assistantText(driver, ".reviews-reading")) !== null, "the reading starts");
      await press(driver, "Stop reading reviews");
      assert.match(await saved(/Not complete/, "the stopped reading is saved"), /^5 reviews are saved in the backup \(read \d{4}-\d{2}-\d{2}\)\. Not complete: the reading stopped at page 1, with 5 reviews kept\./);
      assert.equal(await driver.getCurrentUrl(), FEEDBACK, "no page was turned after the stop");

      // Pressed again, it reads to the last page: each new page's assistant carries on.
      await press(driver, "Save all my reviews to the backup");
      await eventually(async () => (await driver.getCurrentUrl()) === `${FEEDBACK}?page=3` && /^7 reviews are saved/.test(await assistantText(driver, ".reviews-saved") ?? ""), "the reading reaches page 3", 90_000);
      assert.equal(await assistantText(driver, ".reviews-partial"), null);

      // Every export holds them; the orders are as they were.
      await openHere(history.url);
      const fresh = async (press_, pattern, label) => {
        const seen = new Set(fs.readdirSync(browser.downloads));
        await press_();
        const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !seen.has(n) && pattern.test(n) && !/\.(crdownload|part)$/.test(n)), label, 30_000);
        return downloaded(browser.downloads, exactly(name));
      };
      const file = JSON.parse(fs.readFileSync(await fresh(() => press(driver, "Download JSON"), /^aliexpress-orders-.*\.json$/, "the JSON with reviews"), "utf8"));
      assert.deepEqual(file.orders, expectedOrders("fr-eur"), "the orders untouched");
      assert.equal(file.reviews.complete, true);
      assert.equal(file.reviews.pages, 3);
      assert.equal(file.reviews.read_by, "rules");
      assert.equal(file.reviews.paging_since_ms, undefined);
      assert.deepEqual(file.reviews.reviews.map((r) => [r.order_id, r.product_id, r.product, r.stars, r.date, r.text, r.photos]),
        expected.map((r) => [r.order_id, r.product_id, r.product, r.stars, r.date, r.text, r.photos]));
      const csv = fs.readFileSync(await fresh(() => press(driver, "Download CSV (reviews)"), /^aliexpress-reviews-.*\.csv$/, "the reviews CSV"), "utf8").split("\r\n").filter(Boolean);
      assert.equal(csv[0], "\ufeffDate,Order ID,Title,Product id,Stars,Review,Photos,As shown");
      assert.equal(csv.length, 8);
      assert.ok(csv[7].includes(`"'=HYPERLINK(""http://example.com"") the legs wobble."`), csv[7]);
      const sheets = sheetsAsCsv(await fresh(() => press(driver, "Download spreadsheet (.xlsx)"), /^aliexpress-orders-.*\.xlsx$/, "the spreadsheet with reviews"));
      assert.deepEqual(Object.keys(sheets).sort(), ["Items", "Orders", "Reviews"]);
      assert.deepEqual(sheets.Reviews.slice(1).map((row) => row.slice(0, 5)), expected.map((r) => [r.date, r.order_id, r.product, r.product_id, String(r.stars)]));
      const report = await fresh(() => press(driver, "Download report"), /^aliexpress-orders-.*\.html$/, "the report with reviews");
      const main = await driver.getWindowHandle();
      await driver.switchTo().newWindow("tab");
      await driver.get(`file://${report}`);
      assert.equal(await visibleRows(driver, "#reviews tbody tr"), 7);
      assert.ok((await driver.findElement(By.css("#reviews")).getText()).includes("Band ok <img src=x onerror=alert(1)> but the clasp is loose."), "page text shown as text");
      assert.equal((await driver.findElements(By.css("#reviews img"))).length, 0);
      await driver.close();
      await driver.switchTo().window(main);
      // The saved-backups page lists them under the backup.
      await browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      assert.equal((await section.findElements(By.css(".reviews tbody tr"))).length, 7);
      assert.match(await section.findElement(By.css(".reviews")).getText(), /Band ok <img src=x onerror=alert\(1\)> but the clasp is loose\./);
      assert.equal((await section.findElements(By.css(".reviews img"))).length, 0);
      await driver.close();
      await driver.switchTo().window(main);
    });

    it("keeps hostile page text as text: nothing runs or is injected in the page, the panel, the backup page or the report, and CSV cells stay neutral", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "hostile");
      await forgetBackups(browser);
      const file = await backUpAndDownload(browser, history.url);
      assert.deepEqual(file.orders, expectedOrders("hostile"), "kept exactly");
      // Markup anywhere in the DOM, or a payload's handler having run in the page.
      const injected = () => inRoot(driver, `
        const roots = [document, root].filter(Boolean);
        // The hostile page has javascript: links of its own; the assistant's roots must have none.
        const ours = location.protocol === "https:" ? roots.slice(1) : roots;
        return { pwned: window.__pwned ?? null,
                 elements: roots.reduce((n, r) => n + r.querySelectorAll("img[src=x], iframe, [onerror], [onload]").length, 0)
                   + ours.reduce((n, r) => n + r.querySelectorAll("a[href^='javascript:' i]").length, 0) };`);
      assert.deepEqual(await injected(), { pwned: null, elements: 0 }, "the page and the panel");
      const pending = await inRoot(driver, `return [...root?.querySelectorAll(".verdict li.pending li")].map((li) => li.textContent).join(" ")`);
      assert.ok(pending.includes("<script>window.__pwned='script'</script> Shipped"), "an unknown status is shown, as text");

      const fresh = async (label, pattern) => {
        const before = new Set(fs.readdirSync(browser.downloads));
        await press(driver, label);
        const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && pattern.test(n) && !/\.(crdownload|part)$/.test(n)), `a new download for ${label}`);
        return downloaded(browser.downloads, exactly(name));
      };
      const unsafeCell = /(^|,)"?[=+@-]/m;
      for (const [label, pattern] of [["Download CSV (orders)", /\.csv$/], ["Download CSV (items)", /\.csv$/]]) {
        const csv = fs.readFileSync(await fresh(label, pattern), "utf8").replace(/^\ufeff/, "");
        assert.doesNotMatch(csv, unsafeCell, `${label}: every cell that could start a formula is neutralised`);
        if (label.includes("items")) assert.ok(csv.includes(`"'=HYPERLINK(""https://evil.example"",""click"")`), "the formula is kept, neutralised");
      }
      const report = await fresh("Download report", /\.html$/);
      const page = await driver.getWindowHandle();
      await driver.switchTo().newWindow("tab");
      await driver.get(`file://${report}`);
      assert.deepEqual(await injected(), { pwned: null, elements: 0 }, "the report");
      assert.ok((await driver.findElement(By.css("body")).getText()).includes(`<img src=x onerror="window.__pwned='img'"> Store`));
      // Prices and URLs carry payloads too: a price keeps its text, a link its whole URL inside
      // the attribute, and a javascript: link is no link at all.
      assert.ok((await driver.findElement(By.css("body")).getText()).includes(`<img src=x onerror="window.__pwned='price'">`), "a price's payload is shown as text");
      const hostileLink = file.orders.flatMap((o) => o.items).find((i) => i.product_url?.includes('"><img'))?.product_url;
      assert.ok(hostileLink, "the fixture has a link carrying markup");
      const hrefs = await driver.executeScript(`return [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))`);
      assert.ok(hrefs.includes(hostileLink), "the link stays whole, inside its attribute");
      await driver.close();
      await driver.switchTo().window(page);

      await browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      await section.findElement(By.css("button.show")).click();
      await eventually(async () => (await visibleRows(driver, "section.backup[data-site='aliexpress.com'] tbody tr")) === expectedOrders("hostile").length, "the orders are listed");
      assert.deepEqual(await injected(), { pwned: null, elements: 0 }, "the backup page");
      assert.ok((await section.getText()).includes("=HYPERLINK("));
      assert.ok((await driver.executeScript(`return [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))`)).includes(hostileLink), "the backup page keeps the link whole");
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("imports a JSON backup on the backup page, and refuses a bad file without touching what is saved", { timeout: 180_000 }, async () => {
      const dir = path.join(WORK, `import-${browserName}`);
      fs.mkdirSync(dir, { recursive: true });
      const good = {
        // Format 1, as an earlier version wrote it: it still imports.
        format: "aliexpress-order-backup", format_version: 1, exported_at: "2026-11-20T09:30:00.000Z",
        site: "m.aliexpress.com", complete: true, warnings: [], generator: "Exit Assistant 0.1.0", stated_count: null,
        orders: expectedOrders("es-eur").map(({ read_by, warnings, ...order }) => order),
      };
      const files = {
        "notes.json": "these are my notes, not JSON",
        "other.json": JSON.stringify({ orders: [] }),
        "newer.json": JSON.stringify({ ...good, format_version: 4 }),
        "damaged.json": JSON.stringify({ ...good, orders: [{ ...good.orders[0], total: { ...good.orders[0].total, amount: "12,50" } }] }),
        "again.json": JSON.stringify({ ...good, site: "es.aliexpress.com" }),
        "good.json": JSON.stringify(good),
      };
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);

      const page = await driver.getWindowHandle();
      await browser.openExtensionPage("backup.html");
      await driver.wait(async () => (await driver.findElements(By.css("#import-file"))).length === 1, 10_000);
      const saved = () => driver.executeScript(`return [...document.querySelectorAll("section.backup")].map((s) => s.dataset.site + " " + s.querySelector(".counts").textContent)`);
      const before = await saved();
      assert.ok(before.some((s) => s.startsWith("aliexpress.com ")), "the hostile history's backup is saved");
      const importing = async (name) => {
        const status = await driver.findElement(By.css(".import-status"));
        await driver.executeScript("arguments[0].textContent = ''", status);
        await driver.findElement(By.css("#import-file")).sendKeys(path.join(dir, name));
        return eventually(async () => (await driver.findElement(By.css(".import-status")).getText()) || false, `a word on ${name}`);
      };
      assert.equal(await importing("notes.json"), "This file isn't JSON, so it can't be a backup. Nothing was changed.");
      assert.equal(await importing("other.json"), "This JSON file isn't a backup from this assistant. Nothing was changed.");
      assert.match(await importing("newer.json"), /newer version of the assistant \(format 4\)/);
      assert.match(await importing("damaged.json"), /^This backup file is damaged and was not imported: order 1 \(\d+\): total amount "12,50" is not a decimal number\. Nothing was changed\.$/);
      // es. and the saved backup's hosts are one site, aliexpress.com.
      assert.match(await importing("again.json"), /^A backup of aliexpress\.com is already saved here, so this file was not imported\./);
      assert.deepEqual(await saved(), before, "a refused file changes nothing");
      assert.ok(await driver.executeScript(`return document.querySelector(".import-status").classList.contains("error")`));

      // The user deletes the saved one first, as the refusal says; then the file imports.
      const old = await driver.findElement(By.css("section.backup[data-site='aliexpress.com']"));
      await old.findElement(By.css("button.delete")).click();
      await old.findElement(By.css("[role=alertdialog] button.yes")).click();
      await eventually(async () => (await driver.findElements(By.css("section.backup .deleted"))).length === 1, "the saved backup should be deleted");
      assert.equal(await importing("good.json"), `Imported the backup of aliexpress.com: ${good.orders.length} orders.`);
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']:not(:has(.deleted))")))[0], 10_000);
      assert.deepEqual((await saved()).filter((s) => !s.startsWith("aliexpress.com ")), before.filter((s) => !s.startsWith("aliexpress.com ")), "the others are as they were");
      assert.match(await section.findElement(By.css(".complete")).getText(), /complete/i);
      await section.findElement(By.css("button.show")).click();
      await eventually(async () => (await visibleRows(driver, "section.backup[data-site='aliexpress.com']:not(:has(.deleted)) tbody tr")) === good.orders.length, "the imported orders are listed");
      // What was imported comes out again exactly: the JSON export equals the file.
      const seen = new Set(fs.readdirSync(browser.downloads));
      for (const button of await section.findElements(By.css("button"))) {
        if ((await button.getText()) === "Download JSON") { await button.click(); break; }
      }
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !seen.has(n) && /\.json$/.test(n)), "the imported backup's JSON");
      const out = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8"));
      assert.deepEqual(out.orders, good.orders);
      assert.equal(out.complete, true);
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("merges the per-host backups of an earlier version into one per site, losing nothing", { timeout: 300_000 }, async () => {
      const history = HISTORIES.find((h) => h.name === "en-brl");
      await forgetBackups(browser);
      const file = await backUpAndDownload(browser, history.url);
      assert.equal(file.site, "aliexpress.com");
      // What an earlier version left: the same orders in two backups, one per host it was
      // read on. www. holds the newest six, read first; pt. the oldest six, read later.
      const all = await storedItems(browser);
      const head = all["backup:aliexpress.com"];
      const orders = JSON.parse(all["orders:aliexpress.com:0"]).sort((a, b) => a.position - b.position);
      assert.equal(orders.length, 10);
      const legacy = (host, part, updated) => {
        const { digest, ...bare } = head;
        return {
          [`backup:${host}`]: { ...bare, site: host, chunks: 1, updated_at: updated, next_position: part.length },
          [`orders:${host}:0`]: JSON.stringify(part.map((o, i) => ({ ...o, position: i + 1 }))),
        };
      };
      await forgetBackups(browser);
      await store(browser, { ...legacy("www.aliexpress.com", orders.slice(0, 6), "2026-11-20T10:00:00.000Z"),
        ...legacy("pt.aliexpress.com", orders.slice(4), "2026-11-21T10:00:00.000Z") });
      // The saved-backups page merges them when it opens (the background does on update).
      const page = await driver.getWindowHandle();
      await browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      assert.equal((await driver.findElements(By.css("section.backup"))).length, 1, "one backup for the site");
      assert.match(await section.findElement(By.css(".counts")).getText(), /^10 orders/);
      assert.match(await section.findElement(By.css(".complete")).getText(), /^Backup complete/);
      const keys = Object.keys(await storedItems(browser)).filter((k) => /^(backup|orders|watch):/.test(k)).sort();
      assert.deepEqual(keys, ["backup:aliexpress.com", "orders:aliexpress.com:0", "watch:aliexpress.com"], "the per-host keys are gone");
      const before = new Set(fs.readdirSync(browser.downloads));
      await section.findElement(By.xpath(".//button[text()='Download JSON']")).click();
      const name = await eventually(() => fs.readdirSync(browser.downloads).find((n) => !before.has(n) && /\.json$/.test(n)), "the merged backup's JSON");
      const merged = JSON.parse(fs.readFileSync(await downloaded(browser.downloads, exactly(name)), "utf8"));
      await driver.close();
      await driver.switchTo().window(page);
      assert.equal(merged.complete, true);
      assert.equal(merged.site, "aliexpress.com");
      assert.deepEqual(merged.orders, expectedOrders(history.name), "every order once, as read");
    });

    it("made no network request of its own during every backup, download and export", { timeout: 120_000 }, async () => {
      await expectNoOwnRequests(assert, { browser, driver, server });
    });
  });
}
