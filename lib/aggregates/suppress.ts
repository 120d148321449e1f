import type { TCell, THeatmap, TItemSummary, TNum, TSummary, TTable } from "@/lib/aggregates/types";

/**
 * Small-cell suppression, the one place it happens: every figure built on fewer than k respondents
 * becomes "< k" (no number at all leaves the server), whatever shows it: a table, a chart or the
 * CSV export, which all render what these functions return. Zero counts are suppressed too (0 < k).
 */

export const DEFAULT_K = 3;

export function suppressCell(cell: TNum, k: number): TCell {
  if (cell.n < k) return { v: null, f: cell.f, suppressed: true };
  return cell.withN ? { v: cell.v, f: cell.f, n: cell.n } : { v: cell.v, f: cell.f };
}

export function suppressTable(input: TTable<TNum>, k: number): TTable<TCell> {
  const table = protectTotals(input, k);
  return {
    ...table,
    bases: table.bases.map((b) => ({ ...b, cell: suppressCell(b.cell, k) })),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => suppressCell(c, k)) })),
  };
}

/** Which cells of a table add up to which bases: a count column and the columns that go with it. */
type TPart = { count: number; hide: number[]; bases: number[] };

/**
 * Secondary suppression where counts add up to a shown base (the options of a single choice, the
 * answers of a multiple choice, a distribution, a column of a cross-tab): with a single small count
 * hidden, the base minus the shown counts would give it back. So the smallest other non-zero count
 * is hidden with it, with its percentages.
 */
function protectPart(table: TTable<TNum>, k: number, part: TPart): TTable<TNum> {
  const counts = table.rows.map((r) => r.cells[part.count]?.n ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!part.bases.some((i) => (table.bases[i]?.cell.n ?? 0) >= k && table.bases[i]?.cell.v === total)) return table;
  const small = counts.filter((n) => n > 0 && n < k).length;
  const hidden = counts.filter((n) => n < k).length;
  if (small !== 1 || hidden > 1) return table;
  const next = counts.reduce<number | null>((best, n, i) => (n >= k && (best === null || n < counts[best]!) ? i : best), null);
  if (next === null) return table;
  return { ...table, rows: table.rows.map((r, i) => (i === next ? { ...r, cells: r.cells.map((c, j) => (part.hide.includes(j) ? { ...c, n: 0 } : c)) } : r)) };
}

/** The parts of a table whose counts add up to a base; none for the others. */
function partsOf(table: TTable<TNum>): TPart[] {
  const all = table.columns.map((_, j) => j);
  if (table.kind === "options" || table.kind === "distribution") return [{ count: 0, hide: all, bases: table.bases.map((_, i) => i) }];
  // A cross-tab: per column of the grouping, a count and a column %, and the column's base.
  if (table.kind === "crosstab") return table.bases.map((_, i) => ({ count: 2 * i, hide: [2 * i, 2 * i + 1], bases: [i] }));
  return [];
}

export function protectTotals(table: TTable<TNum>, k: number): TTable<TNum> {
  return partsOf(table).reduce((t, part) => protectPart(t, k, part), table);
}

export function suppressItem(item: TItemSummary<TNum>, k: number): TItemSummary<TCell> {
  return {
    ...item,
    tables: item.tables.map((t) => suppressTable(t, k)),
    texts: item.texts ? suppressCell(item.texts, k) : undefined,
  };
}

export function suppressSummary(summary: TSummary<TNum>, k: number): TSummary<TCell> {
  return { k, respondents: suppressCell(summary.respondents, k), items: summary.items.map((i) => suppressItem(i, k)) };
}

/**
 * The heatmap splits each pair's raters into "own" (from one of the pair's countries) and "other",
 * and "all" is their sum: with one side shown, a small other side could be worked out from "all".
 * So when either side of a pair is small (but not empty), all three figures of that pair go.
 */
export function suppressHeatmap(heatmap: THeatmap<TNum>, k: number): THeatmap<TCell> {
  if (!heatmap) return heatmap;
  const small = (cell: TNum | undefined) => !!cell && cell.n > 0 && cell.n < k;
  const hide = (cell: TNum): TNum => ({ ...cell, n: 0 });
  const [all, own, other, pairs] = heatmap.tables;
  if (!all || !own || !other || !pairs) return { ...heatmap, tables: heatmap.tables.map((t) => suppressTable(t, k)) };
  const grid = (table: TTable<TNum>) => ({
    ...table,
    rows: table.rows.map((r, i) => ({ ...r, cells: r.cells.map((c, j) => (small(own.rows[i]?.cells[j]) || small(other.rows[i]?.cells[j]) ? hide(c) : c)) })),
  });
  // The pairs list: mean and n for all (0, 1), own (2, 3) and other (4, 5), then cannot-assess.
  const list = { ...pairs, rows: pairs.rows.map((r) => ({ ...r, cells: small(r.cells[3]) || small(r.cells[5]) ? r.cells.map((c, j) => (j < 6 ? hide(c) : c)) : r.cells })) };
  return { ...heatmap, tables: [grid(all), grid(own), grid(other), list].map((t) => suppressTable(t, k)) };
}
