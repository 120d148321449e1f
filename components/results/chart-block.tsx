"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { axisLabel, chartColumns, sortRows } from "@/lib/aggregates/display";
import { columnHeader } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";
import { DataTable } from "./data-table";
import { downloadPng, downloadSvg, standaloneSvg } from "./download";

const BarChart = dynamic(() => import("./bar-chart"), { ssr: false, loading: () => <div className="results-chart-placeholder" /> });

/** Tables whose rows are categories without an order of their own, so they may be sorted by frequency. */
const SORTABLE = new Set(["options", "ranking", "rows"]);

/**
 * One table with its chart: the chart's base (a multiple choice: % of respondents or % of answers),
 * sorting by frequency, downloads of the chart as SVG or PNG; the table follows the chart's order.
 */
export function ChartBlock({ table, k, decimals, caption, scale }: { table: TTable<TCell>; k: number; decimals: number; caption: string; scale?: { min: number; max: number } }) {
  const t = useTranslations("results");
  const tr = (key: string) => t(key as "count");
  const columns = chartColumns(table);
  const [column, setColumn] = useState(table.chart ?? 0);
  const [byFrequency, setByFrequency] = useState(false);
  const figure = useRef<HTMLDivElement>(null);
  const id = useId();
  const hasChart = columns.length > 0;
  const rows = hasChart ? sortRows(table.rows, column, byFrequency) : table.rows;
  const chartScale = scale && table.columns[column]?.key === "mean" ? scale : undefined;
  const axis = hasChart ? axisLabel(table, column, k, tr, chartScale) : "";
  const title = hasChart ? `${caption} (${axis})` : caption;
  const fileName = `results-${table.id}`;

  const download = async (kind: "svg" | "png") => {
    const svg = figure.current?.querySelector<SVGSVGElement>("svg.recharts-surface");
    if (!svg) return;
    const markup = standaloneSvg(svg, title);
    if (kind === "svg") downloadSvg(markup, fileName);
    else await downloadPng(markup, fileName);
  };

  return (
    <div className="results-block" data-block={table.id}>
      {hasChart && (
        <div className="results-chart-wrap">
          <div className="results-chart-tools no-print">
            {columns.length > 1 && (
              <fieldset className="results-switch">
                <legend>{t("chartBase")}</legend>
                {columns.map((c) => (
                  <label key={c}>
                    <input type="radio" name={`${id}-base`} checked={column === c} onChange={() => setColumn(c)} /> {columnHeader(table.columns[c]!, tr)}
                  </label>
                ))}
              </fieldset>
            )}
            {SORTABLE.has(table.kind) && (
              <label className="results-check">
                <input type="checkbox" checked={byFrequency} onChange={(e) => setByFrequency(e.target.checked)} /> {t("sortByFrequency")}
              </label>
            )}
          </div>
          <div ref={figure}>
            <BarChart rows={rows} column={column} k={k} decimals={decimals} scale={chartScale} axis={axis} label={t("chartTitle", { item: title })} gapLabel={(value) => t("suppressedGap", { value })} />
          </div>
          <p className="results-actions no-print">
            <button type="button" className="button secondary small" onClick={() => void download("svg")} aria-label={t("downloadSvgOf", { table: caption })}>
              {t("downloadSvg")}
            </button>{" "}
            <button type="button" className="button secondary small" onClick={() => void download("png")} aria-label={t("downloadPngOf", { table: caption })}>
              {t("downloadPng")}
            </button>
          </p>
        </div>
      )}
      <DataTable table={table} k={k} caption={caption} decimals={decimals} rows={rows} />
    </div>
  );
}
