// Reading what the browser downloaded.
import fs from "node:fs";
import path from "node:path";

import { eventually } from "./assistant.mjs";

/** Waits for a finished download whose name matches `pattern`; returns its path. */
export async function downloaded(dir, pattern, ms = 20_000) {
  return eventually(() => {
    const names = fs.readdirSync(dir).filter((n) => pattern.test(n) && !/\.(crdownload|part)$/.test(n));
    const done = names.map((n) => path.join(dir, n)).filter((f) => fs.statSync(f).size > 0 && !fs.existsSync(`${f}.part`));
    return done.sort().at(-1) ?? null;
  }, `no download matching ${pattern} in ${dir}`, ms);
}
