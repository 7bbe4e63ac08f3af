// What each kind of AliExpress page loads from the built extension (dist/chrome), raw and
// gzipped. `./build.sh bench` prints and records these figures; the test command runs
//
//   node tools/sizes.mjs --check
//
// which fails when what most pages load (a product page: the launcher) is over its budget, so
// a change that pulls the whole assistant, or serde, into the launcher is caught at once.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const LAUNCHER_BUDGET_GZ = 30 * 1024;

/** The files each kind of page loads, relative to `dist`, read from its manifest so that a
 *  content script added there is counted here too. */
export function loads(dist = path.join(ROOT, "dist/chrome")) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "manifest.json"), "utf8"));
  const scripts = manifest.content_scripts.flatMap((c) => c.js);
  const wasm = manifest.web_accessible_resources.flatMap((r) => r.resources).filter((f) => f.endsWith(".wasm"));
  const launcher = wasm.filter((f) => f.startsWith("pkg-launcher/"));
  const whole = wasm.filter((f) => !f.startsWith("pkg-launcher/"));
  return {
    // Every AliExpress page: the content scripts (the whole assistant's glue is only
    // defined) and the launcher's WASM, the one compiled there.
    product: [...launcher, ...scripts],
    // The order list, where the assistant works unasked: the same, and the whole assistant.
    orderList: [...launcher, ...scripts, ...whole],
    // The extension's own pages and the background (their HTML and background.js name these).
    pages: ["pkg-pages/exit_assistant_bg.wasm", "pkg-pages/exit_assistant.js"],
  };
}

/** `{ raw, gz, files }` for each kind of page (`loads`), measured in `dist`. */
export function loadSizes(dist = path.join(ROOT, "dist/chrome")) {
  const measure = (files) => {
    const bytes = files.map((f) => fs.readFileSync(path.join(dist, f)));
    return {
      raw: bytes.reduce((s, b) => s + b.length, 0),
      gz: bytes.reduce((s, b) => s + zlib.gzipSync(b, { level: 9 }).length, 0),
      files,
    };
  };
  return Object.fromEntries(Object.entries(loads(dist)).map(([name, files]) => [name, measure(files)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = loadSizes();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, { raw, gz }] of Object.entries(sizes)) console.log(`${name}: ${kb(raw)} (${kb(gz)} gzipped)`);
  if (process.argv.includes("--check") && sizes.product.gz > LAUNCHER_BUDGET_GZ) {
    console.error(`what every AliExpress page loads is ${kb(sizes.product.gz)} gzipped, over its budget of ${kb(LAUNCHER_BUDGET_GZ)}`);
    process.exit(1);
  }
}
