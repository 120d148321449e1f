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

/**
 * Cells whose counts add up to a total that is published (`published(total)`): each member is a
 * count cell (row, column) and the cells that go with it (its percentages).
 */
type TPart = { members: Array<{ row: number; count: number; hide: number[] }>; published: (total: number) => boolean };

/**
 * Secondary suppression where counts add up to a published total (the options of a single choice,
 * the answers of a multiple choice, a distribution, a column of a cross-tab against its base, a row
 * of a cross-tab against the option's count in the summary): with a single small count hidden, the
 * total minus the shown counts would give it back. So the smallest other non-zero count is hidden
 * with it, with its percentages. Answers whether anything more was hidden.
 */
function protectPart(table: TTable<TNum>, k: number, part: TPart): TTable<TNum> {
  const counts = part.members.map((m) => table.rows[m.row]?.cells[m.count]?.n ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!part.published(total)) return table;
  const small = counts.filter((n) => n > 0 && n < k).length;
  const hidden = counts.filter((n) => n < k).length;
  if (small !== 1 || hidden > 1) return table;
  const next = counts.reduce<number | null>((best, n, i) => (n >= k && (best === null || n < counts[best]!) ? i : best), null);
  if (next === null) return table;
  const { row, hide } = part.members[next]!;
  return { ...table, rows: table.rows.map((r, i) => (i === row ? { ...r, cells: r.cells.map((c, j) => (hide.includes(j) ? { ...c, n: 0 } : c)) } : r)) };
}

/** The parts of a table whose counts add up to a published total; none for the others. */
function partsOf(table: TTable<TNum>, k: number): TPart[] {
  const rows = table.rows.map((_, i) => i);
  const shownBase = (i: number) => (total: number) => (table.bases[i]?.cell.n ?? 0) >= k && table.bases[i]?.cell.v === total;
  if (table.kind === "options" || table.kind === "distribution") {
    const all = table.columns.map((_, j) => j);
    return [{ members: rows.map((row) => ({ row, count: 0, hide: all })), published: (total) => table.bases.some((_, i) => shownBase(i)(total)) }];
  }
  if (table.kind === "crosstab") {
    // Per column of the grouping a count and a column %: each column adds up to its base, and each
    // row to the option's (or value's) count in the summary, shown there unless below k.
    const columns = table.bases.map((_, j) => j);
    return [
      ...columns.map((j) => ({ members: rows.map((row) => ({ row, count: 2 * j, hide: [2 * j, 2 * j + 1] })), published: shownBase(j) })),
      ...rows.map((row) => ({ members: columns.map((j) => ({ row, count: 2 * j, hide: [2 * j, 2 * j + 1] })), published: (total: number) => total >= k })),
    ];
  }
  return [];
}

/** Applies every part's protection until nothing more is hidden (hiding a cell for a row can expose a column). */
export function protectTotals(table: TTable<TNum>, k: number): TTable<TNum> {
  const parts = partsOf(table, k);
  let current = table;
  for (let pass = 0; pass < 10; pass++) {
    const next = parts.reduce((t, part) => protectPart(t, k, part), current);
    if (next === current) return next;
    current = next;
  }
  return current;
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
