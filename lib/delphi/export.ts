import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { TReportRow } from "@/lib/delphi/report";
import { guardCell } from "@/lib/csv/guard";

/**
 * The round report and the round-comparison table as files. Figures are written as numbers (with
 * full precision in XLSX, four decimals in CSV); a cell below k is empty with "< k" beside it, and
 * every text goes through the formula-injection guard.
 */

type TTable = { name: string; header: string[]; rows: Array<Array<string | number | null>> };

const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10_000) / 10_000);

export function reportTable(wave: number, rows: readonly TReportRow[], k: number): TTable {
  const out: TTable["rows"] = [];
  for (const r of rows) {
    const base = [
      wave,
      r.itemCode,
      r.code,
      r.n,
      num(r.numeric?.median),
      num(r.numeric?.q1),
      num(r.numeric?.q3),
      num(r.numeric?.iqr),
      num(r.numeric?.mean),
      r.numeric ? r.numeric.counts.map((c) => `${c.value}:${c.n}`).join(" ") : r.choice ? r.choice.options.map((o) => `${o.code}:${o.n}`).join(" ") : "",
      num(r.w),
      yesNo(r.consensus.reached),
      num(r.consensus.figure),
      yesNo(r.stability?.stable ?? null),
      num(r.stability?.changedShare),
      num(r.stability?.iqrChange),
      r.movement?.toward ?? null,
      r.movement?.away ?? null,
      r.movement?.unchanged ?? null,
    ];
    out.push([...base, "", "", null, null, null, r.reasons.join(" | ")]);
    for (const c of r.cells) out.push([wave, r.itemCode, r.code, null, null, null, null, null, null, "", null, "", null, "", null, null, null, null, null, c.country, c.group, c.n ?? `< ${k}`, num(c.median), num(c.iqr), ""]);
  }
  return {
    name: "report",
    header: ["round", "item", "code", "n", "median", "q1", "q3", "iqr", "mean", "distribution", "kendall_w", "consensus", "consensus_figure", "stable", "changed_pct", "iqr_change", "toward", "away", "unchanged", "country", "group", "cell_n", "cell_median", "cell_iqr", "reasons"],
    rows: out,
  };
}

/** One line per item and pair, with each round's n, median, IQR and consensus side by side. */
export function comparisonTable(rounds: ReadonlyArray<{ number: number; rows: readonly TReportRow[] }>): TTable {
  const codes: Array<{ itemCode: string; code: string }> = [];
  for (const round of rounds) for (const r of round.rows) if (!codes.some((c) => c.code === r.code)) codes.push({ itemCode: r.itemCode, code: r.code });
  const header = ["item", "code", ...rounds.flatMap((r) => [`r${r.number}_n`, `r${r.number}_median`, `r${r.number}_iqr`, `r${r.number}_consensus`, `r${r.number}_stable`])];
  const rows = codes.map(({ itemCode, code }) => [
    itemCode,
    code,
    ...rounds.flatMap((round) => {
      const r = round.rows.find((x) => x.code === code);
      return r ? [r.n, num(r.numeric?.median), num(r.numeric?.iqr), yesNo(r.consensus.reached), yesNo(r.stability?.stable ?? null)] : [null, null, null, "", ""];
    }),
  ]);
  return { name: "comparison", header, rows };
}

const guard = (v: string | number | null) => (typeof v === "string" ? guardCell(v) : v);

export function tableCsv(table: TTable): string {
  return stringify([table.header, ...table.rows.map((r) => r.map(guard))], { bom: true, record_delimiter: "windows" });
}

export async function tableXlsx(table: TTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name);
  sheet.addRow(table.header);
  for (const row of table.rows) sheet.addRow(row.map(guard));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
