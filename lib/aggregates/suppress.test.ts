import { describe, expect, it } from "vitest";
import { boxKey, figureKey } from "@/lib/aggregates/figures";
import { formatCell } from "@/lib/aggregates/format";
import { hiddenOf, protect, readCube, type TProtection } from "@/lib/aggregates/protect";
import type { TAggRow } from "@/lib/aggregates/query";
import { suppressCell, suppressTable } from "@/lib/aggregates/suppress";
import type { TNum, TTable } from "@/lib/aggregates/types";
import { ZQuestionnaire, type TItem } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

const t = (s: string) => confirmedText(`${s} ru`, `${s} en`);
const items = ZQuestionnaire.parse({
  kind: "questionnaire",
  title: t("Q"),
  sections: [
    {
      code: "S",
      title: t("S"),
      items: [
        { code: "ROLE", type: "single", text: t("Role"), options: ["A", "B", "C"].map((code) => ({ code, label: t(code) })) },
        { code: "PAIRS", type: "matrix", text: t("Pairs"), min: 1, max: 10, cannotAssess: true, pairsOf: ["RU", "BY"], rows: [{ code: "PAIRS_RU_BY", label: t("RU-BY") }] },
      ],
    },
  ],
}).sections[0]!.items as TItem[];

const row = (q: string, g: string, n: number, item: string | null = null, k: string | null = null): TAggRow => ({ q, item, k, g, n, mean: null, sd: null, med: null, x: 0 });

/** A cube of respondents (country, group, status, ROLE answer, PAIRS answer). */
function cube(people: Array<[string, string, "S" | "P", string, string]>): TAggRow[] {
  const rows: TAggRow[] = [];
  for (const [country, group, status, role, pairs] of people) {
    const g = `v1|${country}|${group}|${status}`;
    rows.push(row("c:pop", g, 1));
    if (role) rows.push(row("c:prof", g, 1, "ROLE", role));
    if (pairs) rows.push(row("c:prof", g, 1, "PAIRS", pairs));
  }
  return rows;
}

const panel: Array<[string, string, "S" | "P", string, string]> = [
  ["RU", "SCIENTIST", "S", "A", "PAIRS_RU_BY=R"],
  ["RU", "SCIENTIST", "S", "A", "PAIRS_RU_BY=R"],
  ["RU", "OFFICIAL", "S", "B", "PAIRS_RU_BY=R"],
  ["BY", "SCIENTIST", "S", "A", "PAIRS_RU_BY=R"],
  ["BY", "OFFICIAL", "S", "B", "PAIRS_RU_BY=R"],
  ["BY", "OFFICIAL", "S", "C", "PAIRS_RU_BY=N"],
  ["KZ", "SCIENTIST", "S", "A", "PAIRS_RU_BY=R"],
  ["KZ", "BUSINESS", "S", "B", "PAIRS_RU_BY=R"],
  ["KZ", "BUSINESS", "S", "B", "PAIRS_RU_BY=R"],
  ["AM", "NONPROFIT", "S", "A", "PAIRS_RU_BY=R"],
];
const ALL = boxKey({ submittedOnly: true });

/** The hidden figures, per item, in a fixed order. */
const perItem = (p: TProtection) => Object.fromEntries([...p.hidden].map(([item, keys]) => [item, [...keys].sort()]));

describe("secondary suppression over every view (protect.ts)", () => {
  it("a pair's single 'cannot assess' cannot be had as base − n: one of them goes too", () => {
    const p = protect(items, readCube(cube(panel)), 3);
    // Overall: 10 answered the matrix, 9 rated RU–BY, 1 could not assess it.
    const hidden = (feature: string) => hiddenOf(p, "PAIRS").has(figureKey(ALL, feature));
    expect(hidden("base") || hidden("r:PAIRS_RU_BY:n")).toBe(true);
    expect(p.withheld.size).toBe(0);
  });

  it("the same data in another order gives the same protection", () => {
    const rows = cube(panel);
    const a = protect(items, readCube(rows), 3);
    const b = protect(items, readCube([...rows].reverse()), 3);
    expect(perItem(b)).toEqual(perItem(a));
  });

  it("C (1 respondent) cannot be had from the total minus A and B, nor from Belarus minus its other options", () => {
    const p = protect(items, readCube(cube(panel)), 3);
    const shown = (box: string, feature: string, value: number) => value >= 3 && !hiddenOf(p, "ROLE").has(figureKey(box, feature));
    // Overall: A 5, B 4, C 1 of 10. Shown A and B with the total would give C.
    expect(shown(ALL, "o:A", 5) && shown(ALL, "o:B", 4)).toBe(false);
  });

  it("one item's protection hides none of another item's figures, though their keys share names such as 'base'", () => {
    const rows = cube(panel);
    const together = protect(items, readCube(rows), 3);
    // Each item is protected as it would be alone.
    for (const item of items) expect(perItem(together)[item.code] ?? []).toEqual(perItem(protect([item], readCube(rows), 3))[item.code] ?? []);
    // PAIRS hides the number who answered it in some box; ROLE's number in that box is shown.
    // The keys name a box and a feature, and features such as "base" or "v:3" are every item's:
    // a base PAIRS must hide leaves ROLE's base in the same box shown.
    const base = figureKey(ALL, "base");
    const protection: TProtection = { ...together, hidden: new Map([["PAIRS", new Set([base])]]) };
    const table = (id: string): TTable<TNum> => ({ id, kind: "options", labelKey: "option", columns: [{ key: "count" }], rows: [], bases: [{ key: "baseRespondents", cell: { v: 9, n: 9, f: "int", id: base } }] });
    expect(suppressTable(table("ROLE"), 3, protection, "ROLE").bases[0]!.cell).toEqual({ v: 9, f: "int" });
    expect(suppressTable(table("PAIRS"), 3, protection, "PAIRS").bases[0]!.cell).toEqual({ v: null, f: "int", suppressed: true, hidden: true });
  });

  it("a required rating whose few respondents in a cell all gave a value keeps its counts and loses only its means", () => {
    const rating = ZQuestionnaire.parse({
      kind: "questionnaire",
      title: t("Q"),
      sections: [{ code: "S", title: t("S"), items: [{ code: "RATE", type: "scale", text: t("Rate"), min: 1, max: 3, required: true }] }],
    }).sections[0]!.items as TItem[];
    // AM has one respondent: nothing can make "1 gave a value in AM" uncertain (the panel says so),
    // and AM's rating would be the whole panel's sum less the other countries'.
    const people: Array<[string, string]> = [["RU", "1"], ["RU", "2"], ["RU", "3"], ["BY", "2"], ["BY", "2"], ["BY", "3"], ["KZ", "3"], ["KZ", "3"], ["KZ", "1"], ["AM", "2"]];
    const rows = people.flatMap(([country, v]) => [row("c:pop", `v1|${country}|SCIENTIST|S`, 1), row("c:val", `v1|${country}|SCIENTIST|S`, 1, "RATE", v)]);
    const p = protect(rating, readCube(rows), 3);
    expect(p.withheld.has("RATE")).toBe(false);
    expect(p.meansWithheld.has("RATE")).toBe(true);
    const n = figureKey(ALL, "n");
    const stats: TTable<TNum> = {
      id: "RATE",
      kind: "stats",
      labelKey: "item",
      columns: [{ key: "n" }, { key: "mean" }],
      bases: [],
      rows: [{ code: "RATE", label: "RATE", cells: [{ v: 10, n: 10, f: "int", id: n }, { v: 2.2, n: 10, f: "dec", id: n }] }],
    };
    expect(suppressTable(stats, 3, p, "RATE").rows[0]!.cells).toEqual([{ v: 10, f: "int" }, { v: null, f: "dec", suppressed: true, hidden: true }]);
  });

  it("nothing is protected with k = 1", () => {
    const p = protect(items, readCube(cube(panel)), 1);
    expect(p.hidden.size).toBe(0);
  });
});

describe("labels", () => {
  it("a figure below k reads '< k', one hidden to protect another '–', with k = 1 a zero reads 0", () => {
    const protection = new Set(["x#o:A"]);
    expect(formatCell(suppressCell({ v: 2, n: 2, f: "int", id: "x#o:B" }, 3, protection), 3)).toBe("< 3");
    expect(formatCell(suppressCell({ v: 10, n: 10, f: "int", id: "x#o:A" }, 3, protection), 3)).toBe("–");
    // A percentage goes with its count and with its base.
    expect(formatCell(suppressCell({ v: 50, n: 5, f: "pct", id: "x#o:C", of: "x#o:A" }, 3, protection), 3)).toBe("–");
    expect(formatCell(suppressCell({ v: 0, n: 0, f: "int" }, 1), 1)).toBe("0");
    expect(formatCell(suppressCell({ v: 0, n: 0, f: "int" }, 3), 3)).toBe("< 3");
  });
});
