import { hiddenOf, type TProtection } from "@/lib/aggregates/protect";
import type { TCell, THeatmap, TItemSummary, TNum, TSummary, TTable } from "@/lib/aggregates/types";

/**
 * Small-cell suppression, the one place it is applied: every figure built on fewer than k
 * respondents becomes "< k" (no number at all leaves the server), and every figure that protect.ts
 * hides so that such a figure cannot be worked out from the others becomes "–", whatever shows it:
 * a table, a chart or the CSV export, which all render what these functions return. With k = 1
 * nothing is suppressed (a zero is 0).
 *
 * Without a protection (`protection` undefined) only the figures below k go: the tests of shaping use it.
 */

export const DEFAULT_K = 3;

/**
 * `hidden`: the figures of the cell's item that protect.ts hides (`hiddenOf`); `withheld`: the item's
 * figures are withheld altogether (protect.ts found no other way): all of them read "–".
 */
export function suppressCell(cell: TNum, k: number, hiddenFigures?: ReadonlySet<string>, withheld = false): TCell {
  const figure = cell.id !== undefined;
  if (figure && withheld) return { v: null, f: cell.f, suppressed: true, hidden: true };
  const hidden = (key: string | undefined) => key !== undefined && !!hiddenFigures?.has(key);
  // A figure reads as its count does ("–" or "< k"); a percentage of a count shown also goes with its base.
  if (hidden(cell.id)) return { v: null, f: cell.f, suppressed: true, hidden: true };
  if (k > 1 && cell.n < k) return { v: null, f: cell.f, suppressed: true };
  if (hidden(cell.of)) return { v: null, f: cell.f, suppressed: true, hidden: true };
  return cell.withN ? { v: cell.v, f: cell.f, n: cell.n } : { v: cell.v, f: cell.f };
}

/** `item`: the code of the item the table shows; its figures are protected by that item's protection. */
export function suppressTable(table: TTable<TNum>, k: number, protection?: TProtection, item?: string): TTable<TCell> {
  if (protection && item === undefined) throw new Error("suppressTable: a protected table names its item");
  const withheld = item !== undefined && !!protection?.withheld.has(item);
  const hidden = item === undefined ? undefined : hiddenOf(protection, item);
  const noMeans = item !== undefined && !!protection?.meansWithheld.has(item);
  const cell = (c: TNum) => (noMeans && c.f === "dec" && c.id !== undefined ? { v: null, f: c.f, suppressed: true as const, hidden: true as const } : suppressCell(c, k, hidden, withheld));
  return {
    ...table,
    bases: table.bases.map((b) => ({ ...b, cell: cell(b.cell) })),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(cell) })),
  };
}

export function suppressItem(item: TItemSummary<TNum>, k: number, protection?: TProtection): TItemSummary<TCell> {
  const withheld = !!protection?.withheld.has(item.code);
  return {
    ...item,
    notes: withheld ? [...item.notes, "withheld"] : protection?.meansWithheld.has(item.code) ? [...item.notes, "meansWithheld"] : item.notes,
    tables: item.tables.map((t) => suppressTable(t, k, protection, item.code)),
    texts: item.texts ? suppressCell(item.texts, k, hiddenOf(protection, item.code), withheld) : undefined,
  };
}

/** The respondents in scope are shown as they are (below k: "< k"); coordinators see the panel anyway. */
export function suppressSummary(summary: TSummary<TNum>, k: number, protection?: TProtection): TSummary<TCell> {
  return { k, respondents: suppressCell(summary.respondents, k), items: summary.items.map((i) => suppressItem(i, k, protection)) };
}

/**
 * The heatmap: "all" is the sum of "own" and "other", and both are boxes of their own in
 * protect.ts, so a small side is protected like any other count.
 */
export function suppressHeatmap(heatmap: THeatmap<TNum>, k: number, protection?: TProtection): THeatmap<TCell> {
  if (!heatmap) return heatmap;
  return { ...heatmap, tables: heatmap.tables.map((t) => suppressTable(t, k, protection, heatmap.item)) };
}
