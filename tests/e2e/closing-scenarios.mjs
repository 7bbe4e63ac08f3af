// End to end: closing the account in a German browser, as a shopper would. What blocks is
// told in German; once it is settled, the assistant rings each control in turn up to the last,
// irreversible one, which neither it nor the test ever clicks.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";

import { By } from "selenium-webdriver";

import { assistantText, eventually, inAssistant, inRoot, press, visit, waitForPresence } from "./lib/assistant.mjs";
import { expectedOrders } from "./lib/fixture-server.mjs";
import { msg } from "./lib/locales.mjs";
import { downloaded } from "./lib/downloads.mjs";
import { expectNoOwnRequests } from "./lib/requests.mjs";
import { closeSession, openSession } from "./lib/session.mjs";

const TIMEOUT = { timeout: 240_000 };
const DE_ORDERS = "https://de.aliexpress.com/p/order/index.html";
const OLD_ORDERS = "https://trade.aliexpress.com/orderList.htm";
const de = (key, ...subs) => msg("de", key, ...subs);


/** A page element the user would look for, found by the test on its own: tag and text. */
const byText = (css, text) => `() => [...document.querySelectorAll(${JSON.stringify(css)})].find((e) => e.getClientRects().length && e.textContent.trim() === ${JSON.stringify(text)})`;
/** A field by the words of its label. */
const byLabel = (words) => `() => [...document.querySelectorAll("label")].find((l) => l.getClientRects().length && l.textContent.includes(${JSON.stringify(words)}))?.querySelector("input, select")`;

/** Waits for the ring to point at `step` and to surround the element `target` finds (and,
 *  with `inView`, for that element to be scrolled into view). */
async function expectRing(driver, step, target, { inView = false } = {}) {
  return eventually(async () => {
    const seen = await inRoot(driver, `
      const ring = root?.querySelector(".ring");
      const el = (${target})();
      if (!ring || !el || ring.style.display === "none") return { step: ring?.dataset.step ?? null };
      const r = ring.getBoundingClientRect(), t = el.getBoundingClientRect();
      return {
        step: ring.dataset.step,
        surrounds: r.left <= t.left && r.top <= t.top && r.right >= t.right && r.bottom >= t.bottom
          && r.width - t.width < 30 && r.height - t.height < 30,
        inView: t.top >= 0 && t.bottom <= innerHeight,
        callout: root?.querySelector(".callout")?.textContent,
        guide: root?.querySelector(".guide-now")?.textContent,
      };`);
    return seen.step === step && seen.surrounds && (seen.inView || !inView) ? seen : false;
  }, `the ring should surround the ${step} control${inView ? ", scrolled into view" : ""}`);
}

async function backUp(driver, url, { watchRing = false } = {}) {
  await visit(driver, url);
  await waitForPresence(driver, "panel");
  await press(driver, de("backUp"));
  if (watchRing) {
    // While it works, the backup rings the page's own control it is about to press.
    const seen = await expectRing(driver, "view_orders", `() => document.querySelector(".order-more button")`);
    assert.equal(seen.callout, de("guideViewOrders"));
  }
  const result = await eventually(() => assistantText(driver, ".result"), "the backup should finish", 180_000);
  assert.equal(result, de("backupComplete"));
}

/** The `data-holding` of an asset in the panel's money section. */
const holding = (driver, asset) => inRoot(driver, `return root?.querySelector('.money li[data-asset="${asset}"]')?.dataset.holding ?? null`);

export function defineClosingScenarios(browserName) {
  describe(`${browserName}: closing the account, in German`, () => {
    let session;
    let driver;
    before(async () => {
      session = await openSession(browserName, { lang: "de" });
      driver = session.driver;
    });
    after(() => closeSession(session));

    it("tells a German user exactly what blocks: unfinished orders, an open refund, coins", TIMEOUT, async () => {
      await backUp(driver, DE_ORDERS, { watchRing: true });
      assert.equal(await assistantText(driver, "#ea-title"), de("assistantTitle"), "the panel speaks German");
      assert.equal(await assistantText(driver, ".ring"), null, "the ring goes when the backup ends");
      await visit(driver, "https://www.aliexpress.com/p/coin-pc-index/mycoin.html");
      await waitForPresence(driver, "launcher");
      await visit(driver, "https://www.aliexpress.com/p/wallet-ui/index.html?fixture=unknown");
      await waitForPresence(driver, "launcher");
      await visit(driver, DE_ORDERS);
      await waitForPresence(driver, "panel");
      const verdict = await eventually(async () => {
        const v = await inRoot(driver, `
          const box = root?.querySelector(".verdict");
          return {
            state: box.dataset.verdict,
            title: box.querySelector(".title").textContent,
            pending: [...box.querySelectorAll("li.pending li a")].map((a) => a.textContent),
            money: [...box.querySelectorAll("li.money-left")].map((li) => [li.dataset.asset, li.textContent]),
            unchecked: box.querySelector("li.unchecked")?.textContent,
          };`);
        return v.money.length ? v : false;
      }, "the verdict should name the coins");
      assert.equal(verdict.state, "blocked");
      assert.equal(verdict.title, de("verdictBlocked"));
      const orders = expectedOrders("de-eur");
      const unfinished = orders.filter((o) => ["awaiting_payment", "awaiting_shipment", "awaiting_delivery"].includes(o.state) || o.notes?.some((n) => n === "Erstattung läuft"));
      assert.equal(unfinished.filter((o) => o.state === "completed").length, 1, "one completed order has an open refund");
      assert.deepEqual(verdict.pending.map((t) => t.split(" ")[0]).sort(), unfinished.map((o) => o.id).sort());
      const refund = verdict.pending.find((t) => t.includes(de("verdictOpenCase")));
      assert.ok(refund?.includes("Erstattung läuft"), refund);
      assert.deepEqual(verdict.money, [["coins", de("verdictMoney", de("assetCoins"), "729")]]);
      assert.equal(verdict.unchecked, de("verdictUnchecked", [de("assetWallet"), de("assetCoupons"), de("assetGiftCards")].join(", ")));
      assert.equal(await holding(driver, "wallet"), "unreadable", "the wallet page's markup is unknown");
      assert.equal(await assistantText(driver, '.money li[data-asset="wallet"] .status'), de("moneyUnreadable", de("assetWallet")));
    });

    it("says what the backup does not hold, and where to look for it before closing", TIMEOUT, async () => {
      const summary = await inAssistant(driver, "details.not-kept summary");
      assert.equal(await summary.getText(), de("notKeptHeading"));
      await summary.click();
      assert.ok(await inRoot(driver, `return root?.querySelector("details.not-kept").open`), "a click opens it");
      const lines = await inRoot(driver, `return [...root.querySelectorAll("details.not-kept li")]
        .map((li) => [li.dataset.notKept, li.querySelector("a").textContent, li.querySelector("a").href, li.querySelector(".advice").textContent])`);
      assert.deepEqual(lines, [
        ["messages", de("notKeptMessages"), "https://www.aliexpress.com/p/message/index.html", de("notKeptMessagesAdvice")],
        ["payment_cards", de("notKeptCards"), "https://www.aliexpress.com/p/wallet-ui/index.html", de("notKeptCardsAdvice")],
        ["dispute_evidence", de("notKeptDisputes"), "https://www.aliexpress.com/p/order/index.html", de("notKeptDisputesAdvice")],
      ]);
      // The report says it too, and all of it in German, as the browser speaks.
      await press(driver, de("downloadReport"), ".downloads");
      const report = fs.readFileSync(await downloaded(session.browser.downloads, /^aliexpress-orders-\d{4}-\d{2}-\d{2}\.html$/), "utf8");
      assert.match(report, /<html lang="de">/);
      for (const key of ["reportNotKeptHeading", "notKeptMessages", "reportTotalsHeading", "reportByStatus", "reportSearchPlaceholder", "colPaymentMethod", "colPriceBreakdown"]) {
        assert.ok(report.includes(de(key)), `the report says ${key} in German`);
      }
      assert.doesNotMatch(report, /Totals per year|Orders by status|Search orders/);
    });

    it("shares what another tab learns, without a reload", TIMEOUT, async () => {
      const first = await driver.getWindowHandle();
      assert.equal(await holding(driver, "coins"), "non_zero");
      await driver.switchTo().newWindow("tab");
      await visit(driver, "https://www.aliexpress.com/p/coin-pc-index/mycoin.html?fixture=zero");
      await waitForPresence(driver, "launcher");
      await driver.close();
      await driver.switchTo().window(first);
      await eventually(async () => (await holding(driver, "coins")) === "zero", "the first tab should learn the coins are spent");
    });

    it("says ready to close for a history with nothing pending, once the money is settled", TIMEOUT, async () => {
      await visit(driver, "https://www.aliexpress.com/p/my-coupons/index.html?fixture=zero");
      await waitForPresence(driver, "launcher");
      // The verdict reads every site's backup: aliexpress.com's (read on de.), with its
      // unfinished orders, is deleted first on the saved-backups page, as a user who wants it
      // gone would.
      const page = await driver.getWindowHandle();
      await session.browser.openExtensionPage("backup.html");
      const section = await driver.wait(async () => (await driver.findElements(By.css("section.backup[data-site='aliexpress.com']")))[0], 10_000);
      assert.equal(await driver.getTitle(), de("backupPageTitle"), "the tab shows the page's German title, not a __MSG_ key");
      await section.findElement(By.css("button.delete")).click();
      await section.findElement(By.css("[role=alertdialog] button.yes")).click();
      await eventually(async () => (await driver.findElements(By.css("section.backup .deleted"))).length === 1, "the backup is deleted");
      await driver.close();
      await driver.switchTo().window(page);
      await backUp(driver, OLD_ORDERS);
      await press(driver, de("confirmZero"), '.money li[data-asset="wallet"]');
      await eventually(async () => (await holding(driver, "wallet")) === "zero", "the wallet is confirmed");
      await press(driver, de("confirmZero"), '.money li[data-asset="gift_cards"]');
      const verdict = await eventually(async () => {
        const state = await inRoot(driver, `return root?.querySelector(".verdict").dataset.verdict`);
        return state === "ready" ? state : false;
      }, "the verdict should turn to ready");
      assert.equal(verdict, "ready");
      assert.equal(await assistantText(driver, ".verdict .title"), de("verdictReady"));
      assert.equal(await assistantText(driver, ".verdict li.pending"), null, "nothing pending is listed");
    });

    it("rings each control of the privacy-centre route, up to the final Delete, which it never clicks", TIMEOUT, async () => {
      await visit(driver, "https://www.aliexpress.com/p/account/index.html?lang=de_DE");
      await waitForPresence(driver, "panel");
      let seen = await expectRing(driver, "open_settings", byText("a", "Einstellungen"));
      assert.equal(seen.callout, de("guideOpenSettings"));
      assert.equal(seen.guide, de("guideOpenSettings"), "the panel says it too");
      await driver.findElement(By.linkText("Einstellungen")).click();
      await expectRing(driver, "edit_profile", byText("a", "Profil bearbeiten"));
      await driver.findElement(By.linkText("Profil bearbeiten")).click();
      await expectRing(driver, "deactivate_link", byText("a", "Konto deaktivieren"));
      await driver.findElement(By.linkText("Konto deaktivieren")).click();
      seen = await expectRing(driver, "open_delete", byText("button", "Mein Konto löschen"));
      assert.equal(seen.callout, de("guideOpenDelete"));
      await driver.executeScript(`(${byText("button", "Mein Konto löschen")})().click()`);
      // The field sits below long terms: the assistant scrolls it into view.
      const start = await driver.executeScript("return scrollY");
      seen = await expectRing(driver, "type_agree", byLabel("agree"), { inView: true });
      assert.ok((await driver.executeScript("return scrollY")) > start + 500, "the page scrolled to the field");
      // The ring follows the page as it scrolls and as the window resizes.
      await driver.executeScript("window.scrollBy(0, -120)");
      await expectRing(driver, "type_agree", byLabel("agree"));
      const rect = await driver.manage().window().getRect();
      await driver.manage().window().setRect({ width: rect.width - 300, height: rect.height });
      await expectRing(driver, "type_agree", byLabel("agree"));
      await driver.manage().window().setRect(rect);
      await driver.executeScript(`(${byLabel("agree")})().focus()`);
      await driver.switchTo().activeElement().sendKeys("agree");
      await expectRing(driver, "confirm_agree", byText("button", "Löschen"));
      await driver.executeScript(`(${byText("button", "Löschen")})().click()`);
      seen = await expectRing(driver, "get_code", byText("button", "Code anfordern"));
      assert.equal(seen.callout, de("guideGetCode"));
      await driver.executeScript(`(${byText("button", "Code anfordern")})().click()`);
      await driver.executeScript(`(${byLabel("Bestätigungscode")})().focus()`);
      await driver.switchTo().activeElement().sendKeys("482913");
      await expectRing(driver, "verify", byText("button", "Bestätigen"));
      await driver.executeScript(`(${byText("button", "Bestätigen")})().click()`);
      await expectRing(driver, "tick_confirm", byLabel("dauerhaft"));
      await driver.executeScript(`(${byLabel("dauerhaft")})().click()`);
      seen = await expectRing(driver, "final_delete", byText("button", "Konto löschen"));
      assert.equal(seen.callout, de("guideFinalDelete"));
      // The trade.aliexpress.com backup counts on the privacy centre's host too: ready.
      assert.equal(await inRoot(driver, `return root?.querySelector(".verdict").dataset.verdict`), "ready");
      // Nobody clicks it: the page still waits on its last stage.
      await new Promise((r) => setTimeout(r, 1500));
      const stage = await driver.executeScript(`return [...document.querySelectorAll("#app section")].find((s) => !s.hidden)?.dataset.stage`);
      assert.equal(stage, "final");
      // A page script's click on it is not the person's: no request is recorded. (It doesn't
      // bubble, so the page's own flow, listening on its app, stays where it is.)
      await driver.executeScript(`document.querySelector("button[data-final]").dispatchEvent(new MouseEvent("click", { bubbles: false }));`);
      assert.equal(await driver.executeScript(`return [...document.querySelectorAll("#app section")].find((s) => !s.hidden)?.dataset.stage`), "final");
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await assistantText(driver, ".requested"), null, "a script's click records nothing");
      // The person's own click (WebDriver's real input) is noted, with its date.
      await driver.findElement(By.css("button[data-final]")).click();
      await eventually(() => assistantText(driver, ".requested"), "the person's click is noted");
      const page = await driver.getWindowHandle();
      await session.browser.openExtensionPage("backup.html");
      await driver.executeAsyncScript(`const done = arguments[0]; chrome.storage.local.get("closure_progress", (items) => { const p = items.closure_progress; p.request = null; chrome.storage.local.set({ closure_progress: p }, () => done()); });`);
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("says so, and gives the route in words, when a page's controls can't be found", TIMEOUT, async () => {
      await visit(driver, "https://privacy.aliexpress.com/home?fixture=changed#/request/delete");
      await waitForPresence(driver, "panel");
      const line = await eventually(() => assistantText(driver, ".guide-now"), "the guide's line shows");
      assert.equal(line, `${de("guideNotFound")} ${de("routePrivacyWords")}`);
      assert.equal(await assistantText(driver, ".ring"), null, "nothing is ringed");
    });

    it("rings the page's own control, never a side menu's link that reads alike, and rings nothing when two are alike", TIMEOUT, async () => {
      // A side menu and a top bar whose links read "Delete Account", beside the first stage's
      // "Delete my account" button (its label in nested spans): the first stage, not the last.
      await visit(driver, "https://privacy.aliexpress.com/home?fixture=crowded#/request/delete");
      await waitForPresence(driver, "panel");
      const seen = await expectRing(driver, "open_delete", byText("button", "Delete my account"));
      assert.equal(seen.callout, de("guideOpenDelete"));
      assert.equal(seen.guide, de("guideOpenDelete"), "not the last step's words");
      // The final button twice in the page's content: the panel says so, and rings neither.
      await visit(driver, "https://privacy.aliexpress.com/home?fixture=crowded#/request/delete/twice");
      const line = await eventually(async () => {
        const text = await assistantText(driver, ".guide-now");
        return text?.startsWith(de("guideAmbiguous")) ? text : false;
      }, "the guide says two controls are alike");
      assert.equal(line, `${de("guideAmbiguous")} ${de("routePrivacyWords")}`);
      const ring = await inRoot(driver, `const r = root?.querySelector(".ring"); return r && r.style.display !== "none" ? r.dataset.step : null;`);
      assert.equal(ring, null, "nothing is ringed");
    });

    it("rings each field of the older deactivate page, in Spanish, up to its last button", TIMEOUT, async () => {
      await visit(driver, "https://accounts.aliexpress.com/user/organization/deactive_account.htm?lang=es_ES");
      await waitForPresence(driver, "panel");
      await expectRing(driver, "deactivate_email", byLabel("Correo"));
      await driver.findElement(By.name("email")).sendKeys("jane@example.com");
      await expectRing(driver, "deactivate_phrase", byLabel("Desactivar mi cuenta"));
      await driver.findElement(By.name("phrase")).sendKeys("Desactivar mi cuenta");
      await expectRing(driver, "deactivate_reason", byLabel("Motivo"));
      await driver.findElement(By.css("select[name=reason] option:nth-child(2)")).click();
      const seen = await expectRing(driver, "final_deactivate", byText("button", "Desactivar mi cuenta"));
      assert.ok(seen.callout.startsWith(de("guideFinalDeactivate")), seen.callout);
    });

    it("remembers the request and, still signed in 72 hours later, gives the next steps", TIMEOUT, async () => {
      await (await inAssistant(driver, "details.routes summary")).click();
      await press(driver, de("markRequested"), ".routes");
      const said = await eventually(() => assistantText(driver, ".requested"), "the request date is shown");
      assert.ok(said.startsWith(de("requestSent", "").split(" ").slice(0, 3).join(" ")), said);
      assert.ok((await inRoot(driver, `return root?.querySelector("details.after").open`)), "the after-closing checklist opens");
      // Move the request 73 hours back, through the extension's own storage.
      const page = await driver.getWindowHandle();
      await session.browser.openExtensionPage("backup.html");
      await driver.executeAsyncScript(`const done = arguments[0];
        chrome.storage.local.get("closure_progress", (items) => {
          const p = items.closure_progress; p.request.at_ms -= 73 * 3600 * 1000;
          chrome.storage.local.set({ closure_progress: p }, () => done());
        });`);
      await driver.close();
      await driver.switchTo().window(page);
      await visit(driver, DE_ORDERS);
      await waitForPresence(driver, "panel");
      const overdue = await eventually(() => assistantText(driver, ".overdue"), "the overdue note shows");
      for (const key of ["nextStepSupport", "nextStepFollowUp", "nextStepEscalate"]) assert.ok(overdue.includes(de(key)), key);
      // The checklist is saved: a tick survives a reload.
      await (await inAssistant(driver, "details.after input.after-ClearSiteData")).click();
      await eventually(async () => {
        await driver.navigate().refresh();
        await waitForPresence(driver, "panel");
        return inRoot(driver, `return root?.querySelector("input.after-ClearSiteData")?.checked`);
      }, "the tick is kept");
    });

    it("writes the deletion letter from the panel: addressed, copied, downloaded, ready to mail", TIMEOUT, async () => {
      await visit(driver, DE_ORDERS);
      await waitForPresence(driver, "panel");
      const page = await driver.getWindowHandle();
      await (await inAssistant(driver, "details.routes summary")).click();
      await press(driver, de("writeLetter"), ".route[data-route=letter]");
      // The panel asks the background to open the page (Chromium's WebDriver doesn't list tabs an
      // extension opens, so the tab is counted through the extension's own API).
      await session.browser.openExtensionPage("letter.html");
      const letterTabs = () => driver.executeAsyncScript(`const done = arguments[0];
        chrome.tabs.query({}, (tabs) => done(tabs.filter((t) => t.url?.endsWith("/letter.html")).length));`);
      await eventually(async () => (await letterTabs()) === 2, "the panel opened the letter page in a tab of its own");
      await eventually(async () => (await driver.findElements(By.css("h1"))).length, "the letter page is drawn");
      assert.equal(await driver.findElement(By.css("h1")).getText(), de("letterPageTitle"));
      assert.equal(await driver.getTitle(), de("letterPageTitle"), "the tab shows the page's German title");
      // No address yet: the assistant asks for it rather than writing a letter nobody can use.
      await driver.findElement(By.id("download")).click();
      assert.equal(await driver.findElement(By.id("error")).getText(), de("letterEmailNeeded"));
      await driver.findElement(By.id("email")).sendKeys("jane@example.com");
      const preview = () => driver.findElement(By.id("preview")).getAttribute("value");
      let text = await preview();
      assert.ok(text.startsWith("To: dataprotection.ae@aliexpress.com\nSubject: Request for erasure of personal data (Article 17 GDPR)"), text);
      assert.ok(text.includes("registered to the e-mail address jane@example.com"), text);
      const mail = decodeURIComponent(await driver.findElement(By.id("mail")).getAttribute("href"));
      assert.ok(mail.startsWith("mailto:dataprotection.ae@aliexpress.com?subject=Request for erasure"), mail);
      assert.ok(mail.includes("jane@example.com"));
      // The region decides the law; the address can be changed.
      await driver.findElement(By.css("#region option[value=california]")).click();
      await driver.findElement(By.id("to")).clear();
      await driver.findElement(By.id("to")).sendKeys("privacy@example.org");
      text = await preview();
      assert.ok(text.startsWith("To: privacy@example.org\nSubject: Request to delete personal information (CCPA"), text);
      await driver.findElement(By.css("input[name=kind][value=access]")).click();
      assert.match(await preview(), /Subject: Request to know personal information/);
      await driver.findElement(By.id("copy")).click();
      await eventually(async () => (await driver.findElement(By.id("status")).getText()) === de("letterCopied"), "the copy is confirmed once the browser made it");
      await driver.findElement(By.id("download")).click();
      const file = await downloaded(session.browser.downloads, /^aliexpress-data-request.*\.txt$/);
      assert.equal(fs.readFileSync(file, "utf8"), await preview());
      await driver.close();
      await driver.switchTo().window(page);
    });

    it("made no network request of its own during the backups, the closing walk and the letter", TIMEOUT, async () => {
      await expectNoOwnRequests(assert, { browser: session.browser, driver, server: session.server });
    });
  });
}
