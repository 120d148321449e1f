import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { walk } from "@/lib/testing/app-routes";
import { folderCycles, libFolderGraph } from "@/lib/testing/import-graph";

/**
 * The folders of lib/ that still import each other in a circle. The list may only shrink: a new
 * circle fails this test, and so does breaking one without taking it off here. (The first group
 * has the route wrapper in lib/http beside the input helpers every service uses, and the audit
 * log's recording beside its browsing; the second, the job runtime and the messages it sends.)
 */
const KNOWN_CYCLES = [
  ["audit", "auth", "http", "instrument", "panel", "study"],
  ["jobs", "messaging"],
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
  it("has no circle of folders beyond the known ones", () => {
    expect(folderCycles(libFolderGraph())).toEqual(KNOWN_CYCLES);
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
