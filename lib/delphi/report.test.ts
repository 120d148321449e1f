import { describe, expect, it } from "vitest";
import { roundReport, type TRespondent } from "@/lib/delphi/report";
import { DEFAULT_ROUND_RULES, ZRoundRules } from "@/lib/delphi/rules";
import { ZMatrixItem, ZSingleItem } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

const t = confirmedText("x", "x");
const pairs = ZMatrixItem.parse({ code: "P", type: "matrix", text: t, min: 1, max: 10, rows: [{ code: "P_A", label: t }] });
const kind = ZSingleItem.parse({ code: "K", type: "single", text: t, options: ["V", "H", "E"].map((code) => ({ code, label: t })) });

const person = (id: string, country: string, pa: number, k: string): TRespondent => ({ expertId: id, country, group: "SCI", answers: { P: { rows: { P_A: pa } }, K: { choice: k } } });

describe("the round report", () => {
  // Round 1: P_A = 3, 5, 7, 8, 9, 9 (median 7.5, Q1 5.5, Q3 8.75); K: V, H, E, V, H, V
  const round1 = [person("a", "RU", 3, "V"), person("b", "RU", 5, "H"), person("c", "RU", 7, "E"), person("d", "BY", 8, "V"), person("e", "BY", 9, "H"), person("f", "KZ", 9, "V")];
  // Round 2: a 3 → 6 (toward 7.5), b 5 → 7 (toward), c 7 → 7, d 8 → 8, e 9 → 10 (away), f 9 → 8 (toward)
  // sorted 6 7 7 8 8 10: Q1 at h = 1.25 → 7, median 7.5, Q3 at h = 3.75 → 8; IQR 1
  // K: a V, b V, c E, d V, e V, f V: 5 of 6 on V = 83.3 %; two changed their choice (b, e) of 6 = 33.3 %
  const round2 = [person("a", "RU", 6, "V"), person("b", "RU", 7, "V"), person("c", "RU", 7, "E"), person("d", "BY", 8, "V"), person("e", "BY", 10, "V"), person("f", "KZ", 8, "V")];
  const rules = ZRoundRules.parse({ ...DEFAULT_ROUND_RULES, stability: { kind: "changed", maxChangedShare: 50 } });
  const report = roundReport({ items: [pairs, kind], rules, current: round2, previous: round1, reasons: [{ itemCode: "P", text: "zeta" }, { itemCode: "P", text: "alpha" }], k: 2 });

  it("gives each pair its figures, consensus at IQR ≤ 1 met exactly, and movement against the previous median", () => {
    const row = report.find((r) => r.code === "P_A")!;
    expect(row.numeric).toMatchObject({ n: 6, median: 7.5, q1: 7, q3: 8, iqr: 1, mean: 46 / 6 });
    expect(row.consensus).toEqual({ reached: true, figure: 1 });
    expect(row.previousMedian).toBe(7.5);
    expect(row.movement).toEqual({ toward: 3, away: 1, unchanged: 2, same: 0 });
    // 4 of 6 changed their rating: 66.7 % > 50 %
    expect(row.stability).toMatchObject({ stable: false, iqrChange: 2.25 });
    expect(row.stability!.changedShare).toBeCloseTo(200 / 3, 10);
    expect(row.reasons).toEqual(["alpha", "zeta"]);
  });

  it("judges a choice by its most chosen option and counts changed choices", () => {
    const row = report.find((r) => r.code === "K")!;
    expect(row.consensus.reached).toBe(true); // 83.3 % ≥ 70 %
    expect(row.consensus.figure).toBeCloseTo(500 / 6, 10);
    expect(row.stability).toMatchObject({ stable: true });
    expect(row.stability!.changedShare).toBeCloseTo(100 / 3, 10);
    expect(row.movement).toBeNull();
  });

  it("shows cells of at least k experts only", () => {
    const row = report.find((r) => r.code === "P_A")!;
    expect(row.cells).toEqual([
      { country: "BY", group: "SCI", n: 2, median: 9, iqr: 1, topShare: null },
      { country: "KZ", group: "SCI", n: null, median: null, iqr: null, topShare: null },
      { country: "RU", group: "SCI", n: 3, median: 7, iqr: 0.5, topShare: null },
    ]);
  });

  it("has no stability or movement in a first round", () => {
    const first = roundReport({ items: [pairs], rules, current: round1, previous: null, reasons: [], k: 1 });
    expect(first[0]).toMatchObject({ stability: null, movement: null, previousMedian: null });
    expect(first[0]!.consensus.reached).toBe(false); // IQR 3.25
  });
});
