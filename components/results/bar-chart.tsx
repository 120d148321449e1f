"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartValue, formatCell } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";

/**
 * A horizontal bar chart of one column of a table (as the paper's Figures 1–4). Suppressed figures
 * get no bar, only their "< k" label. Loaded on demand (next/dynamic), so recharts ships only here.
 */
export default function ResultsBarChart({ table, column, k, label }: { table: TTable<TCell>; column: number; k: number; label: string }) {
  const data = table.rows.map((r) => ({ name: r.label, value: chartValue(r.cells[column]) ?? 0, text: formatCell(r.cells[column] ?? { v: null, f: "int" }, k) }));
  const height = Math.max(120, 34 * data.length + 40);
  return (
    <figure className="results-chart" aria-label={label} role="img">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 48, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_v, _n, item) => (item.payload as { text: string }).text} />
          <Bar dataKey="value" fill="#2f6f9f" isAnimationActive={false}>
            <LabelList dataKey="text" position="right" style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
