import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";
import { suppressCell } from "@/lib/aggregates/suppress";
import { averageRanks, choiceShares, ranksFromOrder, summariseNumbers } from "@/lib/delphi/stats";

/**
 * The group's answer to one item in the previous round, as an expert sees it beside their own:
 * scales and pair ratings as median, IQR and a small histogram; choices as % of respondents per
 * option with the base stated; rankings as each option's mean rank. Nothing identifies anyone: an
 * item answered by fewer than k experts shows nothing, and a histogram bar or option count below
 * k shows "< k" (lib/aggregates/suppress.ts decides, as on the dashboard).
 */

export type TNumericFeedback = {
  n: number;
  median: number;
  q1: number;
  q3: number;
  /** Per scale point from min to max; `n` null where fewer than k gave it. */
  bars: Array<{ value: number; n: number | null }>;
};

export type TItemFeedback =
  | { kind: "numeric"; rows: Array<{ code: string | null; stats: TNumericFeedback | null }> }
  | { kind: "choice"; base: number; options: Array<{ code: string; percent: number | null }> }
  | { kind: "ranking"; n: number; options: Array<{ code: string; meanRank: number }> };

/** What this function can describe: items that have a group answer worth showing. */
export const hasFeedback = (item: TItem) => ["scale", "matrix", "single", "multi", "ranking"].includes(item.type);

/** A count of fewer than k experts is withheld (with k = 1 nothing is); a zero tells nothing about anyone. */
const belowK = (n: number, k: number) => n > 0 && suppressCell({ v: n, n, f: "int" }, k).suppressed === true;

function numeric(values: number[], min: number, max: number, k: number): TNumericFeedback | null {
  const summary = summariseNumbers(values);
  if (!summary || belowK(summary.n, k)) return null;
  const bars: TNumericFeedback["bars"] = [];
  for (let value = min; value <= max; value += 1) {
    const n = summary.counts.find((c) => c.value === value)?.n ?? 0;
    bars.push({ value, n: belowK(n, k) ? null : n });
  }
  return { n: summary.n, median: summary.median, q1: summary.q1, q3: summary.q3, bars };
}

/** The group feedback of one item from the previous round's answers (null: nothing may be shown). */
export function itemFeedback(item: TItem, answers: ReadonlyArray<TAnswerValue>, k: number): TItemFeedback | null {
  switch (item.type) {
    case "scale": {
      const values = answers.flatMap((a) => ("value" in a && typeof a.value === "number" ? [a.value] : []));
      const stats = numeric(values, item.min, item.max, k);
      return stats ? { kind: "numeric", rows: [{ code: null, stats }] } : null;
    }
    case "matrix": {
      const rows = item.rows.map((row) => {
        const values = answers.flatMap((a) => {
          const v = "rows" in a ? a.rows[row.code] : undefined;
          return typeof v === "number" ? [v] : [];
        });
        return { code: row.code, stats: numeric(values, item.min, item.max, k) };
      });
      return rows.some((r) => r.stats) ? { kind: "numeric", rows } : null;
    }
    case "single":
    case "multi": {
      const chosen = answers.map((a) => ("choice" in a ? [a.choice] : "choices" in a ? a.choices : []));
      const shares = choiceShares(chosen, item.options.map((o) => o.code));
      if (shares.base === 0 || belowK(shares.base, k)) return null;
      return {
        kind: "choice",
        base: shares.base,
        options: shares.options.map((o) => ({ code: o.code, percent: belowK(o.n, k) ? null : o.percent })),
      };
    }
    case "ranking": {
      const codes = item.options.map((o) => o.code);
      const ranks = answers.flatMap((a) => ("order" in a && a.order.length > 0 ? [ranksFromOrder(a.order, codes)] : []));
      if (ranks.length === 0 || belowK(ranks.length, k)) return null;
      const mean = codes.map((_, j) => ranks.reduce((s, r) => s + r[j]!, 0) / ranks.length);
      const order = averageRanks(mean);
      return { kind: "ranking", n: ranks.length, options: codes.map((code, j) => ({ code, meanRank: mean[j]! })).sort((a, b) => order[codes.indexOf(a.code)]! - order[codes.indexOf(b.code)]!) };
    }
    default:
      return null;
  }
}
