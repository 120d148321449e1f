import { describe, expect, it } from "vitest";
import { buildTree, descendantIds, flattenTree, pathName, wouldCreateCycle, type TCodeRow } from "@/lib/codebook/tree";

const row = (id: string, parentId: string | null, position: number, code = id.toUpperCase()): TCodeRow => ({
  id,
  parentId,
  code,
  nameRu: `${code} ru`,
  nameEn: `${code} en`,
  descriptionRu: "",
  descriptionEn: "",
  position,
});

// barriers (1) ─ bureaucracy (0), law (1) ─ law-detail (0); forms (0) ─ vertical (0)
const rows: TCodeRow[] = [
  row("law-detail", "law", 0),
  row("barriers", null, 1),
  row("law", "barriers", 1),
  row("bureaucracy", "barriers", 0),
  row("forms", null, 0),
  row("vertical", "forms", 0),
];

describe("codebook tree", () => {
  it("builds the tree with siblings in position order, whatever order the rows come in", () => {
    const tree = buildTree(rows);
    expect(tree.map((n) => n.id)).toEqual(["forms", "barriers"]);
    expect(tree[1]!.children.map((n) => n.id)).toEqual(["bureaucracy", "law"]);
    expect(tree[1]!.children[1]!.children.map((n) => n.id)).toEqual(["law-detail"]);
    expect(tree[0]).toEqual({
      id: "forms",
      code: "FORMS",
      nameRu: "FORMS ru",
      nameEn: "FORMS en",
      descriptionRu: "",
      descriptionEn: "",
      children: [{ id: "vertical", code: "VERTICAL", nameRu: "VERTICAL ru", nameEn: "VERTICAL en", descriptionRu: "", descriptionEn: "", children: [] }],
    });
    expect(buildTree([...rows].reverse())).toEqual(tree);
  });

  it("breaks position ties by code, and keeps a code with a missing parent as a root", () => {
    const tree = buildTree([row("b", null, 0, "B"), row("a", null, 0, "A"), row("orphan", "gone", 0, "C")]);
    expect(tree.map((n) => n.code)).toEqual(["A", "B", "C"]);
  });

  it("flattens in tree order with depth and path, and names a path in either language", () => {
    const flat = flattenTree(buildTree(rows));
    expect(flat.map((f) => [f.node.id, f.depth])).toEqual([
      ["forms", 0],
      ["vertical", 1],
      ["barriers", 0],
      ["bureaucracy", 1],
      ["law", 1],
      ["law-detail", 2],
    ]);
    const detail = flat.find((f) => f.node.id === "law-detail")!;
    expect(pathName(detail.path, "en")).toBe("BARRIERS en › LAW en › LAW-DETAIL en");
    expect(pathName(detail.path, "ru")).toBe("BARRIERS ru › LAW ru › LAW-DETAIL ru");
  });

  it("finds a code's descendants, itself included", () => {
    expect(descendantIds(rows, "barriers").sort()).toEqual(["barriers", "bureaucracy", "law", "law-detail"]);
    expect(descendantIds(rows, "law-detail")).toEqual(["law-detail"]);
    expect(descendantIds(rows, "unknown")).toEqual([]);
  });

  it("refuses a parent that is the code itself or below it, and allows any other", () => {
    expect(wouldCreateCycle(rows, "barriers", "barriers")).toBe(true);
    expect(wouldCreateCycle(rows, "barriers", "law")).toBe(true);
    expect(wouldCreateCycle(rows, "barriers", "law-detail")).toBe(true);
    expect(wouldCreateCycle(rows, "law", "forms")).toBe(false);
    expect(wouldCreateCycle(rows, "law-detail", "vertical")).toBe(false);
    expect(wouldCreateCycle(rows, "law", null)).toBe(false);
    // An existing cycle in the data (never expected) is not built upon.
    expect(wouldCreateCycle([row("x", "y", 0), row("y", "x", 0), row("z", null, 0)], "z", "x")).toBe(true);
  });
});
