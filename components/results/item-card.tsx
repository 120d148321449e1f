"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { columnHeader, formatCell } from "@/lib/aggregates/format";
import type { TCell, TItemSummary } from "@/lib/aggregates/types";
import { DataTable } from "./data-table";

const BarChart = dynamic(() => import("./bar-chart"), { ssr: false, loading: () => <div className="results-chart-placeholder" /> });

/** One item: its notes, a chart per chartable table and the table itself, and its texts on request. */
export function ItemCard({ item, k, textsUrl }: { item: TItemSummary<TCell>; k: number; textsUrl: (code: string) => string }) {
  const t = useTranslations("results");
  const tr = (key: string) => t(key as "count");
  const [texts, setTexts] = useState<string[] | null | undefined>(undefined);
  const showTexts = async () => {
    if (texts !== undefined) return setTexts(undefined);
    const res = await fetch(textsUrl(item.code), { cache: "no-store" });
    if (res.ok) setTexts(((await res.json()) as { texts: string[] | null }).texts);
  };
  return (
    <section className="card results-item" aria-labelledby={`item-${item.code}`} data-item={item.code}>
      <h3 id={`item-${item.code}`}>
        {item.code}. {item.title}
      </h3>
      {item.notes.map((n) => (
        <p key={n} className="hint">
          {tr(`note_${n}`)}
        </p>
      ))}
      {item.tables.map((table) => {
        const caption = `${item.code}: ${tr(table.kind)}`;
        return (
          <div key={table.id} className="results-block">
            {table.chart !== undefined && (
              <BarChart table={table} column={table.chart} k={k} label={t("chartTitle", { item: `${caption} (${columnHeader(table.columns[table.chart]!, tr)})` })} />
            )}
            <DataTable table={table} k={k} caption={caption} />
          </div>
        );
      })}
      {item.texts && (
        <div>
          <p>
            {tr(item.type === "text" ? "textsGiven" : "otherTexts")}: <strong>{formatCell(item.texts, k)}</strong>{" "}
            {!item.texts.suppressed && (item.texts.v ?? 0) > 0 && (
              <button type="button" className="button secondary" onClick={showTexts} aria-expanded={texts !== undefined}>
                {texts === undefined ? t("showTexts") : t("hideTexts")}
              </button>
            )}
          </p>
          {texts === null && <p className="hint">{t("textsSuppressed", { k })}</p>}
          {texts && (
            <ul className="results-texts">
              {texts.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
