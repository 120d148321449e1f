"use client";
import { useTranslations } from "next-intl";
import { columnHeader, formatCell } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";

/** The accessible table beside every chart: the same figures, formatted as in the CSV export. */
export function DataTable({ table, k, caption, shade }: { table: TTable<TCell>; k: number; caption: string; shade?: (cell: TCell) => string | undefined }) {
  const t = useTranslations("results");
  const tr = (key: string) => t(key as "count");
  return (
    <div className="table-wrap">
      {table.bases.length > 0 && (
        <ul className="results-bases">
          {table.bases.map((b, i) => (
            <li key={i}>
              {columnHeader({ key: b.key, label: b.label }, tr)}: <strong>{formatCell(b.cell, k)}</strong>
            </li>
          ))}
        </ul>
      )}
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
          {table.rows.map((r) => (
            <tr key={r.code} data-row={r.code}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i} className="num" style={shade ? { background: shade(c) } : undefined}>
                  {formatCell(c, k)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
