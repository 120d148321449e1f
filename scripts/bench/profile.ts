import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { markdownTable, pct } from "./stats";

/**
 * Summarises the V8 CPU profiles the server wrote (run.ts --profile): self time by package or
 * area, and the busiest functions. Covers the server's whole life, which the load dominates.
 */

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type TProfile = { nodes: TNode[]; samples?: number[]; timeDeltas?: number[] };

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native / V8 builtins)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === "next") {
      const sub = rest.slice(1, 4).join("/");
      return `next (${sub.includes("compiled") ? rest.slice(1, 5).join("/") : sub})`;
    }
    return pkg;
  }
  if (url.startsWith("node:")) return `node internals (${url.slice(5).split("/")[0]})`;
  if (url.includes("/.next/")) return ".next/server (app code, bundled)";
  return url;
}

export function summarizeProfiles(dir: string): string | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    return null;
  }
  if (!files.length) return null;
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  /** Time with the package anywhere on the (synchronous) stack: what a layer costs in all. */
  const onStack = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as TProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stackAreas = new Map<number, Set<string>>();
    const areasOf = (id: number): Set<string> => {
      let set = stackAreas.get(id);
      if (set) return set;
      const n = nodes.get(id)!;
      const up = parent.get(id);
      set = new Set(up === undefined ? [] : areasOf(up));
      if (n.callFrame.url) set.add(area(n.callFrame.url, n.callFrame.functionName).replace(/ \(.*\)$/, ""));
      stackAreas.set(id, set);
      return set;
    };
    const self = new Map<number, number>();
    if (profile.samples && profile.timeDeltas) {
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
    } else {
      for (const n of profile.nodes) self.set(n.id, n.hitCount ?? 0);
    }
    for (const [id, t] of self) {
      const n = nodes.get(id);
      if (!n) continue;
      const { functionName, url, lineNumber } = n.callFrame;
      if (functionName === "(idle)") continue;
      total += t;
      for (const a of areasOf(id)) onStack.set(a, (onStack.get(a) ?? 0) + t);
      const a = area(url, functionName);
      byArea.set(a, (byArea.get(a) ?? 0) + t);
      const short = url ? url.replace(/^.*node_modules\//, "").replace(/^.*\/\.next\//, ".next/") : "";
      const key = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`.trim();
      byFn.set(key, (byFn.get(key) ?? 0) + t);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort(([, a], [, b]) => b - a).slice(0, n).map(([k, t]) => [pct(t / total), `${(t / 1e6).toFixed(1)} s`, k.length > 120 ? `${k.slice(0, 117)}...` : k]);
  return [
    `${files.length} profile(s), ${(total / 1e6).toFixed(1)} s of non-idle CPU on the server's main thread.`,
    "",
    "Self time by package or area:",
    "",
    markdownTable([["share", "time", "area"], ...top(byArea, 15)]),
    "",
    "Time with the package on the stack (inclusive; synchronous stacks only, so work resumed after an await counts for whoever resumed it):",
    "",
    markdownTable([["share", "time", "package"], ...top(onStack, 15)]),
    "",
    "Busiest functions (self time):",
    "",
    markdownTable([["share", "time", "function"], ...top(byFn, 20)]),
  ].join("\n");
}
