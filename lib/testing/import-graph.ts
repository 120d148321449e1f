import { readFileSync } from "node:fs";
import path from "node:path";
import { walk } from "@/lib/testing/app-routes";

const LIB = path.resolve(__dirname, "..");

/** lib/<folder> of a lib file ("db.ts" at the top counts as its own "db" folder; generated code is left out). */
function folderOf(file: string): string | null {
  const [first, second] = path.relative(LIB, file).split(path.sep);
  if (!first || first === "generated") return null;
  return second === undefined ? first.replace(/\.tsx?$/, "") : first;
}

/**
 * Which lib/ folders each folder imports (`@/lib/x/...` and relative imports), from the non-test
 * sources: the graph the "lib/ imports one way" rule is about. Type-only imports count: a type is
 * a dependency too. Test files may reach anywhere.
 */
export function libFolderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  walk(LIB, (file) => {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}testing${path.sep}`)) return;
    const from = folderOf(file);
    if (!from) return;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/g)) {
      const spec = m[1]!;
      const target = spec.startsWith("@/lib/") ? path.join(LIB, spec.slice("@/lib/".length)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
      if (!target || !target.startsWith(LIB)) continue;
      const to = folderOf(target.endsWith(".ts") || target.endsWith(".tsx") ? target : `${target}.ts`);
      if (to && to !== from) edges.add(to);
    }
  });
  return graph;
}

/** The groups of folders that import each other in a circle (strongly connected components of more than one folder), each sorted. */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
