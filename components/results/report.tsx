"use client";
import { useLocale, useTranslations } from "next-intl";
import { Suspense, use, useCallback, useEffect, useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useLiveEvents } from "@/components/live/use-live";
import { api, apiHref, type TApiResult, type TInputOf } from "@/lib/api/client";
import { matchesSearch } from "@/lib/aggregates/display";
import { formatCell } from "@/lib/aggregates/format";
import type { TCell, THeatmap, TSummary, TTable } from "@/lib/aggregates/types";
import { DataTable } from "./data-table";
import { ItemCard, type TLoadTexts } from "./item-card";

export type TMetaItem = { code: string; type: string; title: string; section: string; scale?: { min: number; max: number }; crossTab: boolean; pairs: boolean };
export type TMetaSection = { code: string; title: string };
export type TCross = { k: number; item: string; title: string; table: TTable<TCell> } | null;

type TData = { summary: Promise<TSummary<TCell>>; heatmap: Promise<THeatmap<TCell>>; cross: Promise<TCross> };
type TFilterQuery = NonNullable<TInputOf<"GET /api/coordinator/studies/[studyId]/aggregates">["query"]>;
/** The page's own filters, as its URL has them (the server read them with the same schema). */
const pageFilters = (query: string) => Object.fromEntries(new URLSearchParams(query)) as TFilterQuery;
type TPickers = { crossItem: string; crossBy: "country" | "group"; pairItem: string };

const sectionId = (code: string) => `section-${code}`;
const KEY_FIGURES = ["funnel", "crosstab", "heatmap"] as const;

/**
 * The results as a report: contents with jump links (key figures first, then the questionnaire's
 * sections) above the page's filters (`controls`), a search by item code or words, collapsible
 * sections, printing of the whole report.
 * The server starts the queries and hands their promises over, so the contents show at once and each
 * part appears when its figures arrive (Suspense). Answers or responses changing in the study
 * (server-sent events) fetch the figures again from the JSON routes, with the filters of the page's
 * URL (`query`); the figures on screen stay until the new ones are in (a transition).
 */
export function ResultsReport(props: TData & { studyId: string; query: string; k: number; decimals: number; items: TMetaItem[]; sections: TMetaSection[]; controls: React.ReactNode; funnel: React.ReactNode }) {
  const t = useTranslations("results");
  const tl = useTranslations("live");
  const locale = useLocale();
  const crossItems = props.items.filter((i) => i.crossTab);
  const pairItems = props.items.filter((i) => i.pairs);
  const [failed, setFailed] = useState(false);
  const [updated, setUpdated] = useState<Date | null>(null);
  const initial: TData = { summary: props.summary, heatmap: props.heatmap, cross: props.cross };
  const data = useRef<TData>(initial);
  const [view, setView] = useState<TData>(initial);
  const [, startTransition] = useTransition();
  const firstPickers: TPickers = { crossItem: crossItems[0]?.code ?? "", crossBy: "country", pairItem: pairItems[0]?.code ?? "" };
  const pickers = useRef<TPickers>(firstPickers);
  const [picked, setPicked] = useState(firstPickers);

  /** The figures a request brings; should it fail, the ones shown before stay (and a note says so). */
  const load = useCallback(<T, R>(request: Promise<TApiResult<T>>, previous: Promise<R>, pickOut: (data: T) => R): Promise<R> => {
    return request.then((res) => {
      if (!res.ok) {
        setFailed(true);
        return previous;
      }
      setFailed(false);
      setUpdated(new Date());
      return pickOut(res.data);
    });
  }, []);

  const refresh = useCallback(
    (parts: ReadonlyArray<keyof TData>) => {
      const { pairItem, crossItem, crossBy } = pickers.current;
      const filters = pageFilters(props.query);
      const params = { studyId: props.studyId };
      const next = { ...data.current };
      if (parts.includes("summary")) next.summary = load(api("GET /api/coordinator/studies/[studyId]/aggregates", { params, query: filters }), data.current.summary, (d) => d);
      if (parts.includes("heatmap") && pairItem)
        next.heatmap = load(api("GET /api/coordinator/studies/[studyId]/aggregates/heatmap", { params, query: { ...filters, item: pairItem } }), data.current.heatmap, (d) => d.heatmap);
      if (parts.includes("cross") && crossItem)
        next.cross = load(api("GET /api/coordinator/studies/[studyId]/aggregates/crosstab", { params, query: { ...filters, item: crossItem, by: crossBy } }), data.current.cross, (d) => d);
      data.current = next;
      startTransition(() => setView(next));
    },
    [load, props.query, props.studyId],
  );

  const pick = (change: Partial<TPickers>) => {
    pickers.current = { ...pickers.current, ...change };
    setPicked(pickers.current);
    refresh(change.pairItem ? ["heatmap"] : ["cross"]);
  };

  const status = useLiveEvents(props.studyId, ["answers", "responses"], () => refresh(["summary", "heatmap", "cross"]));

  // Contents, search, collapsing and printing.
  const [search, setSearch] = useState("");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [printing, setPrinting] = useState(false);
  const forced = useRef(false);
  useEffect(() => {
    forced.current = printing || search.trim() !== "";
  }, [printing, search]);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  const matching = new Set(props.items.filter((i) => matchesSearch(i, search)).map((i) => i.code));
  const searching = search.trim() !== "" && !printing;
  const hasMatch = (section: string) => props.items.some((i) => i.section === section && matching.has(i.code));
  const isOpen = (id: string) => printing || (searching && hasMatch(id)) || !collapsed.has(id);
  const disclosure = (id: string) => ({
    open: isOpen(id),
    onToggle: (e: React.SyntheticEvent<HTMLDetailsElement>) => {
      if (forced.current) return;
      const open = e.currentTarget.open;
      setCollapsed((prev) => {
        if (open === !prev.has(id)) return prev;
        const next = new Set(prev);
        if (open) next.delete(id);
        else next.add(id);
        return next;
      });
    },
  });
  const expand = (id: string) => setCollapsed((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : prev));
  const all = [...KEY_FIGURES, ...props.sections.map((s) => s.code)];
  const countIn = (section: string) => props.items.filter((i) => i.section === section).length;
  const keyFigures = [
    { id: "funnel", title: t("funnelTitle") },
    ...(crossItems.length > 0 ? [{ id: "crosstab", title: t("crossTitle") }] : []),
    ...(pairItems.length > 0 ? [{ id: "heatmap", title: t("heatmapTitle") }] : []),
  ];
  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };

  return (
    <div className="results-report">

      <nav className="card results-contents no-print" aria-labelledby="results-contents-title">
        <h2 id="results-contents-title">{t("contents")}</h2>
        <div className="results-contents-lists">
          <div>
            <h3>{t("keyFigures")}</h3>
            <ul>
              {keyFigures.map((f) => (
                <li key={f.id}>
                  <a href={`#${f.id}`} onClick={() => expand(f.id)}>
                    {f.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t("sections")}</h3>
            <ol>
              {props.sections.map((s) => (
                <li key={s.code} className={searching && !hasMatch(s.code) ? "is-filtered" : undefined}>
                  <a href={`#${sectionId(s.code)}`} onClick={() => expand(s.code)}>
                    {s.title}
                  </a>{" "}
                  <span className="muted">({t("itemCount", { n: countIn(s.code) })})</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
        <div className="results-contents-tools">
          <label className="results-search">
            {t("search")}
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("searchPlaceholder")} />
          </label>
          <p role="status" className="muted" data-testid="search-status">
            {searching ? t("searchMatches", { n: matching.size }) : ""}
          </p>
          <p className="row-actions">
            <button type="button" className="button secondary" onClick={() => setCollapsed(new Set())}>
              {t("expandAll")}
            </button>
            <button type="button" className="button secondary" onClick={() => setCollapsed(new Set(all))}>
              {t("collapseAll")}
            </button>
            <button type="button" className="button secondary" onClick={print}>
              {t("print")}
            </button>
          </p>
        </div>
      </nav>

      {props.controls}
      <p className="muted no-print" role="status" data-live-status={status}>
        {tl(status)}
        {updated && ` · ${t("updated", { time: updated.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}`}
      </p>
      {failed && <p className="alert">{t("loadFailed")}</p>}

      <details id="funnel" className="results-section" {...disclosure("funnel")}>
        <summary>
          <h2>{t("funnelTitle")}</h2>
        </summary>
        {props.funnel}
      </details>

      {crossItems.length > 0 && (
        <details id="crosstab" className="results-section" {...disclosure("crosstab")}>
          <summary>
            <h2 id="crosstab-title">{t("crossTitle")}</h2>
          </summary>
          <div className="card">
            <div className="row-actions no-print">
              <label>
                {t("crossItem")}{" "}
                <select value={picked.crossItem} onChange={(e) => pick({ crossItem: e.target.value })}>
                  {crossItems.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code}. {i.title.slice(0, 80)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("crossBy")}{" "}
                <select value={picked.crossBy} onChange={(e) => pick({ crossBy: e.target.value as "country" | "group" })}>
                  <option value="country">{t("byCountry")}</option>
                  <option value="group">{t("byGroup")}</option>
                </select>
              </label>
            </div>
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <CrossTab promise={view.cross} k={props.k} decimals={props.decimals} />
            </Suspense>
            <p className="no-print">
              <a className="button secondary" href={apiHref("GET /api/coordinator/studies/[studyId]/exports/aggregates.csv", { params: { studyId: props.studyId }, query: { ...pageFilters(props.query), crossItem: picked.crossItem, by: picked.crossBy } })} download>
                {t("exportCsvCross")}
              </a>
            </p>
          </div>
        </details>
      )}

      {pairItems.length > 0 && (
        <details id="heatmap" className="results-section" {...disclosure("heatmap")}>
          <summary>
            <h2 id="heatmap-title">{t("heatmapTitle")}</h2>
          </summary>
          <div className="card">
            {pairItems.length > 1 && (
              <label className="no-print">
                {t("heatmapItem")}{" "}
                <select value={picked.pairItem} onChange={(e) => pick({ pairItem: e.target.value })}>
                  {pairItems.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p className="hint">{t("heatmapLegend")}</p>
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <Heatmap promise={view.heatmap} k={props.k} decimals={props.decimals} />
            </Suspense>
          </div>
        </details>
      )}

      <Suspense fallback={<p className="muted">{t("loading")}</p>}>
        <Respondents promise={view.summary} />
      </Suspense>
      {props.sections.length === 0 && <p>{t("noItems")}</p>}
      {props.sections.map((s) => (
        <details key={s.code} id={sectionId(s.code)} className={searching && !hasMatch(s.code) ? "results-section is-filtered" : "results-section"} {...disclosure(s.code)}>
          <summary>
            <h2>{s.title}</h2> <span className="muted">({t("itemCount", { n: countIn(s.code) })})</span>
          </summary>
          <Suspense fallback={<p className="muted">{t("loading")}</p>}>
            <SectionItems
              promise={view.summary}
              codes={props.items.filter((i) => i.section === s.code)}
              matching={searching ? matching : null}
              decimals={props.decimals}
              loadTexts={(code) => api("GET /api/coordinator/studies/[studyId]/aggregates/texts", { params: { studyId: props.studyId }, query: { ...pageFilters(props.query), item: code } })}
            />
          </Suspense>
          <p className="no-print">
            <a href="#results-contents-title">{t("backToContents")}</a>
          </p>
        </details>
      ))}
    </div>
  );
}

function Respondents({ promise }: { promise: Promise<TSummary<TCell>> }) {
  const t = useTranslations("results");
  const summary = use(promise);
  return (
    <>
      <p data-testid="respondents">
        {t("respondents")}: <strong>{formatCell(summary.respondents, summary.k)}</strong>
      </p>
      <p className="hint">{t("suppressionNote", { k: summary.k })}</p>
    </>
  );
}

function SectionItems({ promise, codes, matching, decimals, loadTexts }: { promise: Promise<TSummary<TCell>>; codes: TMetaItem[]; matching: ReadonlySet<string> | null; decimals: number; loadTexts: TLoadTexts }) {
  const summary = use(promise);
  const byCode = new Map(summary.items.map((i) => [i.code, i]));
  return (
    <div className="stack">
      {codes.map((meta) => {
        const item = byCode.get(meta.code);
        return item ? <ItemCard key={item.code} item={item} k={summary.k} decimals={decimals} scale={meta.scale} hidden={matching !== null && !matching.has(item.code)} loadTexts={loadTexts} /> : null;
      })}
    </div>
  );
}

function CrossTab({ promise, k, decimals }: { promise: Promise<TCross>; k: number; decimals: number }) {
  const cross = use(promise);
  return cross ? <DataTable table={cross.table} k={cross.k ?? k} decimals={decimals} caption={`${cross.item}. ${cross.title}`} /> : null;
}

function Heatmap({ promise, k, decimals }: { promise: Promise<THeatmap<TCell>>; k: number; decimals: number }) {
  const t = useTranslations("results");
  const heatmap = use(promise);
  if (!heatmap) return null;
  const maxMean = 10;
  return (
    <>
      {heatmap.tables.map((table) => (
        <DataTable
          key={table.id}
          table={table}
          k={k}
          decimals={decimals}
          caption={`${heatmap.item}: ${t(table.kind as "pairs")}`}
          shade={table.kind.startsWith("heatmap") ? (c) => (c.v === null || c.suppressed ? undefined : `rgba(47, 111, 159, ${Math.min(0.75, 0.08 + (0.67 * c.v) / maxMean).toFixed(2)})`) : undefined}
        />
      ))}
    </>
  );
}
