import { columnHeader, formatCell } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";

/**
 * Pure helpers of the results report in the browser: how figures are written on the page (as in the
 * CSV export, percentages at the study's decimals), the unit and base of a chart's axis, sorting by frequency,
 * a table as tab-separated text, chart labels and the search. No zod, no server code.
 */

type TTranslate = (key: string) => string;

/** Percentages at the study's number of decimals (one by default); everything else as formatCell writes it. */
export function formatFigure(cell: TCell, k: number, decimals = 1): string {
  return formatCell(cell, k, decimals);
}

/** Which base each plotted column is a share or mean of: the key of the table's base, and its symbol. */
const BASE_OF: Record<string, { base: string; symbol: "n" | "N" }> = {
  pctRespondents: { base: "baseRespondents", symbol: "n" },
  pctAnswers: { base: "baseAnswers", symbol: "N" },
  pctValues: { base: "baseValues", symbol: "n" },
  firstShare: { base: "baseRespondents", symbol: "n" },
  mean: { base: "baseRespondents", symbol: "n" },
};

/** The columns a chart of `table` can plot: its default one, and for a multiple choice both percentage bases. */
export function chartColumns(table: TTable<TCell>): number[] {
  if (table.chart === undefined) return [];
  const shares = ["pctRespondents", "pctAnswers"].map((key) => table.columns.findIndex((c) => c.key === key && !c.label));
  return shares.every((i) => i >= 0) ? shares : [table.chart];
}

/**
 * The axis title of a chart of `column`: its unit and its base, e.g. "% of respondents, n = 35" or
 * "% of all answers, N = 62"; a scale's mean also names the scale ("Mean (1–10), n = 35").
 */
export function axisLabel(table: TTable<TCell>, column: number, k: number, t: TTranslate, scale?: { min: number; max: number }): string {
  const col = table.columns[column];
  if (!col) return "";
  let unit = columnHeader(col, t);
  if (scale && col.key === "mean") unit = `${unit} (${scale.min}–${scale.max})`;
  const of = BASE_OF[col.key];
  const base = of && table.bases.find((b) => b.key === of.base && !b.label)?.cell;
  if (!of || !base) return unit;
  // A base hidden to protect another figure says nothing of its size ("–"); one below k says "< k".
  if (base.suppressed) return base.hidden ? `${unit}, ${of.symbol} = ${formatCell(base, k)}` : `${unit}, ${of.symbol} < ${k}`;
  return `${unit}, ${of.symbol} = ${base.v === null ? "—" : Math.round(base.v)}`;
}

/**
 * The rows in the order asked: as the questionnaire lists them, or by the figure in `column`, largest
 * first, ties in questionnaire order; rows without a figure (suppressed or empty) go last.
 */
export function sortRows<R extends { cells: TCell[] }>(rows: readonly R[], column: number, byFrequency: boolean): R[] {
  if (!byFrequency) return [...rows];
  const value = (r: R) => {
    const c = r.cells[column];
    return !c || c.suppressed || c.v === null ? -Infinity : c.v;
  };
  return rows.map((r, i) => ({ r, i })).sort((a, b) => value(b.r) - value(a.r) || a.i - b.i).map(({ r }) => r);
}

const cellText = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();

/** A table as tab-separated text (a heading row, then a row per option), figures written as on the page. */
export function tableToTsv(table: TTable<TCell>, k: number, t: TTranslate, decimals = 1, rows: TTable<TCell>["rows"] = table.rows): string {
  const head = [t(table.labelKey), ...table.columns.map((c) => columnHeader(c, t))];
  const body = rows.map((r) => [r.label, ...r.cells.map((c) => formatFigure(c, k, decimals))]);
  return [head, ...body].map((line) => line.map(cellText).join("\t")).join("\n") + "\n";
}

/**
 * A category label broken into at most `maxLines` lines of about `width` characters, at spaces where
 * possible; a longer label ends in "…" (the full text goes into the label's title).
 */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim().replace(/\s+/g, " ");
  while (rest && lines.length < maxLines) {
    if (rest.length <= width) {
      lines.push(rest);
      rest = "";
      break;
    }
    const space = rest.lastIndexOf(" ", width);
    const cut = space > width / 3 ? space : width;
    lines.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) {
    const last = lines[lines.length - 1] ?? "";
    lines[lines.length - 1] = `${last.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
  }
  return lines;
}

/** Whether an item matches the report's search: its code starts with the query, or its title or code holds every word of it. */
export function matchesSearch(item: { code: string; title: string }, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  const code = item.code.toLocaleLowerCase();
  if (code.startsWith(q)) return true;
  const haystack = `${code} ${item.title.toLocaleLowerCase()}`;
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

/**
 * Round ticks for a value axis from 0 to at least `max`: a step of 1, 2, 2.5 or 5 times a power of
 * ten, the smallest that needs at most `count` intervals (0, 20, 40… or 0, 25, 50…, never 0, 12, 24);
 * whole steps for counts, and percentages end at 100 at most.
 */
export function valueTicks(max: number, options: { percent?: boolean; whole?: boolean; count?: number } = {}): number[] {
  const count = options.count ?? 5;
  const top = options.percent ? Math.min(100, Math.max(max, 0)) : Math.max(max, 0);
  if (!(top > 0)) return options.percent ? [0, 25, 50, 75, 100] : [0, 1];
  let step = 0;
  for (let power = Math.floor(Math.log10(top / count)) - 1; !step; power++) {
    for (const base of [1, 2, 2.5, 5]) {
      const candidate = base * 10 ** power;
      if (options.whole && !Number.isInteger(candidate)) continue;
      if (Math.ceil(top / candidate - 1e-9) <= count) {
        step = candidate;
        break;
      }
    }
  }
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toFixed(6)));
}
