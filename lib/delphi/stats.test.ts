import { describe, expect, it } from "vitest";
import { DEFAULT_ROUND_RULES, ZRoundRules, rulesFor } from "@/lib/delphi/rules";
import {
  averageRanks,
  changedShare,
  choiceConsensus,
  choiceShares,
  kendallW,
  movement,
  quantile7,
  rankingConsensus,
  ranksFromOrder,
  scaleConsensus,
  stability,
  summariseNumbers,
} from "@/lib/delphi/stats";
import { ZScaleItem, ZMatrixItem, ZTextItem } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

/**
 * Type 7 by its definition: the sample quantile function is the straight line through the points
 * ((k − 1)/(n − 1), x₍ₖ₎); find the segment that holds p and read the line there.
 */
function quantileByDefinition(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  if (x.length === 1) return x[0]!;
  const at = (k: number) => k / (x.length - 1);
  for (let k = 0; k < x.length - 1; k += 1) {
    if (p >= at(k) && p <= at(k + 1)) return x[k]! + ((p - at(k)) / (at(k + 1) - at(k))) * (x[k + 1]! - x[k]!);
  }
  throw new Error("p out of range");
}

/** Average rank by counting: below it, plus the middle of its tie. */
const rankByCounting = (values: number[], v: number) => values.filter((u) => u < v).length + (values.filter((u) => u === v).length + 1) / 2;

/**
 * W through Friedman's statistic with ties: Σⱼ(Rⱼ − R̄)² / (m · Σᵢⱼ(rᵢⱼ − (n+1)/2)²), i.e. the rank
 * sums' spread over the spread of the ranks themselves — no tie-correction term at all.
 */
function kendallByVariance(ranks: number[][]): number {
  const m = ranks.length;
  const n = ranks[0]!.length;
  const sums = ranks[0]!.map((_, j) => ranks.reduce((s, row) => s + row[j]!, 0));
  const mean = sums.reduce((a, b) => a + b, 0) / n;
  const between = sums.reduce((s, r) => s + (r - mean) ** 2, 0);
  const within = ranks.flat().reduce((s, r) => s + (r - (n + 1) / 2) ** 2, 0);
  return between / (m * within);
}

/** A small deterministic generator, so that the "random" cases are the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("quantiles (R's type 7)", () => {
  it("matches values worked out by hand, with ties, even n and n = 1", () => {
    // R: quantile(1:4) → 1.75, 2.5, 3.25
    expect(summariseNumbers([4, 2, 1, 3])).toMatchObject({ n: 4, q1: 1.75, median: 2.5, q3: 3.25, iqr: 1.5, mean: 2.5 });
    // n = 8 with a tie: h = 1.75 → 3 + 0.75·(3 − 3) = 3; h = 3.5 → (6 + 7)/2; h = 5.25 → 8 + 0.25·(9 − 8)
    expect(summariseNumbers([10, 3, 1, 6, 3, 7, 8, 9])).toMatchObject({ q1: 3, median: 6.5, q3: 8.25, iqr: 5.25, mean: 47 / 8 });
    // n = 7, odd, many ties: h = 1.5 → 7.5; h = 3 → 9; h = 4.5 → 9
    expect(summariseNumbers([9, 7, 9, 8, 10, 9, 7])).toMatchObject({ q1: 7.5, median: 9, q3: 9, iqr: 1.5 });
    expect(summariseNumbers([5])).toMatchObject({ n: 1, q1: 5, median: 5, q3: 5, iqr: 0, mean: 5, counts: [{ value: 5, n: 1 }] });
    expect(summariseNumbers([])).toBeNull();
  });

  it("agrees with the definition on many samples", () => {
    const next = lcg(7);
    for (let run = 0; run < 200; run += 1) {
      const n = 1 + Math.floor(next() * 30);
      const values = Array.from({ length: n }, () => 1 + Math.floor(next() * 10));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) expect(quantile7(sorted, p)).toBeCloseTo(quantileByDefinition(values, p), 12);
    }
  });

  it("counts the distribution per value", () => {
    expect(summariseNumbers([3, 1, 3, 2, 3])!.counts).toEqual([
      { value: 1, n: 1 },
      { value: 2, n: 1 },
      { value: 3, n: 3 },
    ]);
  });
});

describe("ranks and Kendall's W", () => {
  it("gives tied values the mean of their ranks", () => {
    const next = lcg(3);
    for (let run = 0; run < 100; run += 1) {
      const values = Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.floor(next() * 5));
      expect(averageRanks(values)).toEqual(values.map((v) => rankByCounting(values, v)));
    }
  });

  it("ranks a top-k order, the unranked options tied at the mean of the remaining ranks", () => {
    expect(ranksFromOrder(["C", "A"], ["A", "B", "C", "D", "E"])).toEqual([2, 4, 1, 4, 4]);
    expect(ranksFromOrder(["B", "A", "C"], ["A", "B", "C"])).toEqual([2, 1, 3]);
  });

  it("reproduces the published example with ties (Siegel 1956, p. 234; NAG g08daf): W = 0.8277, 0.796 uncorrected", () => {
    const siegel = [
      [1, 4.5, 2, 4.5, 3, 7.5, 6, 9, 7.5, 10],
      [2.5, 1, 2.5, 4.5, 4.5, 8, 9, 6.5, 10, 6.5],
      [2, 1, 4.5, 4.5, 4.5, 4.5, 8, 8, 8, 10],
    ];
    const result = kendallW(siegel)!;
    expect(result.w).toBeCloseTo(0.8277, 4);
    expect(result.uncorrected).toBeCloseTo(0.796, 3);
  });

  it("reproduces a worked example without ties (4 judges, 3 competitors: W = 1/16)", () => {
    expect(kendallW([[1, 3, 2], [1, 2, 3], [2, 3, 1], [3, 1, 2]])!.w).toBeCloseTo(1 / 16, 12);
  });

  it("agrees with Friedman's variance form on rankings with ties", () => {
    const next = lcg(11);
    for (let run = 0; run < 100; run += 1) {
      const n = 2 + Math.floor(next() * 6);
      const m = 2 + Math.floor(next() * 8);
      const ranks = Array.from({ length: m }, () => averageRanks(Array.from({ length: n }, () => Math.floor(next() * 4))));
      const w = kendallW(ranks);
      if (w === null) continue; // every rater tied everything: nothing to agree on
      expect(w.w).toBeCloseTo(kendallByVariance(ranks), 10);
    }
  });

  it("is 1 for identical rankings and undefined for one rater or all ties", () => {
    expect(kendallW([[1, 2, 3], [1, 2, 3], [1, 2, 3]])!.w).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[2, 2, 2], [2, 2, 2]])).toBeNull();
  });
});

describe("consensus rules", () => {
  const scale = (over: object) => ZRoundRules.shape.scale.parse({ kind: "scale", ...over });

  it("a scale rule on IQR is met exactly at its threshold and not just above it", () => {
    // [6, 7, 7, 8, 9]: Q1 = 7 (h = 1), Q3 = 8 (h = 3), IQR = 1
    expect(scaleConsensus(scale({ maxIqr: 1 }), [6, 7, 7, 8, 9], 1, 10)).toMatchObject({ reached: true, iqr: 1 });
    // [6, 7, 7, 8.5, 9]: IQR = 1.5
    expect(scaleConsensus(scale({ maxIqr: 1 }), [6, 7, 7, 8.5, 9], 1, 10)).toMatchObject({ reached: false, iqr: 1.5 });
    // decimals that do not subtract exactly in binary: 1.1 − 0.8 = 0.30000000000000004, still "≤ 0.3"
    expect(1.1 - 0.8).toBeGreaterThan(0.3);
    expect(scaleConsensus(scale({ maxIqr: 0.3 }), [0.8, 0.8, 0.9, 1.1, 1.1], 0, 2).reached).toBe(true);
  });

  it("a scale rule on the share in the top categories counts the top k points", () => {
    // 7 of 10 answers are 9 or 10 (the top 2 of 1–10): 70 %, met at 70 and not at 71
    const values = [9, 10, 9, 10, 10, 9, 9, 3, 5, 8];
    expect(scaleConsensus(scale({ minShare: 70, side: "top" }), values, 1, 10)).toMatchObject({ reached: true, endShare: 70, side: "top" });
    expect(scaleConsensus(scale({ minShare: 71, side: "top" }), values, 1, 10).reached).toBe(false);
    expect(scaleConsensus(scale({ minShare: 10, side: "bottom", categories: 3 }), values, 1, 10)).toMatchObject({ reached: true, endShare: 10 });
    // both conditions: IQR here is Q3 − Q1 = 10 − 8.25 = 1.75
    expect(scaleConsensus(scale({ maxIqr: 1, minShare: 70, combine: "and" }), values, 1, 10).reached).toBe(false);
    expect(scaleConsensus(scale({ maxIqr: 1, minShare: 70, combine: "or" }), values, 1, 10).reached).toBe(true);
    expect(scaleConsensus(scale({ maxIqr: 1 }), [], 1, 10).reached).toBeNull();
  });

  it("a choice rule takes the most chosen option's % of respondents", () => {
    const answers = [["A"], ["A", "B"], ["B"], ["A"], [], ["C"], ["A"]];
    const shares = choiceShares(answers, ["A", "B", "C"]);
    // 6 respondents chose something; A by 4 of them
    expect(shares.base).toBe(6);
    expect(shares.options.map((o) => o.n)).toEqual([4, 2, 1]);
    expect(choiceConsensus({ kind: "choice", minShare: (100 * 4) / 6 }, shares)).toMatchObject({ reached: true, topCode: "A" });
    expect(choiceConsensus({ kind: "choice", minShare: 67 }, shares).reached).toBe(false);
    expect(choiceConsensus({ kind: "choice", minShare: 50 }, choiceShares([], ["A"])).reached).toBeNull();
  });

  it("a ranking rule compares W with its threshold, met exactly at it", () => {
    const w = kendallW([[1, 3, 2], [1, 2, 3], [2, 3, 1], [3, 1, 2]]);
    expect(rankingConsensus({ kind: "ranking", minW: 1 / 16 }, w).reached).toBe(true);
    expect(rankingConsensus({ kind: "ranking", minW: 0.07 }, w).reached).toBe(false);
  });
});

describe("stability and movement between rounds", () => {
  it("counts the share who changed, met exactly at 15 %", () => {
    const pairs = Array.from({ length: 20 }, (_, i) => ({ changed: i < 3 }));
    expect(changedShare(pairs)).toBe(15);
    expect(stability({ kind: "changed", maxChangedShare: 15 }, changedShare(pairs), null, null)).toMatchObject({ stable: true, changedShare: 15 });
    expect(stability({ kind: "changed", maxChangedShare: 14.9 }, 15, null, null).stable).toBe(false);
    expect(changedShare([])).toBeNull();
  });

  it("compares the IQR of two rounds", () => {
    expect(stability({ kind: "iqr", maxIqrChange: 0.5 }, null, 2, 1.5)).toMatchObject({ stable: true, iqrChange: 0.5 });
    expect(stability({ kind: "iqr", maxIqrChange: 0.5 }, null, 2, 1.25).stable).toBe(false);
    expect(stability({ kind: "iqr", maxIqrChange: 0.5 }, 10, null, 1).stable).toBeNull();
  });

  it("tells toward from away from the previous median", () => {
    const pairs = [
      { before: 3, after: 5 }, // 4 → 2 from 7: toward
      { before: 9, after: 10 }, // 2 → 3: away
      { before: 8, after: 8 }, // unchanged
      { before: 6, after: 8 }, // 1 → 1: same distance, other side
      { before: 10, after: 7 }, // 3 → 0: toward
    ];
    expect(movement(pairs, 7)).toEqual({ toward: 2, away: 1, unchanged: 1, same: 1 });
  });
});

describe("round rules", () => {
  const t = confirmedText("x", "x");
  const pairs = ZMatrixItem.parse({ code: "PAIRS", type: "matrix", text: t, min: 1, max: 10, rows: [{ code: "P_RU_BY", label: t }] });
  const rating = ZScaleItem.parse({ code: "Q1", type: "scale", text: t, min: 1, max: 10 });

  it("uses the instrument's default, an item's override and a matrix row's override", () => {
    const rules = ZRoundRules.parse({
      ...DEFAULT_ROUND_RULES,
      items: { PAIRS: { consensus: { kind: "scale", maxIqr: 2 } }, P_RU_BY: { stability: { kind: "iqr", maxIqrChange: 1 } } },
    });
    expect(rulesFor(rules, rating).consensus).toEqual(DEFAULT_ROUND_RULES.scale);
    expect(rulesFor(rules, pairs).consensus).toMatchObject({ maxIqr: 2 });
    expect(rulesFor(rules, pairs, "P_RU_BY").stability).toEqual({ kind: "iqr", maxIqrChange: 1 });
    expect(rulesFor(rules, ZTextItem.parse({ code: "T", type: "text", text: t })).consensus).toBeNull();
  });

  it("refuses a scale rule with no condition and a share over 100 %", () => {
    expect(ZRoundRules.safeParse({ ...DEFAULT_ROUND_RULES, scale: { kind: "scale" } }).success).toBe(false);
    expect(ZRoundRules.safeParse({ ...DEFAULT_ROUND_RULES, choice: { kind: "choice", minShare: 101 } }).success).toBe(false);
  });
});
