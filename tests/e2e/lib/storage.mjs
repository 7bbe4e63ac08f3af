// The extension's own storage, reached from one of its pages, as the tests need it.

/** Every key of the extension's storage, with its value. */
export async function storedItems(browser) {
  return onExtensionPage(browser, `chrome.storage.local.get(null, (all) => done(all));`);
}

/** Writes items into the extension's storage. */
export async function store(browser, items) {
  return onExtensionPage(browser, `chrome.storage.local.set(arguments[0], () => done(true));`, items);
}

/** Removes every saved backup, as the saved-backups page's Delete does. Every host of
 *  aliexpress.com is one site with one backup, and the suite's histories are different
 *  accounts: each is backed up on its own. */
export async function forgetBackups(browser) {
  return onExtensionPage(browser, `chrome.storage.local.get(null, (all) =>
    chrome.storage.local.remove(Object.keys(all).filter((k) => /^(backup|orders|watch):/.test(k)), () => done(true)));`);
}

/** Runs `script` (which calls `done(value)`) on the saved-backups page, in a tab of its own,
 *  and comes back to the tab the test was in. */
async function onExtensionPage(browser, script, ...args) {
  const { driver } = browser;
  const back = await driver.getWindowHandle();
  await browser.openExtensionPage("backup.html");
  try {
    return await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];\n${script}`, ...args);
  } finally {
    await driver.close();
    await driver.switchTo().window(back);
  }
}
