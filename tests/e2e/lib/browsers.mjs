// Launches Debian's Chromium and Firefox ESR over WebDriver with the built extension loaded,
// resolving every host to the local fixture server, so nothing leaves this machine.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { Builder } from "selenium-webdriver";
import chrome from "selenium-webdriver/chrome.js";
import firefox from "selenium-webdriver/firefox.js";

import { DIST, WORK } from "./paths.mjs";

/** A fresh folder for one browser's downloads. */
function downloadsDir(name) {
  const dir = path.join(WORK, "downloads", `${name}-${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const GECKO_ID = JSON.parse(fs.readFileSync(path.join(DIST, "firefox/manifest.json"), "utf8")).browser_specific_settings.gecko.id;
export const CHROMIUM_BINARY = "/usr/lib/chromium/chromium";
const FIREFOX_UUID = "5b0c4a0e-0000-4000-8000-e2e000000001";

// Chromium derives an unpacked extension's id from its absolute path: SHA-256, first 32 hex
// digits, each mapped to a..p.
function chromiumExtensionId(dir) {
  const hex = createHash("sha256").update(fs.realpathSync(dir)).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

function geckodriverPath() {
  const candidates = [process.env.GECKODRIVER, path.join(os.homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver"];
  return candidates.find((p) => p && fs.existsSync(p));
}

/** How pages are shown, as a user may set it: `dark` colour scheme, `reducedMotion`, and a
 *  `zoom` factor (2: the browser zoomed to 200%, so a 1280-pixel window is 640 CSS pixels wide). */
const PLAIN = { dark: false, reducedMotion: false, zoom: 1 };

/** `lang` is the browser's UI language, which the extension's `_locales` follow. */
/** `loopback` lets pages on 127.0.0.1 load (the benchmark's own page); tests never set it. */
export async function launchChromium({ width = 1280, height = 900, downloads = downloadsDir("chromium"), lang = "en-US", loopback = false, display = PLAIN } = {}) {
  const dist = path.join(DIST, "chrome");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-chromium-"));
  // Every host resolves to this machine, as in Firefox below: the fixture server serves the
  // fixture hosts, refuses the rest, and records every request, wherever it was meant to go.
  const rules = ["MAP * 127.0.0.1", ...(loopback ? ["EXCLUDE 127.0.0.1"] : [])].join(", ");
  const options = new chrome.Options()
    // The binary itself, not Debian's /usr/bin/chromium wrapper: the wrapper's
    // /etc/chromium.d/extensions adds an empty --load-extension= ahead of ours, and the first wins.
    .setChromeBinaryPath(CHROMIUM_BINARY)
    .addArguments(
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
      "--disable-quic", "--disable-features=DisableLoadExtensionCommandLineSwitch", `--user-data-dir=${profile}`, `--window-size=${width},${height}`,
      `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
      `--host-resolver-rules=${rules}`, "--ignore-certificate-errors", `--lang=${lang}`,
    );
  if (process.env.E2E_BROWSER_LOG) { const { logging } = await import("selenium-webdriver"); const p = new logging.Preferences(); p.setLevel(logging.Type.BROWSER, logging.Level.ALL); options.setLoggingPrefs(p); }
  options.setUserPreferences({ "download.default_directory": downloads, "download.prompt_for_download": false, "download.directory_upgrade": true });
  const driver = await new Builder()
    .forBrowser("chrome")
    .setChromeOptions(options)
    // On Linux, Chromium takes its UI language from the environment; --lang is for the rest.
    .setChromeService(new chrome.ServiceBuilder("/usr/bin/chromedriver").setEnvironment({ ...process.env, LANGUAGE: lang.replace("-", "_"), LANG: `${lang.replace("-", "_")}.UTF-8` }))
    .build();
  const extensionBase = `chrome-extension://${chromiumExtensionId(dist)}/`;
  // Chromium takes the display settings per tab, through DevTools; they last across navigations.
  const applyDisplay = async () => {
    if (display === PLAIN) return;
    const features = [
      { name: "prefers-color-scheme", value: display.dark ? "dark" : "light" },
      { name: "prefers-reduced-motion", value: display.reducedMotion ? "reduce" : "no-preference" },
    ];
    await driver.sendDevToolsCommand("Emulation.setEmulatedMedia", { features });
    if (display.zoom !== 1) {
      await driver.sendDevToolsCommand("Emulation.setDeviceMetricsOverride", {
        width: Math.round(width / display.zoom), height: Math.round(height / display.zoom), deviceScaleFactor: display.zoom, mobile: false,
      });
    }
  };
  await applyDisplay();
  const openExtensionPage = async (page) => {
    await driver.switchTo().newWindow("tab");
    await applyDisplay();
    await driver.get(extensionBase + page);
  };
  // Stops the extension's service worker, as Chrome does when it idles or is killed (the way
  // Chrome's own guide tests termination: the DevTools target closed).
  const stopBackground = async () => {
    const { targetInfos } = await driver.sendAndGetDevToolsCommand("Target.getTargets", {});
    const workers = targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith(extensionBase));
    for (const worker of workers) await driver.sendAndGetDevToolsCommand("Target.closeTarget", { targetId: worker.targetId });
    return workers.length;
  };
  return { name: "chromium", driver, extensionBase, openExtensionPage, applyDisplay, stopBackground, profile, downloads };
}

export async function launchFirefox({ width = 1280, height = 900, lang = "en-US", display = PLAIN } = {}) {
  const dist = path.join(DIST, "firefox");
  const downloads = downloadsDir("firefox");
  const options = new firefox.Options()
    .setBinary("/usr/bin/firefox-esr")
    // The size is in CSS pixels: at 200% zoom, a 1280-pixel window is 640 CSS pixels wide.
    .addArguments("-headless", `--width=${Math.round(width / display.zoom)}`, `--height=${Math.round(height / display.zoom)}`)
    .setAcceptInsecureCerts(true);
  const prefs = {
    // Every host resolves to this machine; the fixture server refuses what it doesn't serve.
    "network.dns.forceResolve": "127.0.0.1",
    "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    "intl.accept_languages": lang,
    // The UI language (a Debian langpack for anything but en-US).
    "intl.locale.requested": lang,
    "app.update.enabled": false,
    "app.normandy.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "browser.safebrowsing.downloads.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "datareporting.healthreport.uploadEnabled": false,
    "toolkit.telemetry.enabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "extensions.getAddons.cache.enabled": false,
    "browser.region.network.url": "",
    "browser.newtabpage.enabled": false,
    // No first-run or welcome tabs.
    "datareporting.policy.dataSubmissionPolicyBypassNotification": true,
    "toolkit.telemetry.reportingpolicy.firstRun": false,
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "about:blank",
    "startup.homepage_welcome_url.additional": "",
    "browser.aboutwelcome.enabled": false,
    "services.settings.server": "data:,#remote-settings-disabled",
    "browser.download.folderList": 2,
    "browser.download.dir": downloads,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.download.manager.showWhenStarting": false,
    "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,text/html,text/plain",
  };
  if (display.dark) prefs["layout.css.prefers-color-scheme.content-override"] = 0;
  if (display.reducedMotion) prefs["ui.prefersReducedMotion"] = 1;
  // Zoom as the user sets it: every CSS pixel drawn with `zoom` device pixels.
  if (display.zoom !== 1) prefs["layout.css.devPixelsPerPx"] = String(display.zoom);
  for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
  // System access lets the harness open extension pages from the browser's chrome context.
  const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments("--allow-system-access");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(dist, true);
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  // Firefox's WebDriver may not navigate to moz-extension:// URLs, so open them as the browser
  // itself would: a new tab from the chrome context.
  const openExtensionPage = async (page) => {
    const before = await driver.getAllWindowHandles();
    await driver.setContext(firefox.Context.CHROME);
    try {
      await driver.executeScript(
        "gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });",
        extensionBase + page,
      );
    } finally {
      await driver.setContext(firefox.Context.CONTENT);
    }
    const handle = await driver.wait(async () => (await driver.getAllWindowHandles()).find((h) => !before.includes(h)), 10_000);
    await driver.switchTo().window(handle);
    await driver.wait(async () => (await driver.getCurrentUrl()).startsWith(extensionBase), 10_000);
  };
  // Stops the extension's event page, as about:debugging's "Terminate background script" does
  // (and as Firefox does when it idles).
  const stopBackground = async () => {
    await driver.setContext(firefox.Context.CHROME);
    try {
      return await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
        const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
        extension.terminateBackground({ ignoreDevToolsAttached: true }).then(() => done(1), (e) => done(String(e)));`, GECKO_ID);
    } finally {
      await driver.setContext(firefox.Context.CONTENT);
    }
  };
  return { name: "firefox", driver, extensionBase, openExtensionPage, applyDisplay: async () => {}, stopBackground, downloads };
}

export const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox };
