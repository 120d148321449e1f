/**
 * The codebook as a tree, built from flat ThemeCode rows. Pure: shared by the services, the seed and
 * the exports. Siblings are ordered by `position`, then by code.
 */

export type TCodeRow = {
  id: string;
  parentId: string | null;
  code: string;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
  position: number;
};

export type TCodeNode = {
  id: string;
  code: string;
  nameRu: string;
  nameEn: string;
  descriptionRu: string;
  descriptionEn: string;
  children: TCodeNode[];
};

const bySiblingOrder = (a: TCodeRow, b: TCodeRow) => a.position - b.position || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function childrenIndex(rows: readonly TCodeRow[]): Map<string | null, TCodeRow[]> {
  const ids = new Set(rows.map((r) => r.id));
  const index = new Map<string | null, TCodeRow[]>();
  for (const row of rows) {
    // A parent outside the given rows (never expected) makes the code a root, so nothing is lost.
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = index.get(parent) ?? [];
    list.push(row);
    index.set(parent, list);
  }
  for (const list of index.values()) list.sort(bySiblingOrder);
  return index;
}

/** The tree, roots first, each level in sibling order. Rows caught in a cycle (never expected) are left out. */
export function buildTree(rows: readonly TCodeRow[]): TCodeNode[] {
  const index = childrenIndex(rows);
  const seen = new Set<string>();
  const build = (parent: string | null): TCodeNode[] =>
    (index.get(parent) ?? [])
      .filter((r) => !seen.has(r.id))
      .map((r) => {
        seen.add(r.id);
        return {
          id: r.id,
          code: r.code,
          nameRu: r.nameRu,
          nameEn: r.nameEn,
          descriptionRu: r.descriptionRu,
          descriptionEn: r.descriptionEn,
          children: build(r.id),
        };
      });
  return build(null);
}

export type TFlatCode = { node: TCodeNode; depth: number; path: TCodeNode[] };

/** Every node in tree order (depth first, parents before children), with its path from the root. */
export function flattenTree(nodes: readonly TCodeNode[]): TFlatCode[] {
  const out: TFlatCode[] = [];
  const walk = (list: readonly TCodeNode[], path: TCodeNode[]) => {
    for (const node of list) {
      const here = [...path, node];
      out.push({ node, depth: path.length, path: here });
      walk(node.children, here);
    }
  };
  walk(nodes, []);
  return out;
}

/** The code itself and every code below it. Empty when the code is not among the rows. */
export function descendantIds(rows: readonly TCodeRow[], codeId: string): string[] {
  if (!rows.some((r) => r.id === codeId)) return [];
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    const list = children.get(row.parentId) ?? [];
    list.push(row.id);
    children.set(row.parentId, list);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [codeId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** True when making `newParentId` the parent of `codeId` would put the code below itself. */
export function wouldCreateCycle(rows: readonly TCodeRow[], codeId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === codeId) return true;
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  const seen = new Set<string>();
  let current: string | null | undefined = newParentId;
  while (current) {
    if (current === codeId) return true;
    if (seen.has(current)) return true; // an existing cycle: refuse to build on it
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

/** "Barriers › Bureaucracy": the names along a code's path, in one language. */
export function pathName(path: readonly Pick<TCodeNode, "nameRu" | "nameEn">[], lang: "ru" | "en"): string {
  return path.map((n) => (lang === "ru" ? n.nameRu : n.nameEn) || n.nameEn || n.nameRu).join(" › ");
}
