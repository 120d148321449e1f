import { suppressCell } from "@/lib/aggregates/suppress";
import { rulesFor, type TRoundRules } from "@/lib/delphi/rules";
import {
  changedShare,
  choiceConsensus,
  choiceShares,
  kendallW,
  movement,
  rankingConsensus,
  ranksFromOrder,
  scaleConsensus,
  stability,
  summariseNumbers,
  type TChoiceShares,
  type TMovement,
  type TNumericSummary,
  type TStabilityResult,
} from "@/lib/delphi/stats";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";

/**
 * The round report, pure: per item (and per pair of a pair rating) n, median, IQR, mean, the
 * distribution, whether the declared consensus and stability rules are met, how experts moved
 * relative to the previous round's median, the same by country × group cell (cells below k show
 * nothing), and the reasons given for changed answers, in an order that tells nothing about who.
 */

export type TRespondent = { expertId: string; country: string; group: string; answers: Record<string, TAnswerValue | undefined> };

export type TCellFigures = { country: string; group: string; n: number | null; median: number | null; iqr: number | null; topShare: number | null };

export type TReportRow = {
  /** The item's code, or a pair's row code. */
  code: string;
  itemCode: string;
  kind: "scale" | "choice" | "ranking";
  n: number;
  numeric: TNumericSummary | null;
  choice: TChoiceShares | null;
  w: number | null;
  consensus: { reached: boolean | null; figure: number | null };
  stability: TStabilityResult | null;
  movement: TMovement | null;
  previousMedian: number | null;
  cells: TCellFigures[];
  reasons: string[];
};

type TExtract = (a: TAnswerValue | undefined) => number | string[] | null;

const numberOf = (a: TAnswerValue | undefined): number | null => (a && "value" in a && typeof a.value === "number" ? a.value : null);
const rowOf = (code: string) => (a: TAnswerValue | undefined): number | null => {
  const v = a && "rows" in a ? a.rows[code] : undefined;
  return typeof v === "number" ? v : null;
};
const choicesOf = (a: TAnswerValue | undefined): string[] | null => (a && "choice" in a ? [a.choice] : a && "choices" in a ? a.choices : null);
const orderOf = (a: TAnswerValue | undefined): string[] | null => (a && "order" in a && a.order.length > 0 ? a.order : null);

const same = (x: number | string[] | null, y: number | string[] | null) => JSON.stringify(x) === JSON.stringify(y);
const belowK = (n: number, k: number) => n > 0 && suppressCell({ v: n, n, f: "int" }, k).suppressed === true;

export type TReportInput = {
  items: readonly TItem[];
  rules: TRoundRules;
  current: readonly TRespondent[];
  /** The previous round's respondents; null for a first round. */
  previous: readonly TRespondent[] | null;
  /** Reasons given in this round, by item code. */
  reasons: ReadonlyArray<{ itemCode: string; text: string }>;
  k: number;
};

/** Figures of one row (an item, or one pair of a pair rating) over the given respondents. */
function figures(item: TItem, kind: TReportRow["kind"], respondents: readonly TRespondent[], extract: TExtract) {
  const values = respondents.map((r) => extract(r.answers[item.code])).filter((v): v is number | string[] => v !== null);
  if (kind === "scale") {
    const numeric = summariseNumbers(values as number[]);
    return { n: values.length, numeric, choice: null, w: null };
  }
  const codes = "options" in item ? item.options.map((o) => o.code) : [];
  if (kind === "choice") {
    const choice = choiceShares(values as string[][], codes);
    return { n: choice.base, numeric: null, choice, w: null };
  }
  const w = kendallW((values as string[][]).map((order) => ranksFromOrder(order, codes)));
  return { n: values.length, numeric: null, choice: null, w: w?.w ?? null, kendall: w };
}

export function roundReport(input: TReportInput): TReportRow[] {
  const rows: TReportRow[] = [];
  for (const item of input.items) {
    const parts: Array<{ code: string; extract: TExtract; kind: TReportRow["kind"]; min?: number; max?: number }> = [];
    if (item.type === "scale") parts.push({ code: item.code, extract: numberOf, kind: "scale", min: item.min, max: item.max });
    else if (item.type === "matrix") for (const row of item.rows) parts.push({ code: row.code, extract: rowOf(row.code), kind: "scale", min: item.min, max: item.max });
    else if (item.type === "single" || item.type === "multi") parts.push({ code: item.code, extract: choicesOf, kind: "choice" });
    else if (item.type === "ranking") parts.push({ code: item.code, extract: orderOf, kind: "ranking" });
    for (const part of parts) rows.push(reportRow(input, item, part));
  }
  return rows;
}

function reportRow(input: TReportInput, item: TItem, part: { code: string; extract: TExtract; kind: TReportRow["kind"]; min?: number; max?: number }): TReportRow {
  const { consensus: rule, stability: stabilityRule } = rulesFor(input.rules, item, part.code === item.code ? undefined : part.code);
  const now = figures(item, part.kind, input.current, part.extract);
  let consensus: TReportRow["consensus"] = { reached: null, figure: null };
  if (rule?.kind === "scale" && part.kind === "scale") {
    const values = input.current.map((r) => part.extract(r.answers[item.code])).filter((v): v is number => typeof v === "number");
    const result = scaleConsensus(rule, values, part.min!, part.max!);
    consensus = { reached: result.reached, figure: rule.maxIqr !== undefined ? result.iqr : result.endShare };
  } else if (rule?.kind === "choice" && now.choice) {
    const result = choiceConsensus(rule, now.choice);
    consensus = { reached: result.reached, figure: result.topShare };
  } else if (rule?.kind === "ranking" && part.kind === "ranking") {
    const result = rankingConsensus(rule, "kendall" in now ? (now.kendall ?? null) : null);
    consensus = { reached: result.reached, figure: result.w };
  }

  let stable: TStabilityResult | null = null;
  let moved: TMovement | null = null;
  let previousMedian: number | null = null;
  if (input.previous) {
    const before = new Map(input.previous.map((r) => [r.expertId, part.extract(r.answers[item.code])]));
    const pairs = input.current.flatMap((r) => {
      const b = before.get(r.expertId) ?? null;
      const a = part.extract(r.answers[item.code]);
      return a !== null && b !== null ? [{ before: b, after: a }] : [];
    });
    const prev = figures(item, part.kind, input.previous, part.extract);
    previousMedian = prev.numeric?.median ?? null;
    stable = stability(stabilityRule, changedShare(pairs.map((p) => ({ changed: !same(p.before, p.after) }))), prev.numeric?.iqr ?? null, now.numeric?.iqr ?? null);
    if (part.kind === "scale" && previousMedian !== null) moved = movement(pairs as Array<{ before: number; after: number }>, previousMedian);
  }

  return {
    code: part.code,
    itemCode: item.code,
    kind: part.kind,
    n: now.n,
    numeric: now.numeric,
    choice: now.choice,
    w: now.w,
    consensus,
    stability: stable,
    movement: moved,
    previousMedian,
    cells: cells(item, part, input.current, input.k),
    reasons: input.reasons.filter((r) => r.itemCode === item.code).map((r) => r.text).sort((a, b) => a.localeCompare(b)),
  };
}

/** The same figures per country × group cell; a cell answered by fewer than k experts shows none. */
function cells(item: TItem, part: { extract: TExtract; kind: TReportRow["kind"] }, current: readonly TRespondent[], k: number): TCellFigures[] {
  const byCell = new Map<string, TRespondent[]>();
  for (const r of current) {
    const key = `${r.country}\u0000${r.group}`;
    byCell.set(key, [...(byCell.get(key) ?? []), r]);
  }
  return [...byCell.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, respondents]) => {
      const [country, group] = key.split("\u0000") as [string, string];
      const f = figures(item, part.kind, respondents, part.extract);
      if (f.n === 0 || belowK(f.n, k)) return { country, group, n: f.n === 0 ? 0 : null, median: null, iqr: null, topShare: null };
      const top = f.choice ? Math.max(...f.choice.options.map((o) => o.percent)) : null;
      return { country, group, n: f.n, median: f.numeric?.median ?? null, iqr: f.numeric?.iqr ?? null, topShare: top };
    });
}
