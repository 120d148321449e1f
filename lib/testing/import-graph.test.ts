import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { walk } from "@/lib/testing/app-routes";
import { folderCycles, libFolderGraph } from "@/lib/testing/import-graph";

/**
 * The layers of lib/, lowest first. A folder imports only folders of its own layer or of lower
 * ones, and no two folders import each other in a circle, type-only imports included. A new folder
 * must be placed here.
 * - foundations: the environment, logging, errors, the database client, CSV, HTTP's primitives
 *   (contracts, input parsing, replies, client addresses), the job queue's runtime, the audit log's
 *   recording, throttling, the live-update hub;
 * - who and what: sessions and roles (auth), texts in two languages and the UI's translations
 *   (i18n), studies with their membership scopes, lifecycle and waves, staff accounts;
 * - the route wrapper (auth + study + HTTP's primitives) and the domains, which register with the
 *   lower layers rather than being called by them (e.g. the messages' job work, lib/messaging/jobs.ts,
 *   handed to the job queue by lib/server-start.ts);
 * - the edges: the typed client with its registry of every contract, the server's start-up.
 */
export const LAYERS = [
  ["env", "log", "errors", "csv", "db", "http", "jobs", "audit", "security", "live", "health"],
  ["auth", "i18n", "study", "users"],
  ["route", "instrument", "codebook", "panel", "aggregates", "exports", "interviews", "messaging", "monitor", "autosave", "delphi", "quotes", "responses"],
  ["api", "server-start"],
];

const LIB = path.resolve(__dirname, "..");

function importsOf(dir: string, test: (file: string) => boolean): string[] {
  const found: string[] = [];
  walk(dir, (file) => {
    if (!/\.tsx?$/.test(file) || !test(file) || file.includes(`${path.sep}generated${path.sep}`)) return;
    for (const m of readFileSync(file, "utf8").matchAll(/\bfrom\s+["']([^"']+)["']/g)) found.push(`${path.relative(LIB, file)}: ${m[1]}`);
  });
  return found;
}

describe("the import graph of lib/", () => {
  it("has no circle of folders", () => {
    expect(folderCycles(libFolderGraph())).toEqual([]);
  });

  it("imports only within a folder's layer or downward, and places every folder in a layer", () => {
    const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
    const wrong: string[] = [];
    for (const [from, targets] of libFolderGraph()) {
      if (!layerOf.has(from)) wrong.push(`${from} is in no layer`);
      for (const to of targets) if ((layerOf.get(to) ?? Infinity) > (layerOf.get(from) ?? -1)) wrong.push(`${from} -> ${to}`);
    }
    expect(wrong).toEqual([]);
  });

  it("finds a circle where there is one", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(folderCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("does not reach into scripts/ or the seed data (tests aside), nor lib/testing into scripts/", () => {
    const outward = importsOf(LIB, (file) => !/\.test\.tsx?$/.test(file)).filter((line) => /: (@\/scripts\/|@\/prisma\/seed\/|(\.\.\/)+(scripts|prisma\/seed)\/)/.test(line));
    expect(outward).toEqual([]);
  });
});
