import { describe, expect, it } from "vitest";
import { protectTotal, suppressTable } from "@/lib/aggregates/suppress";
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
const shown = (t: TTable<TNum>, k: number) => suppressTable(protectTotal(t, k), k).rows.map((r) => (r.cells[0]!.suppressed ? "<k" : r.cells[0]!.v));

describe("secondary suppression", () => {
  it("one small count hidden alone would be the base minus the others: the next smallest goes too", () => {
    expect(shown(options([10, 4, 1, 6]), 3)).toEqual([10, "<k", "<k", 6]);
  });

  it("nothing more is hidden when two counts are hidden already, none is small, or only a zero is", () => {
    expect(shown(options([10, 2, 1, 6]), 3)).toEqual([10, "<k", "<k", 6]);
    expect(shown(options([10, 4, 3]), 3)).toEqual([10, 4, 3]);
    expect(shown(options([10, 0, 6]), 3)).toEqual([10, "<k", 6]);
  });

  it("counts that do not add up to a shown base need no more", () => {
    const t = options([10, 4, 1]);
    expect(shown({ ...t, bases: [{ key: "baseRespondents", cell: int(12) }] }, 3)).toEqual([10, 4, "<k"]);
  });
});
