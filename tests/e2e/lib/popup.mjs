// Opens the toolbar popup as a page of its own, pointed at a given tab (`popup.html?tab=`),
// because WebDriver can't click the toolbar.
import { eventually } from "./assistant.mjs";

/** Opens the popup for the tab currently shown; returns { handle, pageHandle, tabId }. */
export async function openPopupFor(browser) {
  const { driver } = browser;
  const pageHandle = await driver.getWindowHandle();
  await browser.openExtensionPage("popup.html");
  const handle = await driver.getWindowHandle();
  // The page's tab is the one used last before the popup's (browsers may open others, such
  // as a first-run notice).
  const tabId = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    chrome.tabs.getCurrent((me) => chrome.tabs.query({}, (tabs) => {
      const others = tabs.filter((t) => t.id !== me.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
      done(others.length ? others[0].id : null);
    }));`);
  if (tabId === null) throw new Error("expected a page tab besides the popup");
  await driver.executeScript("location.search = arguments[0]", `?tab=${tabId}`);
  await driver.wait(async () => (await driver.getCurrentUrl()).endsWith(`?tab=${tabId}`), 10_000);
  return { handle, pageHandle, tabId };
}

/** The popup's state and text, once it has rendered. */
export async function popupStatus(driver) {
  return eventually(() => driver.executeScript(`
    const status = document.querySelector(".status");
    if (!status) return null;
    return { state: status.dataset.state, text: status.textContent,
             detail: document.querySelector(".detail")?.textContent ?? null,
             buttons: [...document.querySelectorAll("button")].map((b) => b.textContent) };`), "popup should render");
}

/** Closes the popup tab and returns to the page. */
export async function closePopup(driver, popup) {
  await driver.close();
  await driver.switchTo().window(popup.pageHandle);
}
