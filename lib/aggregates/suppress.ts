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

export function suppressTable(table: TTable<TNum>, k: number): TTable<TCell> {
  return {
    ...table,
    bases: table.bases.map((b) => ({ ...b, cell: suppressCell(b.cell, k) })),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => suppressCell(c, k)) })),
  };
}

/**
 * Secondary suppression of a table whose counts (first column) add up to one of its shown bases
 * (the options of a single choice, the answers of a multiple choice, a distribution): with a single
 * small count hidden, the base minus the shown counts would give it back. So the smallest other
 * non-zero count is hidden with it (its whole row, percentages included).
 */
export function protectTotal(table: TTable<TNum>, k: number): TTable<TNum> {
  const counts = table.rows.map((r) => r.cells[0]?.n ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!table.bases.some((b) => b.cell.n >= k && b.cell.v === total)) return table;
  const small = counts.flatMap((n, i) => (n > 0 && n < k ? [i] : []));
  const hidden = counts.filter((n) => n < k).length;
  if (small.length !== 1 || hidden > 1) return table;
  const next = counts.reduce<number | null>((best, n, i) => (n >= k && (best === null || n < counts[best]!) ? i : best), null);
  if (next === null) return table;
  return { ...table, rows: table.rows.map((r, i) => (i === next ? { ...r, cells: r.cells.map((c) => ({ ...c, n: 0 })) } : r)) };
}

const PARTITIONS = new Set(["options", "distribution"]);

export function suppressItem(item: TItemSummary<TNum>, k: number): TItemSummary<TCell> {
  return {
    ...item,
    tables: item.tables.map((t) => suppressTable(PARTITIONS.has(t.kind) ? protectTotal(t, k) : t, k)),
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
