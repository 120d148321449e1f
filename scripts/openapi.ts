// `npm run openapi`: writes docs/openapi.json from the route contracts (lib/api/openapi.ts).
// lib/api/openapi.test.ts fails while the file differs from what this writes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";

const root = path.resolve(__dirname, "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
mkdirSync(path.join(root, "docs"), { recursive: true });
const file = path.join(root, "docs/openapi.json");
writeFileSync(file, `${JSON.stringify(openApiDocument(version), null, 2)}\n`);
console.log(`Wrote ${path.relative(root, file)}.`);
