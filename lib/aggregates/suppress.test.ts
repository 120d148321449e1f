import { describe, expect, it } from "vitest";
import { suppressTable } from "@/lib/aggregates/suppress";
import type { TNum, TTable } from "@/lib/aggregates/types";

const int = (v: number): TNum => ({ v, n: v, f: "int" });
const pct = (c: number, base: number): TNum => ({ v: (100 * c) / base, n: c, f: "pct" });

function options(counts: number[]): TTable<TNum> {
  const base = counts.reduce((a, b) => a + b, 0);
  return {
    id: "Q",
    kind: "options",
    labelKey: "option",
    bases: [{ key: "baseRespondents", cell: int(base) }],
    columns: [{ key: "count" }, { key: "pctRespondents" }],
    rows: counts.map((c, i) => ({ code: `O${i}`, label: `O${i}`, cells: [int(c), pct(c, base)] })),
  };
}
const shown = (t: TTable<TNum>, k: number) => suppressTable(t, k).rows.map((r) => (r.cells[0]!.suppressed ? "<k" : r.cells[0]!.v));

describe("secondary suppression", () => {
  it("one small count hidden alone would be the base minus the others: the next smallest goes too", () => {
    expect(shown(options([10, 4, 1, 6]), 3)).toEqual([10, "<k", "<k", 6]);
  });

  it("nothing more is hidden when two counts are hidden already, none is small, or only a zero is", () => {
    expect(shown(options([10, 2, 1, 6]), 3)).toEqual([10, "<k", "<k", 6]);
    expect(shown(options([10, 4, 3]), 3)).toEqual([10, 4, 3]);
    expect(shown(options([10, 0, 6]), 3)).toEqual([10, "<k", 6]);
  });

  it("in a cross-tab, each column is protected on its own", () => {
    const t: TTable<TNum> = {
      id: "X",
      kind: "crosstab",
      labelKey: "option",
      bases: [{ key: "baseColumn", label: "RU", cell: int(9) }, { key: "baseColumn", label: "BY", cell: int(8) }],
      columns: [{ key: "count", label: "RU" }, { key: "pctColumn", label: "RU" }, { key: "count", label: "BY" }, { key: "pctColumn", label: "BY" }],
      rows: [
        { code: "A", label: "A", cells: [int(5), pct(5, 9), int(4), pct(4, 8)] },
        { code: "B", label: "B", cells: [int(3), pct(3, 9), int(4), pct(4, 8)] },
        { code: "C", label: "C", cells: [int(1), pct(1, 9), int(0), pct(0, 8)] },
      ],
    };
    const out = suppressTable(t, 3).rows.map((r) => r.cells.map((c) => (c.suppressed ? "<k" : c.v)));
    expect(out.map((r) => [r[0], r[2]])).toEqual([[5, 4], ["<k", 4], ["<k", "<k"]]);
  });

  it("in a cross-tab, a row with one small count is protected against the option's total in the summary", () => {
    // A multiple choice: the columns do not add up to their bases (respondents), the rows still add
    // up to the option's count, which the summary shows.
    const t: TTable<TNum> = {
      id: "X",
      kind: "crosstab",
      labelKey: "option",
      bases: [{ key: "baseColumn", label: "RU", cell: int(7) }, { key: "baseColumn", label: "BY", cell: int(6) }],
      columns: [{ key: "count", label: "RU" }, { key: "pctColumn", label: "RU" }, { key: "count", label: "BY" }, { key: "pctColumn", label: "BY" }],
      rows: [
        { code: "A", label: "A", cells: [int(6), pct(6, 7), int(2), pct(2, 6)] },
        { code: "B", label: "B", cells: [int(5), pct(5, 7), int(6), pct(6, 6)] },
      ],
    };
    const out = suppressTable(t, 3).rows.map((r) => r.cells.map((c) => (c.suppressed ? "<k" : c.v)));
    expect(out.map((r) => [r[0], r[2]])).toEqual([["<k", "<k"], [5, 6]]);
  });

  it("counts that do not add up to a shown base need no more", () => {
    const t = options([10, 4, 1]);
    expect(shown({ ...t, bases: [{ key: "baseRespondents", cell: int(12) }] }, 3)).toEqual([10, 4, "<k"]);
  });
});
