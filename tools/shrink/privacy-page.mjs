// Build step: turns PRIVACY.md into the extension's own privacy page (dist/<browser>/privacy.html),
// so the policy the stores link to and the one the extension shows are the same text. The popup
// and the saved-backups page link to it. Usage: node tools/shrink/privacy-page.mjs PRIVACY.md OUT
//
// The Markdown is the repository's own file, never page or user text, and the page it makes has
// no script: the extension pages' policy (manifest.json) allows none but the package's own.
import fs from "node:fs";
import { marked } from "marked";

const [source, out] = process.argv.slice(2);
const markdown = fs.readFileSync(source, "utf8");
const title = markdown.match(/^# (.+)$/m)?.[1] ?? "Privacy policy";
const body = marked.parse(markdown, { gfm: true });
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

fs.writeFileSync(out, `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width">
  <title>${escape(title)}</title>
  <link rel="stylesheet" href="privacy.css">
</head>
<body>
<main>
${body}</main>
</body>
</html>
`);
