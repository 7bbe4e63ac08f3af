// Prints an HTML file to PDF with headless Chromium (as "Print to PDF" does) and reads the PDF
// back as text with poppler's pdftotext, one string per page.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function printedPages(htmlFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exit-assistant-print-"));
  const pdf = path.join(dir, "printed.pdf");
  try {
    execFileSync("/usr/bin/chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, `file://${htmlFile}`,
    ], { stdio: "ignore", timeout: 60_000 });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    return text.split("\f").filter((page) => page.trim() !== "");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
