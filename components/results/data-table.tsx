"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatFigure, tableToTsv } from "@/lib/aggregates/display";
import { columnHeader } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";
import { copyText } from "./download";

/**
 * The accessible table beside every chart: the same figures (percentages at the report's decimals),
 * in the order the chart shows them (`rows`), and a button that copies it as tab-separated text.
 */
export function DataTable({
  table,
  k,
  caption,
  shade,
  decimals = 1,
  rows = table.rows,
}: {
  table: TTable<TCell>;
  k: number;
  caption: string;
  shade?: (cell: TCell) => string | undefined;
  decimals?: number;
  rows?: TTable<TCell>["rows"];
}) {
  const t = useTranslations("results");
  const tr = (key: string) => t(key as "count");
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => setCopied(await copyText(tableToTsv(table, k, tr, decimals, rows)));
  return (
    <div className="results-table">
      {table.bases.length > 0 && (
        <ul className="results-bases">
          {table.bases.map((b, i) => (
            <li key={i}>
              {columnHeader({ key: b.key, label: b.label }, tr)}: <strong>{formatFigure(b.cell, k, decimals)}</strong>
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table data-table-id={table.id}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(table.labelKey)}</th>
              {table.columns.map((c, i) => (
                <th scope="col" key={i}>
                  {columnHeader(c, tr)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-row={r.code}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={i} className={c.suppressed ? "num suppressed" : "num"} style={shade ? { background: shade(c) } : undefined}>
                    {formatFigure(c, k, decimals)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="results-actions no-print">
        <button type="button" className="button secondary small" onClick={copy} aria-label={t("copyTableOf", { table: caption })}>
          {t("copyTable")}
        </button>{" "}
        <span role="status">{copied === null ? "" : copied ? t("copied") : t("copyFailed")}</span>
      </p>
    </div>
  );
}
