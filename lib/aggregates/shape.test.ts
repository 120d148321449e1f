import { describe, expect, it } from "vitest";
import { chartValue, formatCell } from "@/lib/aggregates/format";
import { combineVersions, histogram, medianOf, shapeSummary } from "@/lib/aggregates/shape";
import { suppressCell, suppressSummary } from "@/lib/aggregates/suppress";
import type { TAggRow } from "@/lib/aggregates/query";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

const t = (s: string) => confirmedText(`${s} ru`, `${s} en`);
const q = (roleText: string, options: string[]) =>
  ZQuestionnaire.parse({
    kind: "questionnaire",
    title: t("Q"),
    sections: [{ code: "S", title: t("S"), items: [{ code: "ROLE", type: "multi", text: t(roleText), options: options.map((code) => ({ code, label: t(code) })) }] }],
  });
const row = (r: Partial<TAggRow>): TAggRow => ({ q: "", item: "ROLE", k: null, g: null, n: 0, mean: null, sd: null, med: null, x: 0, ...r });

describe("shaping and suppression", () => {
  it("a median is the middle value, or the mean of the two middle values (as percentile_cont)", () => {
    expect(medianOf([[1, 1], [2, 1], [3, 1]])).toBe(2);
    expect(medianOf([[1, 2], [5, 2]])).toBe(3);
    expect(medianOf([[4, 0], [7, 3]])).toBe(7);
    expect(medianOf([])).toBeNull();
  });

  it("a number item's histogram has ten equal bins over the declared range, or over the values' range rounded outward", () => {
    const counts: Array<[number, number]> = [[0, 2], [5, 1], [9.99, 1], [10, 3], [7, 0]];
    expect(histogram(counts, { min: 0, max: 10 })).toEqual([
      { bin: 1, lo: 0, hi: 10, n: 2 },
      { bin: 6, lo: 0, hi: 10, n: 1 },
      { bin: 10, lo: 0, hi: 10, n: 4 },
    ]);
    expect(histogram(counts, { min: 0, max: 100 }).map((b) => [b.bin, b.n])).toEqual([[1, 4], [2, 3]]);
    // Undeclared bounds: 13 and 87 are not shown as edges; the range becomes 10–90.
    expect(histogram([[13, 1], [50, 4], [87, 1]])).toEqual([
      { bin: 1, lo: 10, hi: 90, n: 1 },
      { bin: 6, lo: 10, hi: 90, n: 4 },
      { bin: 10, lo: 10, hi: 90, n: 1 },
    ]);
    expect(histogram([[4, 2], [4, 1]])).toEqual([{ bin: 1, lo: 4, hi: 5, n: 3 }]);
    expect(histogram([])).toEqual([]);
  });

  it("versions combine by item code with a note for each kind of difference", () => {
    const items = combineVersions([
      { id: "b", q: q("Role now", ["A", "B", "C"]) },
      { id: "a", q: q("Role", ["A", "B"]) },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]!.notes).toEqual(["textChanged", "optionsChanged"]);
    expect(items[0]!.item.text.en).toBe("Role now en");
  });

  it("multiple choice has % of respondents and % of all answers, each with its base", () => {
    const items = combineVersions([{ id: "v", q: q("Role", ["A", "B"]) }]);
    const s = shapeSummary(items, [row({ q: "resp", item: null, n: 10 }), row({ q: "n", n: 8 }), row({ q: "opt", k: "A", n: 6 }), row({ q: "opt", k: "B", n: 4 })], "en", 3);
    const table = s.items[0]!.tables[0]!;
    expect(table.bases.map((b) => [b.key, b.cell.v])).toEqual([["baseRespondents", 8], ["baseAnswers", 10]]);
    expect(table.rows[0]!.cells.map((c) => c.v)).toEqual([6, 75, 60]);
    expect(table.rows[1]!.cells.map((c) => c.v)).toEqual([4, 50, 40]);
  });

  it("suppression: fewer than k respondents gives '< k' and drops the number; k or more shows it", () => {
    expect(suppressCell({ v: 2, n: 2, f: "int" }, 3)).toEqual({ v: null, f: "int", suppressed: true });
    expect(suppressCell({ v: 3, n: 3, f: "int" }, 3)).toEqual({ v: 3, f: "int" });
    expect(suppressCell({ v: 6.5, n: 3, f: "dec", withN: true }, 3)).toEqual({ v: 6.5, f: "dec", n: 3 });
    expect(formatCell({ v: null, f: "pct", suppressed: true }, 5)).toBe("< 5");
    expect(formatCell({ v: 45.283, f: "pct" }, 5)).toBe("45.28");
    expect(formatCell({ v: 8.5, f: "dec", n: 4 }, 3)).toBe("8.50 (n = 4)");
    expect(chartValue({ v: null, f: "pct", suppressed: true })).toBeNull();
    const items = combineVersions([{ id: "v", q: q("Role", ["A", "B"]) }]);
    const s = suppressSummary(shapeSummary(items, [row({ q: "resp", item: null, n: 4 }), row({ q: "n", n: 4 }), row({ q: "opt", k: "A", n: 2 }), row({ q: "opt", k: "B", n: 3 })], "en", 3), 3);
    const cells = s.items[0]!.tables[0]!.rows.map((r) => r.cells.map((c) => (c.suppressed ? "<" : c.v)));
    // A: 2 respondents, every figure built on them suppressed (secondary suppression needs the
    // protection of every view, protect.ts, which this shaping alone does not apply).
    expect(cells[0]).toEqual(["<", "<", "<"]);
    expect(JSON.stringify(s)).not.toMatch(/"v":2\b/);
    expect(formatCell({ v: null, f: "int", suppressed: true, hidden: true }, 3)).toBe("–");
  });
});
