/**
 * The statistics of a Delphi round, pure and shared by the round report, the expert's group feedback
 * and the benchmark.
 *
 * Quantiles are R's type 7 (Hyndman & Fan 1996; the default of R's `quantile()`, of NumPy and of
 * most papers): for sorted x₁…xₙ and probability p, h = (n − 1)·p, and
 * Q(p) = x⌊h⌋₊₁ + (h − ⌊h⌋)·(x⌊h⌋₊₂ − x⌊h⌋₊₁). The median is Q(0.5), the IQR is Q(0.75) − Q(0.25).
 *
 * Kendall's W is corrected for ties: W = 12·S / (m²(n³ − n) − m·Σ(t³ − t)), where S is the sum of
 * squared deviations of the objects' rank sums from their mean, m the raters, n the objects and t
 * the size of each group of tied ranks within one rater's ranking (Kendall & Babington Smith 1939;
 * Siegel 1956, p. 234).
 */

import type { TChoiceConsensus, TRankingConsensus, TScaleConsensus, TStabilityRule } from "@/lib/delphi/rules";

/** R's type 7 quantile of values sorted ascending; NaN for no values. */
export function quantile7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export type TNumericSummary = {
  n: number;
  mean: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  /** How many gave each value, ascending by value. */
  counts: Array<{ value: number; n: number }>;
};

/** n, mean, median, quartiles, IQR and distribution of numeric answers; null when there are none. */
export function summariseNumbers(values: readonly number[]): TNumericSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile7(sorted, 0.25);
  const q3 = quantile7(sorted, 0.75);
  const counts: TNumericSummary["counts"] = [];
  for (const value of sorted) {
    const last = counts[counts.length - 1];
    if (last && last.value === value) last.n += 1;
    else counts.push({ value, n: 1 });
  }
  return {
    n: sorted.length,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    median: quantile7(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    counts,
  };
}

/**
 * Percentage of numeric answers in the top or bottom `categories` points of a min…max scale (e.g.
 * the top two of 1–10 are 9 and 10).
 */
export function shareInEnd(values: readonly number[], min: number, max: number, categories: number, side: "top" | "bottom"): number {
  if (values.length === 0) return 0;
  const inEnd = values.filter((v) => (side === "top" ? v > max - categories : v < min + categories)).length;
  return (100 * inEnd) / values.length;
}

export type TChoiceShares = {
  /** Respondents who chose at least one option. */
  base: number;
  /** Per option: how many chose it and their percentage of the base (respondents). */
  options: Array<{ code: string; n: number; percent: number }>;
};

/** % of respondents per option of a single or multiple choice (each answer is its chosen codes). */
export function choiceShares(answers: ReadonlyArray<readonly string[]>, optionCodes: readonly string[]): TChoiceShares {
  const chosen = answers.filter((a) => a.length > 0);
  const base = chosen.length;
  return {
    base,
    options: optionCodes.map((code) => {
      const n = chosen.filter((a) => a.includes(code)).length;
      return { code, n, percent: base === 0 ? 0 : (100 * n) / base };
    }),
  };
}

/** Average ranks (1-based) of the values, ties sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) ranks[order[i]![1]] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * One rater's ranks of every option from a ranking answer (its top-k order): ranked options get
 * 1…k, the unranked ones share the mean of the remaining ranks (a tie).
 */
export function ranksFromOrder(order: readonly string[], optionCodes: readonly string[]): number[] {
  const ranked = order.filter((code) => optionCodes.includes(code));
  const rest = optionCodes.length - ranked.length;
  const tied = rest > 0 ? ranked.length + (rest + 1) / 2 : 0;
  return optionCodes.map((code) => {
    const at = ranked.indexOf(code);
    return at >= 0 ? at + 1 : tied;
  });
}

export type TKendall = { w: number; uncorrected: number; raters: number; objects: number };

/**
 * Kendall's W of m raters' ranks of the same n objects (each row one rater's ranks, ties as average
 * ranks), corrected for ties. Null with fewer than two raters or two objects, or when every rater
 * ties every object (nothing to agree on).
 */
export function kendallW(ranks: ReadonlyArray<readonly number[]>): TKendall | null {
  const m = ranks.length;
  const n = ranks[0]?.length ?? 0;
  if (m < 2 || n < 2 || ranks.some((r) => r.length !== n)) return null;
  const sums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const row of ranks) {
    row.forEach((r, j) => (sums[j]! += r));
    const groups = new Map<number, number>();
    for (const r of row) groups.set(r, (groups.get(r) ?? 0) + 1);
    for (const t of groups.values()) ties += t ** 3 - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, r) => acc + (r - meanSum) ** 2, 0);
  const full = m * m * (n ** 3 - n);
  const denominator = full - m * ties;
  if (denominator <= 0) return null;
  return { w: (12 * s) / denominator, uncorrected: (12 * s) / full, raters: m, objects: n };
}

export type TMovement = { toward: number; away: number; unchanged: number; same: number };

/**
 * How experts moved relative to the previous round's median: toward it (closer than before), away
 * from it (farther), unchanged (the same answer), or same distance with another answer.
 */
export function movement(pairs: ReadonlyArray<{ before: number; after: number }>, previousMedian: number): TMovement {
  const result: TMovement = { toward: 0, away: 0, unchanged: 0, same: 0 };
  for (const { before, after } of pairs) {
    if (before === after) result.unchanged += 1;
    else {
      const d = Math.abs(after - previousMedian) - Math.abs(before - previousMedian);
      if (d < 0) result.toward += 1;
      else if (d > 0) result.away += 1;
      else result.same += 1;
    }
  }
  return result;
}

/** Percentage of the experts who answered both rounds whose answer changed. */
export function changedShare(pairs: ReadonlyArray<{ changed: boolean }>): number | null {
  if (pairs.length === 0) return null;
  return (100 * pairs.filter((p) => p.changed).length) / pairs.length;
}

/** Sums of a few decimals are not exact (0.1 + 0.2): a rule met exactly at its threshold is met. */
const EPSILON = 1e-9;
const atMost = (value: number, limit: number) => value <= limit + EPSILON;
const atLeast = (value: number, limit: number) => value >= limit - EPSILON;

export type TScaleConsensusResult = { reached: boolean | null; iqr: number | null; endShare: number | null; side: "top" | "bottom" | null };

/** A scale rule over numeric answers (null: no answers to judge). */
export function scaleConsensus(rule: TScaleConsensus, values: readonly number[], min: number, max: number): TScaleConsensusResult {
  const summary = summariseNumbers(values);
  if (!summary) return { reached: null, iqr: null, endShare: null, side: null };
  const top = shareInEnd(values, min, max, rule.categories, "top");
  const bottom = shareInEnd(values, min, max, rule.categories, "bottom");
  const side = rule.side === "either" ? (top >= bottom ? "top" : "bottom") : rule.side;
  const endShare = side === "top" ? top : bottom;
  const checks: boolean[] = [];
  if (rule.maxIqr !== undefined) checks.push(atMost(summary.iqr, rule.maxIqr));
  if (rule.minShare !== undefined) checks.push(atLeast(endShare, rule.minShare));
  const reached = rule.combine === "or" ? checks.some(Boolean) : checks.every(Boolean);
  return { reached, iqr: summary.iqr, endShare, side };
}

export type TChoiceConsensusResult = { reached: boolean | null; topShare: number | null; topCode: string | null };

/** A choice rule: the most chosen option's % of respondents against the threshold. */
export function choiceConsensus(rule: TChoiceConsensus, shares: TChoiceShares): TChoiceConsensusResult {
  if (shares.base === 0) return { reached: null, topShare: null, topCode: null };
  const top = shares.options.reduce((best, o) => (o.percent > best.percent ? o : best), shares.options[0]!);
  return { reached: atLeast(top.percent, rule.minShare), topShare: top.percent, topCode: top.code };
}

/** A ranking rule: Kendall's W (corrected for ties) against the threshold. */
export function rankingConsensus(rule: TRankingConsensus, kendall: TKendall | null): { reached: boolean | null; w: number | null } {
  if (!kendall) return { reached: null, w: null };
  return { reached: atLeast(kendall.w, rule.minW), w: kendall.w };
}

export type TStabilityResult = { stable: boolean | null; changedShare: number | null; iqrChange: number | null };

/**
 * Stability between two rounds: the share of experts (who answered both) who changed their answer,
 * or the absolute change of the IQR (for scales; null for other items).
 */
export function stability(rule: TStabilityRule, changed: number | null, iqrBefore: number | null, iqrAfter: number | null): TStabilityResult {
  const iqrChange = iqrBefore === null || iqrAfter === null ? null : Math.abs(iqrAfter - iqrBefore);
  if (rule.kind === "changed") return { stable: changed === null ? null : atMost(changed, rule.maxChangedShare), changedShare: changed, iqrChange };
  return { stable: iqrChange === null ? null : atMost(iqrChange, rule.maxIqrChange), changedShare: changed, iqrChange };
}
