import { describe, expect, it } from "vitest";
import { boxKey, figureKey } from "@/lib/aggregates/figures";
import { formatCell } from "@/lib/aggregates/format";
import { protect, readCube } from "@/lib/aggregates/protect";
import type { TAggRow } from "@/lib/aggregates/query";
import { suppressCell } from "@/lib/aggregates/suppress";
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

describe("secondary suppression over every view (protect.ts)", () => {
  it("a pair's single 'cannot assess' cannot be had as base − n: one of them goes too", () => {
    const p = protect(items, readCube(cube(panel)), 3);
    // Overall: 10 answered the matrix, 9 rated RU–BY, 1 could not assess it.
    const hidden = (feature: string) => p.hidden.has(figureKey(ALL, feature));
    expect(hidden("base") || hidden("r:PAIRS_RU_BY:n")).toBe(true);
    expect(p.withheld.size).toBe(0);
  });

  it("the same data in another order gives the same protection", () => {
    const rows = cube(panel);
    const a = protect(items, readCube(rows), 3);
    const b = protect(items, readCube([...rows].reverse()), 3);
    expect([...b.hidden].sort()).toEqual([...a.hidden].sort());
  });

  it("C (1 respondent) cannot be had from the total minus A and B, nor from Belarus minus its other options", () => {
    const p = protect(items, readCube(cube(panel)), 3);
    const shown = (box: string, feature: string, value: number) => value >= 3 && !p.hidden.has(figureKey(box, feature));
    // Overall: A 5, B 4, C 1 of 10. Shown A and B with the total would give C.
    expect(shown(ALL, "o:A", 5) && shown(ALL, "o:B", 4)).toBe(false);
  });

  it("nothing is protected with k = 1", () => {
    const p = protect(items, readCube(cube(panel)), 1);
    expect(p.hidden.size).toBe(0);
  });
});

describe("labels", () => {
  it("a figure below k reads '< k', one hidden to protect another '–', with k = 1 a zero reads 0", () => {
    const protection = { k: 3, hidden: new Set(["x#o:A"]), withheld: new Set<string>(), ranges: new Map() };
    expect(formatCell(suppressCell({ v: 2, n: 2, f: "int", id: "x#o:B" }, 3, protection), 3)).toBe("< 3");
    expect(formatCell(suppressCell({ v: 10, n: 10, f: "int", id: "x#o:A" }, 3, protection), 3)).toBe("–");
    // A percentage goes with its count and with its base.
    expect(formatCell(suppressCell({ v: 50, n: 5, f: "pct", id: "x#o:C", of: "x#o:A" }, 3, protection), 3)).toBe("–");
    expect(formatCell(suppressCell({ v: 0, n: 0, f: "int" }, 1), 1)).toBe("0");
    expect(formatCell(suppressCell({ v: 0, n: 0, f: "int" }, 3), 3)).toBe("< 3");
  });
});
