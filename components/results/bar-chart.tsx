"use client";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatFigure, valueTicks, wrapLabel } from "@/lib/aggregates/display";
import { chartValue } from "@/lib/aggregates/format";
import type { TCell, TTable } from "@/lib/aggregates/types";

type TDatum = { name: string; value: number; text: string; gap: boolean };

export type TBarChartProps = {
  rows: TTable<TCell>["rows"];
  column: number;
  k: number;
  decimals: number;
  /** The chart's accessible name. */
  label: string;
  /** The value axis' title: its unit and base. */
  axis: string;
  /** A mean on a scale: the axis spans the scale. */
  scale?: { min: number; max: number };
  /** What a suppressed category's marked gap says, given how the table writes the figure: "suppressed (< 3)". */
  gapLabel: (figure: string) => string;
};

/**
 * Charts waiting to be drawn, one per idle moment of the browser (at least one a second), so that
 * drawing dozens of them never blocks the page for long.
 */
const waiting: Array<() => void> = [];
let scheduled = false;
function drawNext() {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length) schedule();
}
function schedule() {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestIdleCallback === "function") requestIdleCallback(drawNext, { timeout: 1_000 });
  else setTimeout(drawNext, 50);
}
function whenIdle(draw: () => void): () => void {
  waiting.push(draw);
  schedule();
  return () => {
    const i = waiting.indexOf(draw);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/** The width of the category labels: 190 px, or 40 % of a narrow chart (about 7 px a character at 12 px). */
const labelWidth = (width: number) => Math.min(190, Math.round(width * 0.4));

/** A category label in at most three lines, the full text in its title. */
function CategoryTick({ x, y, payload, chars }: { x?: number | string; y?: number | string; payload?: { value: string }; chars: number }) {
  const text = String(payload?.value ?? "");
  const lines = wrapLabel(text, chars, chars < 20 ? 3 : 2);
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <title>{text}</title>
      <text textAnchor="end" fontSize={12} fill="#333" x={-4} y={4 - ((lines.length - 1) * 14) / 2}>
        {lines.map((line, i) => (
          <tspan key={i} x={-4} dy={i === 0 ? 0 : 14}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * A horizontal bar chart of one column of a table (as the paper's Figures 1–4), with its unit and
 * base on the value axis. A suppressed category is drawn as a hatched gap across the chart, labelled,
 * never as an empty bar that reads as zero. Loaded on demand (next/dynamic), so recharts ships only here.
 */
export default function ResultsBarChart({ rows, column, k, decimals, label, axis, scale, gapLabel }: TBarChartProps) {
  const box = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const resize = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    resize.observe(element);
    // A report draws dozens of charts: those near the screen first, the rest one at a time when the
    // browser is idle, and all of them at once before printing.
    const show = () => setShown(true);
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: "400px 0px" });
    near.observe(element);
    const cancelIdle = whenIdle(show);
    const beforePrint = () => flushSync(show);
    const print = window.matchMedia("print");
    if (print.matches) show();
    const onPrintMedia = (e: MediaQueryListEvent) => e.matches && show();
    window.addEventListener("beforeprint", beforePrint);
    print.addEventListener("change", onPrintMedia);
    return () => {
      resize.disconnect();
      near.disconnect();
      cancelIdle();
      window.removeEventListener("beforeprint", beforePrint);
      print.removeEventListener("change", onPrintMedia);
    };
  }, []);
  // Hidden (a collapsed section) the figure has no width; printing opens it before it can be measured.
  const drawWidth = width || 640;
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const floor = scale?.min ?? 0;
  const data: TDatum[] = rows.map((r) => {
    const cell = r.cells[column] ?? { v: null, f: "int" as const };
    return { name: r.label, value: chartValue(cell) ?? floor, text: cell.suppressed ? gapLabel(formatFigure(cell, k, decimals)) : formatFigure(cell, k, decimals), gap: Boolean(cell.suppressed) };
  });
  const labels = labelWidth(drawWidth);
  const chars = Math.max(8, Math.floor((labels - 8) / 7));
  const height = Math.max(140, (chars < 20 ? 46 : 36) * data.length + 70);
  // A scale's axis spans the scale, one tick a point; any other axis has round ticks from 0 (0, 20, 40… %).
  const cells = rows.map((r) => r.cells[column]).filter((c): c is TCell => Boolean(c));
  const ticks =
    scale && scale.max - scale.min <= 20
      ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i)
      : scale
        ? undefined
        : valueTicks(Math.max(0, ...data.map((d) => d.value)), { percent: cells.some((c) => c.f === "pct"), whole: cells.every((c) => c.f === "int") });
  const domain: [number, number] = scale ? [scale.min, scale.max] : [0, ticks?.at(-1) ?? 1];

  const shape = (props: BarShapeProps) => {
    const d = props.payload as TDatum;
    const midY = props.y + props.height / 2;
    if (d.gap && props.background) {
      const bg = props.background;
      return (
        <g data-gap="true">
          <rect x={Number(bg.x)} y={Number(bg.y) + 3} width={Number(bg.width)} height={Math.max(0, Number(bg.height) - 6)} fill={`url(#${hatch})`} stroke="#777" strokeDasharray="4 3" />
          <text x={Number(bg.x) + 6} y={midY} dominantBaseline="central" fontSize={12} fill="#222">
            {d.text}
          </text>
        </g>
      );
    }
    return (
      <g>
        <rect x={props.x} y={props.y} width={Math.max(0, props.width)} height={props.height} fill="#2f6f9f" />
        <text x={props.x + Math.max(0, props.width) + 4} y={midY} dominantBaseline="central" fontSize={12} fill="#222">
          {d.text}
        </text>
      </g>
    );
  };

  return (
    <figure className="results-chart" aria-label={label} role="img" ref={box} style={{ minHeight: height }}>
      {shown && (
        <BarChart width={drawWidth} height={height} data={data} layout="vertical" margin={{ left: 4, right: 56, top: 8, bottom: 28 }} style={{ fontFamily: "system-ui, sans-serif", fontSize: 12 }}>
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#f1f1f1" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={domain}
            ticks={ticks}
            allowDecimals={!scale}
            allowDataOverflow={Boolean(scale)}
            tick={{ fontSize: 12, fill: "#333" }}
            label={{ value: axis, position: "insideBottom", offset: -18, fontSize: 12, fill: "#222" }}
          />
          <YAxis type="category" dataKey="name" width={labels} interval={0} tick={<CategoryTick chars={chars} />} />
          <Tooltip formatter={(_v, _n, item) => (item.payload as TDatum).text} />
          <Bar dataKey="value" isAnimationActive={false} shape={shape} />
        </BarChart>
      )}
    </figure>
  );
}
