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

/** The files each kind of page loads, relative to dist/chrome. */
export const LOADS = {
  // Every AliExpress page: the three content scripts (both glues are only defined, the
  // launcher's WASM is compiled).
  product: ["pkg-launcher/launcher_bg.wasm", "pkg-launcher/launcher.js", "pkg/exit_assistant.js", "loader.js"],
  // The order list, where the assistant works unasked: the same, and the whole assistant.
  orderList: ["pkg-launcher/launcher_bg.wasm", "pkg-launcher/launcher.js", "pkg/exit_assistant.js", "loader.js", "pkg/exit_assistant_bg.wasm"],
  // The extension's own pages and the background.
  pages: ["pkg-pages/exit_assistant_bg.wasm", "pkg-pages/exit_assistant.js"],
};

/** `{ raw, gz, files }` for each entry of LOADS, measured in `dist`. */
export function loadSizes(dist = path.join(ROOT, "dist/chrome")) {
  const measure = (files) => {
    const bytes = files.map((f) => fs.readFileSync(path.join(dist, f)));
    return {
      raw: bytes.reduce((s, b) => s + b.length, 0),
      gz: bytes.reduce((s, b) => s + zlib.gzipSync(b, { level: 9 }).length, 0),
      files,
    };
  };
  return Object.fromEntries(Object.entries(LOADS).map(([name, files]) => [name, measure(files)]));
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
