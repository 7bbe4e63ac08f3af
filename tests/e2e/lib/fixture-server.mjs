// Serves fixture pages at their real https URLs on 127.0.0.1:443, and refuses everything
// else. Both browsers resolve AliExpress hosts to this machine, so nothing leaves it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";

import { SITE, WORK } from "./paths.mjs";

const routesFile = JSON.parse(fs.readFileSync(path.join(SITE, "routes.json"), "utf8"));

/** Every host that serves fixtures. */
export const FIXTURE_HOSTS = [...new Set(routesFile.routes.map((r) => new URL(r.url).hostname))].sort();

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

/** Starts the server; resolves to { requests, close() }. `requests` records every request. */
export async function startFixtureServer() {
  const requests = [];
  const server = https.createServer(certificate(), (req, res) => {
    const host = (req.headers.host ?? "").replace(/:443$/, "");
    const url = new URL(`https://${host}${req.url}`);
    const route = findRoute(url);
    requests.push({ url: url.href, served: Boolean(route) });
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("refused by the fixture server");
      return;
    }
    const body = fs.readFileSync(path.join(SITE, route.file));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...route.headers });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(443, "127.0.0.1", resolve);
  });
  return {
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
