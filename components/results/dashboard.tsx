"use client";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live";
import { formatCell } from "@/lib/aggregates/format";
import type { TCell, THeatmap, TSummary, TTable } from "@/lib/aggregates/types";
import { DataTable } from "./data-table";
import { ItemCard } from "./item-card";

export type TMetaItem = { code: string; type: string; title: string; crossTab: boolean; pairs: boolean };

type TCross = { k: number; item: string; title: string; table: TTable<TCell> } | null;

/**
 * The live results: the summary of every item, a cross-tab and the pair heatmap, all from the JSON
 * routes with the filters of the page's URL (`query`), fetched again whenever answers or responses
 * change in the study (server-sent events, coalesced).
 */
export function ResultsDashboard(props: {
  studyId: string;
  query: string;
  items: TMetaItem[];
  initialSummary: TSummary<TCell>;
  initialHeatmap: THeatmap<TCell>;
  initialCross: TCross;
}) {
  const t = useTranslations("results");
  const tl = useTranslations("live");
  const base = `/api/coordinator/studies/${props.studyId}`;
  const [summary, setSummary] = useState(props.initialSummary);
  const [heatmap, setHeatmap] = useState(props.initialHeatmap);
  const [failed, setFailed] = useState(false);
  const [updated, setUpdated] = useState<Date | null>(null);
  const crossItems = props.items.filter((i) => i.crossTab);
  const pairItems = props.items.filter((i) => i.pairs);
  const [pickers, setPickers] = useState({ crossItem: crossItems[0]?.code ?? "", crossBy: "country" as "country" | "group", pairItem: pairItems[0]?.code ?? "" });
  const current = useRef(pickers);
  const [cross, setCross] = useState<TCross>(props.initialCross);
  const latest = useRef(0);

  const withQuery = useCallback((path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(props.query);
    for (const [key, value] of Object.entries(extra)) if (value) q.set(key, value);
    const s = q.toString();
    return `${base}${path}${s ? `?${s}` : ""}`;
  }, [base, props.query]);

  const refetch = useCallback(async () => {
    const run = ++latest.current;
    const { pairItem, crossItem, crossBy } = current.current;
    try {
      const get = async <T,>(url: string): Promise<T> => {
        const res = await fetch(url, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        return (await res.json()) as T;
      };
      const [s, h, c] = await Promise.all([
        get<TSummary<TCell>>(withQuery("/aggregates")),
        pairItem ? get<{ heatmap: THeatmap<TCell> }>(withQuery("/aggregates/heatmap", { item: pairItem })) : Promise.resolve({ heatmap: null }),
        crossItem ? get<TCross>(withQuery("/aggregates/crosstab", { item: crossItem, by: crossBy })) : Promise.resolve(null),
      ]);
      if (run !== latest.current) return;
      setSummary(s);
      setHeatmap(h.heatmap);
      setCross(c);
      setFailed(false);
      setUpdated(new Date());
    } catch {
      if (run === latest.current) setFailed(true);
    }
  }, [withQuery]);

  const pick = (change: Partial<typeof pickers>) => {
    current.current = { ...current.current, ...change };
    setPickers(current.current);
    void refetch();
  };

  const status = useLiveEvents(props.studyId, ["answers", "responses"], () => void refetch());
  const k = summary.k;
  const maxMean = 10;

  return (
    <div className="stack">
      <p className="muted" role="status" data-live-status={status}>
        {tl(status)}
        {updated && ` · ${t("updated", { time: updated.toLocaleTimeString() })}`}
      </p>
      {failed && <p className="alert">{t("loadFailed")}</p>}
      <p data-testid="respondents">
        {t("respondents")}: <strong>{formatCell(summary.respondents, k)}</strong>
      </p>
      <p className="hint">{t("suppressionNote", { k })}</p>

      {summary.items.length === 0 && <p>{t("noItems")}</p>}
      {summary.items.map((item) => (
        <ItemCard key={item.code} item={item} k={k} textsUrl={(code) => withQuery("/aggregates/texts", { item: code })} />
      ))}

      {crossItems.length > 0 && (
        <section className="card" aria-labelledby="crosstab-title">
          <h2 id="crosstab-title">{t("crossTitle")}</h2>
          <div className="row-actions">
            <label>
              {t("crossItem")}{" "}
              <select value={pickers.crossItem} onChange={(e) => pick({ crossItem: e.target.value })}>
                {crossItems.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.code}. {i.title.slice(0, 80)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("crossBy")}{" "}
              <select value={pickers.crossBy} onChange={(e) => pick({ crossBy: e.target.value as "country" | "group" })}>
                <option value="country">{t("byCountry")}</option>
                <option value="group">{t("byGroup")}</option>
              </select>
            </label>
          </div>
          {cross && <DataTable table={cross.table} k={k} caption={`${cross.item}. ${cross.title}`} />}
          <p>
            <a className="button secondary" href={withQuery("/exports/aggregates.csv", { crossItem: pickers.crossItem, by: pickers.crossBy })} download>
              {t("exportCsvCross")}
            </a>
          </p>
        </section>
      )}

      {pairItems.length > 0 && heatmap && (
        <section className="card" aria-labelledby="heatmap-title">
          <h2 id="heatmap-title">{t("heatmapTitle")}</h2>
          {pairItems.length > 1 && (
            <label>
              {t("heatmapItem")}{" "}
              <select value={pickers.pairItem} onChange={(e) => pick({ pairItem: e.target.value })}>
                {pairItems.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.code}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="hint">{t("heatmapLegend")}</p>
          {heatmap.tables.map((table) => (
            <DataTable
              key={table.id}
              table={table}
              k={k}
              caption={`${heatmap.item}: ${t(table.kind as "pairs")}`}
              shade={table.kind.startsWith("heatmap") ? (c) => (c.v === null || c.suppressed ? undefined : `rgba(47, 111, 159, ${Math.min(0.75, 0.08 + (0.67 * c.v) / maxMean).toFixed(2)})`) : undefined}
            />
          ))}
        </section>
      )}
    </div>
  );
}
