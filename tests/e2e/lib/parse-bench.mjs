// The parsing benchmark (`./build.sh bench`): the WASM parser against a plain-JavaScript
// baseline that reads the same fields of the same 1,000 cards with `querySelector`, in the same
// page, in whichever browser `driver` drives. The page and the bench build of the WASM
// (target/bench/pkg, with `bench_parse_list` exported) are served on a free port.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import { ROOT } from "./paths.mjs";

/** Serves target/bench/ (the bench WASM and its page) on a free port. */
function benchServer() {
  const root = path.join(ROOT, "target/bench");
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = http.createServer((req, res) => {
    const file = path.join(root, path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(root) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** 1,000 cards, made from the 256-order history's cards with fresh order numbers. */
function thousandCards() {
  const cards = fs.readFileSync(path.join(ROOT, "tests/fixtures/histories/en-usd/cards.html"), "utf8")
    .match(/<div class="order-item">[\s\S]*?(?=<div class="order-item">|\n<\/div><\/body>)/g);
  const out = [];
  for (let i = 0; out.length < 1000; i++) out.push(cards[i % cards.length].replace(/orderId=(\d+)/g, (_, id) => `orderId=${String(BigInt(id) + BigInt(i))}`));
  return out.join("\n");
}

/** Runs in the bench page itself (a WebDriver script can't instantiate WASM in Firefox's
 *  sandbox): times both readers and leaves the result as JSON on the page. */
const PAGE_SCRIPT = `(async () => {
  try {
    await wasm_bindgen({ module_or_path: "pkg/exit_assistant_bg.wasm" });
    const root = document.getElementById("list");
    const text = (el, sel) => el.querySelector(sel)?.textContent.trim() ?? null;
    // The baseline: the same fields, read the plain way.
    const plain = () => [...root.querySelectorAll(".order-item")].map((card) => ({
      id: (card.querySelector('a[href*="order/detail.html"]')?.getAttribute("href") ?? "").match(/orderId=(\\d+)/)?.[1],
      status: text(card, ".order-item-header-status-text"),
      date: text(card, ".order-item-header-right-info > div:first-child"),
      store: text(card, ".order-item-store-name"),
      storeUrl: card.querySelector(".order-item-store-name a")?.getAttribute("href"),
      total: text(card, ".order-item-content-opt-price-total"),
      items: [...card.querySelectorAll(".order-item-content-body")].map((item) => ({
        title: item.querySelector(".order-item-content-info-name span[title]")?.getAttribute("title") ?? text(item, ".order-item-content-info-name"),
        variant: text(item, ".order-item-content-info-sku"),
        price: text(item, ".order-item-content-info-number > div"),
        quantity: text(item, ".order-item-content-info-number-quantity"),
        link: item.querySelector("a[href*='/item/']")?.getAttribute("href"),
      })),
      thumbnails: card.querySelectorAll(".order-item-content-img-list .order-item-content-img").length,
    }));
    const time = (f) => { const t = performance.now(); const n = f(); return [performance.now() - t, n]; };
    const wasm = [], js = [];
    let counts = [];
    for (let i = 0; i < 11; i++) {
      const [tw, nw] = time(() => wasm_bindgen.bench_parse_list(root, location.href));
      const [tj, nj] = time(() => plain().length);
      if (i > 0) { wasm.push(tw); js.push(tj); }
      counts = [nw, nj];
    }
    const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    document.body.dataset.result = JSON.stringify({ wasm: mid(wasm), js: mid(js), counts });
  } catch (error) {
    document.body.dataset.result = JSON.stringify({ error: String(error) });
  }
})();`;

export async function parseRatio(driver) {
  const server = await benchServer();
  fs.writeFileSync(path.join(ROOT, "target/bench/parse.html"), `<!doctype html><meta charset="utf-8"><title>parse bench</title>
<body><div id="list">${thousandCards()}</div>
<script src="pkg/exit_assistant.js"></script>
<script>${PAGE_SCRIPT}</script></body>`);
  await driver.get(`http://127.0.0.1:${server.address().port}/parse.html`);
  const json = await driver.wait(() => driver.executeScript("return document.body.dataset.result ?? null"), 120_000);
  server.close();
  const result = JSON.parse(json);
  if (result.error) throw new Error(result.error);
  if (result.counts[0] !== 1000 || result.counts[1] !== 1000) throw new Error(`parsed ${result.counts}`);
  return { ...result, ratio: result.wasm / result.js };
}
