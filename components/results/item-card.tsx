"use client";
import { useTranslations } from "next-intl";
import { memo, useState } from "react";
import type { TApiResult, TResponseOf } from "@/lib/api/client";
import { formatCell } from "@/lib/aggregates/format";
import type { TCell, TItemSummary } from "@/lib/aggregates/types";
import { ChartBlock } from "./chart-block";

export type TLoadTexts = (code: string) => Promise<TApiResult<TResponseOf<"GET /api/coordinator/studies/[studyId]/aggregates/texts">>>;

/** One item: its notes, a chart per chartable table and the table itself, and its texts on request. */
function ItemCardView({
  item,
  k,
  decimals,
  scale,
  hidden,
  loadTexts,
}: {
  item: TItemSummary<TCell>;
  k: number;
  decimals: number;
  scale?: { min: number; max: number };
  /** Left out by the report's search (still printed). */
  hidden: boolean;
  loadTexts: TLoadTexts;
}) {
  const t = useTranslations("results");
  const tr = (key: string) => t(key as "count");
  const [texts, setTexts] = useState<string[] | null | undefined>(undefined);
  const showTexts = async () => {
    if (texts !== undefined) return setTexts(undefined);
    const res = await loadTexts(item.code);
    if (res.ok) setTexts(res.data.texts);
  };
  return (
    <section className={hidden ? "card results-item is-filtered" : "card results-item"} aria-labelledby={`item-${item.code}`} data-item={item.code}>
      <h3 id={`item-${item.code}`}>
        {item.code}. {item.title}
      </h3>
      {item.notes.map((n) => (
        <p key={n} className="hint">
          {tr(`note_${n}`)}
        </p>
      ))}
      {item.tables.map((table) => (
        <ChartBlock key={table.id} table={table} k={k} decimals={decimals} caption={`${item.code}: ${tr(table.kind)}`} scale={scale} />
      ))}
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

type TItemCardProps = Parameters<typeof ItemCardView>[0];

/**
 * Re-rendered only when its own figures or display change: a live update that moves one item's
 * numbers, or a keystroke in the search, leaves the other 57 charts alone.
 */
export const ItemCard = memo(
  ItemCardView,
  (a: TItemCardProps, b: TItemCardProps) => a.k === b.k && a.decimals === b.decimals && a.hidden === b.hidden && a.scale === b.scale && JSON.stringify(a.item) === JSON.stringify(b.item),
);
