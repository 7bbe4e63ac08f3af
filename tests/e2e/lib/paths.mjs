// Where things are, relative to the repository.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const ROOT = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const DIST = path.join(ROOT, "dist");
export const SITE = path.join(ROOT, "tests/fixtures/site");
export const WORK = path.join(ROOT, "target/e2e");
