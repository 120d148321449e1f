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

export function suppressItem(item: TItemSummary<TNum>, k: number): TItemSummary<TCell> {
  return { ...item, tables: item.tables.map((t) => suppressTable(t, k)), texts: item.texts ? suppressCell(item.texts, k) : undefined };
}

export function suppressSummary(summary: TSummary<TNum>, k: number): TSummary<TCell> {
  return { k, respondents: suppressCell(summary.respondents, k), items: summary.items.map((i) => suppressItem(i, k)) };
}

export function suppressHeatmap(heatmap: THeatmap<TNum>, k: number): THeatmap<TCell> {
  return heatmap && { ...heatmap, tables: heatmap.tables.map((t) => suppressTable(t, k)) };
}
