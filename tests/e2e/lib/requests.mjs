// Who made each request the fixture server saw. Both browsers send every host to this machine,
// so every request anything makes arrives here, and its Fetch Metadata and Origin/Referer
// headers say where it came from:
// - "page": a fixture page's own navigation or subresource, or a navigation the test or the
//   user made;
// - "browser": the browser's own background services (updates, settings, sign-in);
// - anything else is unexplained, and the least-privilege tests fail on it. An extension
//   request shows up here: an extension origin or referer, a fetch/XHR/beacon (no fixture
//   makes one), a subresource no page asked for, or a request to a host nobody visits.
import fs from "node:fs";
import path from "node:path";

import { FIXTURE_HOSTS } from "./fixture-server.mjs";
import { SITE } from "./paths.mjs";

const EXTENSION_SCHEME = /^(chrome|moz)-extension:/;
/** The browsers' own services, which Debian's builds call in the background. */
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com|mozilla\.(com|net|org)|firefox\.com|duckduckgo\.com)$/;

const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Every fixture page's text: a subresource is the page's own only if its URL is in here. */
const CORPUS = (() => {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) files.push(full);
    }
  };
  walk(SITE);
  walk(path.join(SITE, "../histories"));
  return files.map((f) => unescapeHtml(fs.readFileSync(f, "utf8"))).join("\n");
})();

const hostOf = (url) => {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
};

function decoded(url) {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** "page", "browser", or a reason the request can't be explained by either. */
export function attribute(request) {
  const host = hostOf(request.url);
  const fromExtension = [request.origin, request.referer].some((h) => h && EXTENSION_SCHEME.test(h));
  if (fromExtension) return `from an extension origin (${request.origin ?? request.referer})`;
  if (request.mode === "websocket") return "a WebSocket";
  if (request.dest === "empty") {
    // fetch(), XMLHttpRequest or sendBeacon. No fixture page makes one, so only the browser's
    // own services may (Chromium's sign-in and update checks, marked "none": no page started them).
    return request.site === "none" && BROWSER_SERVICES.test(host) ? "browser" : "a fetch, XHR or beacon";
  }
  if (request.mode === "navigate") {
    if (FIXTURE_HOSTS.includes(host)) return "page";
    // Chromium's start page, opened with the first window.
    return request.site === "none" && BROWSER_SERVICES.test(host) ? "browser" : `a navigation away from AliExpress (${host})`;
  }
  if (request.dest === null && request.site === null) {
    // No Fetch Metadata at all: the browser's own background requests.
    return BROWSER_SERVICES.test(host) && !request.referer ? "browser" : `a request with no origin to ${host}`;
  }
  // A subresource: a fixture page must have asked for it, by URL, and say so in its Referer.
  if (!request.referer || !FIXTURE_HOSTS.includes(hostOf(request.referer))) return `a ${request.dest} no page asked for`;
  const url = decoded(request.url);
  if (new URL(request.url).pathname === "/favicon.ico" || CORPUS.includes(url) || CORPUS.includes(url.replace(/^https:/, ""))) return "page";
  return `a ${request.dest} that is in no fixture page`;
}

/** The requests neither a page nor the browser explains, with the reason. */
export function unexplained(requests) {
  return requests.map((r) => ({ url: r.url, why: attribute(r) })).filter((r) => r.why !== "page" && r.why !== "browser");
}

/** Makes, from an extension page, the kinds of request an extension could make: the test
 *  checks that each one is caught, so "none unexplained" means something. */
export const PROBE_SCRIPT = `
  fetch("https://tracker.example/probe-fetch").catch(() => {});
  navigator.sendBeacon("https://tracker.example/probe-beacon", "x");
  new Image().src = "https://tracker.example/probe-image";
  new Image().src = "http://tracker.example/probe-plain";`;
export const PROBE_URLS = ["probe-fetch", "probe-beacon", "probe-image", "probe-plain"];

/** The least-privilege check, run at the end of a suite: no request the suite caused came
 *  from the extension; then, so that this can fail, the probe's requests must all be caught. */
export async function expectNoOwnRequests(assert, { browser, driver, server }) {
  const seen = server.requests.slice();
  assert.ok(seen.some((r) => r.served), "the fixture server saw the suite's pages");
  assert.deepEqual(unexplained(seen), [], "every request came from a page or the browser");
  const counts = seen.reduce((c, r) => ({ ...c, [attribute(r)]: (c[attribute(r)] ?? 0) + 1 }), {});
  console.log(`${browser.name}: ${seen.length} requests: ${JSON.stringify(counts)}`);

  const page = await driver.getWindowHandle();
  await browser.openExtensionPage("backup.html");
  await driver.executeScript(PROBE_SCRIPT);
  const caught = async () => {
    const flagged = unexplained(server.requests.slice(seen.length)).map((r) => r.url);
    return PROBE_URLS.every((p) => flagged.some((u) => u.endsWith(p)));
  };
  for (let i = 0; i < 50 && !(await caught()); i++) await new Promise((r) => setTimeout(r, 200));
  assert.ok(await caught(), `each kind of extension request is caught: ${JSON.stringify(unexplained(server.requests.slice(seen.length)))}`);
  await driver.close();
  await driver.switchTo().window(page);
}
