import { stringify } from "csv-stringify/sync";
import { columnHeader, formatCell } from "@/lib/aggregates/format";
import type { TCell, THeatmap, TSummary, TTable } from "@/lib/aggregates/types";
import { guardCell } from "@/lib/csv/guard";

/**
 * The dashboard's tables as one CSV (UTF-8 with a byte order mark, so spreadsheets read Cyrillic):
 * per table a title line, its bases, a heading row and its rows, written with the same formatCell
 * as the dashboard, so suppressed figures read "< k" here too and percentages have the study's
 * decimals. Cells are guarded against formula injection. Pure.
 */

type TT = (key: string, values?: Record<string, string | number>) => string;

function tableLines(table: TTable<TCell>, k: number, decimals: number, t: TT, title: string[]): string[][] {
  return [
    [...title, t(table.kind)],
    ...table.bases.map((b) => [columnHeader({ key: b.key, label: b.label }, t), formatCell(b.cell, k, decimals)]),
    [t(table.labelKey), ...table.columns.map((c) => columnHeader(c, t))],
    ...table.rows.map((r) => [r.label, ...r.cells.map((c) => formatCell(c, k, decimals))]),
    [],
  ];
}

const NUMBER = /^-?\d+(\.\d+)?%?$/;

export function aggregatesCsv(
  input: { summary: TSummary<TCell>; heatmaps: Array<NonNullable<THeatmap<TCell>>>; crossTab: { item: string; title: string; table: TTable<TCell> } | null },
  t: TT,
  /** Decimals of percentages: the study's setting (`Study.percentDecimals`). */
  decimals = 2,
): string {
  const { summary } = input;
  const k = summary.k;
  const lines: string[][] = [[t("respondents"), formatCell(summary.respondents, k)], [t("suppressionNote", { k })], []];
  for (const item of summary.items) {
    if (item.notes.length) lines.push([item.code, item.title, ...item.notes.map((n) => t(`note_${n}`))]);
    for (const table of item.tables) lines.push(...tableLines(table, k, decimals, t, [item.code, item.title]));
    if (item.texts) lines.push([item.code, t(item.type === "text" ? "textsGiven" : "otherTexts"), formatCell(item.texts, k)], []);
  }
  for (const h of input.heatmaps) for (const table of h.tables) lines.push(...tableLines(table, k, decimals, t, [h.item, h.title]));
  if (input.crossTab) lines.push(...tableLines(input.crossTab.table, k, decimals, t, [input.crossTab.item, input.crossTab.title]));
  return stringify(
    // Figures stay numbers (a negative mean is not a formula); every label and text is guarded.
    lines.map((l) => l.map((cell) => (NUMBER.test(cell) ? cell : guardCell(cell)))),
    { bom: true, record_delimiter: "windows" },
  );
}
