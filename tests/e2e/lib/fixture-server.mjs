// Serves fixture pages at their real https URLs on 127.0.0.1:443, and refuses everything
// else. Both browsers resolve AliExpress hosts to this machine, so nothing leaves it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";

import { BIG } from "../../fixtures/histories/generate.mjs";
import { SITE, WORK } from "./paths.mjs";

const routesFile = JSON.parse(fs.readFileSync(path.join(SITE, "routes.json"), "utf8"));
const HISTORIES_DIR = path.join(SITE, "../histories");
/** Order histories: each serves its host's order list and detail pages. */
export const HISTORIES = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, "index.json"), "utf8"));

/** Every host that serves fixtures. */
export const FIXTURE_HOSTS = [...new Set([...routesFile.routes.map((r) => new URL(r.url).hostname), ...HISTORIES.map((h) => h.host), BIG.host])].sort();

/** A history's expected orders. */
export function expectedOrders(name) {
  return JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, name, "expected.json"), "utf8")).orders;
}

/** The orders a deep backup of a history keeps: every detail page read. */
export function expectedDeepOrders(name) {
  return JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, name, "expected.json"), "utf8")).deep_orders;
}

const detailShell = fs.readFileSync(path.join(HISTORIES_DIR, "detail-shell.html"), "utf8");

/** Histories written at test time (the 10,000-order one), each with the `dir` it is in. */
const EXTRA_HISTORIES = [];

/** The body of a history page, or null. `behaviour` goes into the list page's script. */
function historyPage(url, behaviour) {
  // The latest history added for a host wins: a test can show the same list some days later.
  const all = [...EXTRA_HISTORIES.slice().reverse(), ...HISTORIES];
  const dirOf = (history) => history.dir ?? path.join(HISTORIES_DIR, history.name);
  if (url.pathname === "/p/order/detail.html") {
    // Served where the cards link them (`detailHost`), which need not be the list's host.
    const id = (url.searchParams.get("orderId") ?? "").replace(/\D/g, "");
    for (const history of all.filter((h) => (h.detailHost ?? h.host) === url.hostname && h.layout !== "old")) {
      const details = fs.readFileSync(path.join(dirOf(history), "details.html"), "utf8");
      const match = details.match(new RegExp(`<section class="fixture-detail" data-order-id="${id}">([\\s\\S]*?)</section>`));
      if (match) return detailShell.replace("{{DETAIL}}", () => match[1]);
    }
    return null;
  }
  const history = all.find((h) => h.host === url.hostname);
  if (!history) return null;
  const dir = dirOf(history);
  if (history.layout === "old" && url.pathname === "/orderList.htm") {
    const page = path.join(dir, `page-${Number(url.searchParams.get("page") ?? 1)}.html`);
    return fs.existsSync(page) ? fs.readFileSync(page, "utf8") : null;
  }
  if (url.pathname === "/p/order/index.html") {
    const page = fs.readFileSync(path.join(dir, "list.html"), "utf8");
    const json = JSON.stringify(behaviour).replace(/</g, "\\u003c");
    return page.replace('<script type="application/json" id="fixture-behaviour">{}</script>', () => `<script type="application/json" id="fixture-behaviour">${json}</script>`);
  }
  return null;
}

function certificate() {
  const dir = path.join(WORK, "tls");
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  if (!fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    const names = ["*.aliexpress.com", "*.aliexpress.us", "*.aliexpress.ru", ...FIXTURE_HOSTS];
    const san = names.map((n) => `DNS:${n}`).join(",");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=fixtures.test",
      "-addext", `subjectAltName=${san}`, "-keyout", key, "-out", cert], { stdio: "ignore" });
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function findRoute(url) {
  const exact = routesFile.routes.find((r) => r.url === url.href);
  if (exact) return exact;
  const bare = `${url.origin}${url.pathname}`;
  return routesFile.routes.find((r) => r.url === bare && !r.url.includes("?"));
}

/** What a request says about who made it: the Fetch Metadata and origin headers. */
function who(headers) {
  return {
    origin: headers.origin ?? null,
    referer: headers.referer ?? null,
    site: headers["sec-fetch-site"] ?? null,
    mode: headers["sec-fetch-mode"] ?? null,
    dest: headers["sec-fetch-dest"] ?? null,
  };
}

/** Starts the server; resolves to { requests, close() }. `requests` records every request,
 *  on 443 and on 80 (plain http is refused, but recorded). */
export async function startFixtureServer() {
  const requests = [];
  // Tests set this to make the order lists show a captcha, a short page or a sign-out.
  const control = { behaviour: {} };
  const server = https.createServer(certificate(), (req, res) => {
    const host = (req.headers.host ?? "").replace(/:443$/, "");
    const url = new URL(`https://${host}${req.url}`);
    const route = findRoute(url);
    const history = route ? null : historyPage(url, control.behaviour);
    requests.push({ url: url.href, served: Boolean(route || history), method: req.method, ...who(req.headers) });
    if (!route && !history) {
      res.writeHead(404, { "content-type": "text/plain" }).end("refused by the fixture server");
      return;
    }
    const body = route ? fs.readFileSync(path.join(SITE, route.file)) : history;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...route?.headers });
    res.end(body);
  });
  const plain = http.createServer((req, res) => {
    requests.push({ url: `http://${req.headers.host ?? ""}${req.url}`, served: false, method: req.method, ...who(req.headers) });
    res.writeHead(404, { "content-type": "text/plain" }).end("refused by the fixture server");
  });
  for (const [listener, port] of [[server, 443], [plain, 80]]) {
    await new Promise((resolve, reject) => {
      listener.once("error", reject);
      listener.listen(port, "127.0.0.1", resolve);
    });
  }
  const stop = (listener) => new Promise((resolve) => { listener.closeAllConnections(); listener.close(resolve); });
  return {
    requests,
    control,
    /** Serves a history written at test time: { name, host, dir }. */
    addHistory: (history) => EXTRA_HISTORIES.push({ layout: "new", ...history }),
    close: () => Promise.all([stop(server), stop(plain)]),
  };
}
