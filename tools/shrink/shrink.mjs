// Build step, run by build.sh:
//
//   node tools/shrink/shrink.mjs wasm <dir>   on each wasm-bindgen output (pkg/, pkg-pages/)
//   node tools/shrink/shrink.mjs js <file>    on the content script's own loader.js in dist/
//
// wasm-bindgen names every function the WASM imports from its glue, and every function the
// glue calls in the WASM, with a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`).
// Hashes don't compress, and each name is written twice: in the WASM and in the glue. So:
//
// 1. binaryen's `wasm-opt` drops what nothing reaches and merges identical functions, then
//    `--minify-imports-and-exports-and-modules` renames the imports and exports to one or two
//    letters and prints the mapping (what Emscripten does to its own output);
// 2. this script renames them the same way in the glue, and fails the build if any name it
//    was given is not found exactly where wasm-bindgen writes it, or if any is left behind;
// 3. esbuild minifies the glue.
//
// No other optimisation runs: `wasm-opt -Oz` makes the gzipped WASM larger than rustc's own.
// The end-to-end tests run the shrunk build in both browsers, so a wrong rename fails them.
// The sources stay readable in the repository; only dist/ holds the minified files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WASM_OPT = path.join(HERE, "node_modules", ".bin", "wasm-opt");
// What rustc's wasm32 target emits today; wasm-opt refuses a module that uses anything else.
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

const fail = (message) => {
  console.error(`shrink.mjs: ${message}`);
  process.exit(1);
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

const [mode, target] = process.argv.slice(2);
if (mode === "js" && target) {
  // Top-level names stay (loader.js defines `exitAssistantFailed`, which the WASM calls).
  const source = fs.readFileSync(target, "utf8");
  const { code } = await esbuild.transform(source, { minify: true, target: "es2022", legalComments: "none" });
  fs.writeFileSync(target, code);
  process.exit(0);
}
if (mode !== "wasm" || !target) fail("usage: shrink.mjs wasm <wasm-bindgen output directory> | js <file>");
const dir = target;
const wasmFile = fs.readdirSync(dir).find((f) => f.endsWith("_bg.wasm")) ?? fail(`no *_bg.wasm in ${dir}`);
const wasmPath = path.join(dir, wasmFile);
const gluePath = path.join(dir, wasmFile.replace(/_bg\.wasm$/, ".js"));
const moduleName = `./${wasmFile.replace(/\.wasm$/, ".js")}`;

// 1. The WASM, and the mapping wasm-opt prints: {"imports": [[module, name, new]...],
//    "exports": [[name, new]...]}.
const passes = ["--remove-unused-module-elements", "--duplicate-function-elimination", "--minify-imports-and-exports-and-modules"];
const printed = execFileSync(WASM_OPT, [wasmPath, ...FEATURES, ...passes, "-o", wasmPath], { encoding: "utf8" });
const mapping = JSON.parse(printed.slice(printed.indexOf("{")));
const modules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1 || !modules.has(moduleName)) fail(`expected imports from ${moduleName} only, got ${[...modules]}`);
const newModule = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmPath)))[0]?.module;

// 2. The glue. Each import is a property of `import0`, written on a line of its own as
//    `name: function(`; the import object is keyed by the module; each export is read as
//    `wasm.name`.
let glue = fs.readFileSync(gluePath, "utf8");
const replaceExactly = (pattern, replacement, count, what) => {
  let found = 0;
  glue = glue.replace(pattern, (...match) => {
    found += 1;
    return replacement(...match);
  });
  if (found !== count) fail(`${what}: expected ${count}, found ${found}`);
};
for (const [, name, short] of mapping.imports) {
  replaceExactly(new RegExp(`^(\\s+)${escape(name)}(: function\\()`, "gm"), (_, indent, rest) => `${indent}${key(short)}${rest}`, 1, `import ${name}`);
}
replaceExactly(new RegExp(`^(\\s+)${escape(JSON.stringify(moduleName))}(: import0,)$`, "gm"), (_, indent, rest) => `${indent}${JSON.stringify(newModule)}${rest}`, 1, "module name");
const exports = new Map(mapping.exports);
let exportReads = 0;
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
  if (!exports.has(name)) return whole;
  exportReads += 1;
  return `wasm[${JSON.stringify(exports.get(name))}]`;
});
if (exportReads === 0) fail("no export of the WASM is read as `wasm.name` in the glue");
for (const [, name] of mapping.imports) {
  if (new RegExp(`\\b${escape(name)}\\b`).test(glue)) fail(`import ${name} is still in the glue`);
}
for (const name of exports.keys()) {
  // The glue's own functions may share an export's name (`content_main`): only reads count.
  if (new RegExp(`\\bwasm\\s*\\.\\s*${escape(name)}\\b`).test(glue)) fail(`export ${name} is still read in the glue`);
}

// 3. Minify. Top-level names stay (the glue defines the `wasm_bindgen` global that the
//    extension's scripts call).
const { code } = await esbuild.transform(glue, { minify: true, target: "es2022", legalComments: "none" });
fs.writeFileSync(gluePath, code);
