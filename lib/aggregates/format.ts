import type { TCell } from "@/lib/aggregates/types";

/**
 * How a figure is written, the same on the dashboard and in the CSV export: "< k" when built on
 * fewer than k respondents, "–" when hidden so that such a figure cannot be worked out (the page's
 * note says so), "—" for no figure, counts as integers, means with two decimals (as the paper reports
 * them, e.g. 6.48) and percentages with the study's decimals (`percentDecimals`: 0–2, two unless said).
 */
export const HIDDEN = "–";

export function formatCell(cell: TCell, k: number, percentDecimals = 2): string {
  if (cell.hidden) return HIDDEN;
  if (cell.suppressed) return `< ${k}`;
  if (cell.v === null) return "—";
  const value = cell.f === "int" ? String(Math.round(cell.v)) : cell.v.toFixed(cell.f === "pct" ? percentDecimals : 2);
  return cell.n !== undefined ? `${value} (n = ${cell.n})` : value;
}

/** The plain number of a figure for a chart, or null when there is none to draw (suppressed or empty). */
export function chartValue(cell: TCell | undefined): number | null {
  return !cell || cell.suppressed || cell.v === null ? null : Math.round(cell.v * 100) / 100;
}

/** A column heading: "Russia: Count" for a labelled column, else the translated key. */
export function columnHeader(column: { key: string; label?: string }, t: (key: string) => string): string {
  return column.label ? `${column.label}: ${t(column.key)}` : t(column.key);
}
