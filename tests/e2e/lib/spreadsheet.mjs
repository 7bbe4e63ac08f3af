// Opens an .xlsx file in LibreOffice (headless), as a spreadsheet user would, and reads it back:
// each sheet as CSV (the cells as they show), and the first sheet's cell types from LibreOffice's
// HTML export, where a number or date cell carries its value (`sdval`) and format (`sdnum`) and
// a text cell carries neither.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";

function convert(xlsxFile, format) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exit-assistant-xlsx-"));
  const input = path.join(dir, "book.xlsx");
  fs.copyFileSync(xlsxFile, input);
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`,
    "--convert-to", format, "--outdir", dir, input], { stdio: "ignore", timeout: 120_000 });
  return dir;
}

/** Every sheet, by name, as rows of cell texts. */
export function sheetsAsCsv(xlsxFile) {
  // CSV filter options: comma, double quotes, UTF-8, from line 1, standard cells, default
  // language, quoted text not as text, special numbers detected, cells as shown, no formulas,
  // spaces kept, every sheet (-1: one file per sheet, "book-<Sheet>.csv").
  const dir = convert(xlsxFile, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1");
  try {
    const sheets = {};
    for (const name of fs.readdirSync(dir)) {
      const sheet = name.match(/^book-(.+)\.csv$/)?.[1];
      if (sheet) sheets[sheet] = parse(fs.readFileSync(path.join(dir, name), "utf8"), { relax_column_count: true });
    }
    return sheets;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The first sheet's rows, each cell as `{ text, value, format }`: `value` and `format` are
 *  null for a text cell, and set for a number or a date. */
export function firstSheetTypes(xlsxFile) {
  const dir = convert(xlsxFile, "html");
  try {
    const html = fs.readFileSync(path.join(dir, "book.html"), "utf8");
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    const decode = (t) => t.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();
    return table.split(/<tr[^>]*>/).slice(1).map((row) => row.split(/<td/).slice(1).map((cell) => ({
      text: decode(cell.slice(cell.indexOf(">") + 1)),
      value: cell.match(/sdval="([^"]*)"/)?.[1] ?? null,
      format: cell.match(/sdnum="([^"]*)"/)?.[1] ?? null,
    })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
