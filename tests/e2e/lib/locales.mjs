// The extension's own messages, so tests check the language the user reads.
import fs from "node:fs";
import path from "node:path";

import { ROOT } from "./paths.mjs";

const cache = new Map();

/** The message `key` in `locale` (`de`, `en`…), with `$1`… substituted as Chrome does. */
export function msg(locale, key, ...subs) {
  if (!cache.has(locale)) {
    cache.set(locale, JSON.parse(fs.readFileSync(path.join(ROOT, "extension/_locales", locale, "messages.json"), "utf8")));
  }
  const entry = cache.get(locale)[key];
  if (!entry) throw new Error(`no message ${key} in ${locale}`);
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? "";
    return subs[Number(content.slice(1)) - 1] ?? "";
  });
}
