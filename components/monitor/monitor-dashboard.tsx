"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { formatDuration, LocalTime } from "@/components/interview/local-time";
import { useLiveEvents } from "@/components/live/use-live";
import { api } from "@/lib/api/client";
import type { TText } from "@/lib/instrument/text";
import { EXPERT_GROUPS } from "@/lib/monitor/schemas";
import type { TActivityRow, TCell, TMonitor } from "@/lib/monitor/service";
import { EAEU_COUNTRIES } from "@/lib/study/countries";

type TGroup = (typeof EXPERT_GROUPS)[number];
const cellKey = (country: string, group: string) => `${country}:${group}`;

/** A table that may scroll sideways: focusable, so keyboard users can scroll it too. */
function TableWrap({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

function usePercent() {
  const locale = useLocale();
  const format = useMemo(() => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }), [locale]);
  return (value: number | null) => (value === null ? "—" : format.format(value));
}

function useNames() {
  const common = useTranslations("common");
  return {
    country: (code: string) => (common.has(`countries.${code}`) ? common(`countries.${code}` as "countries.RU") : code),
    group: (group: string) => common(`groups.${group}` as "groups.SCIENTIST"),
  };
}

/**
 * The monitoring page's numbers. They come from one JSON route and are fetched again whenever the
 * study's panel or responses change (server-sent events), so they stay current without a reload.
 */
export function MonitorDashboard({ studyId, initial }: { studyId: string; initial: TMonitor }) {
  const t = useTranslations("monitor");
  const live = useTranslations("live");
  const [data, setData] = useState(initial);
  const [failed, setFailed] = useState(false);

  const refetch = useCallback(async () => {
    const res = await api("GET /api/coordinator/studies/[studyId]/monitor", { params: { studyId } });
    if (res.ok) setData(res.data);
    setFailed(!res.ok);
  }, [studyId]);
  const status = useLiveEvents(studyId, ["panel", "responses", "answers"], () => void refetch());

  return (
    <div className="stack">
      <p className="muted" role="status" data-live-status={status}>
        {live(status)} · {t("updated")} <LocalTime iso={data.generatedAt} style="time" />
      </p>
      {failed && (
        <p className="alert error" role="alert">
          {t("loadFailed")}
        </p>
      )}
      <Funnel data={data} />
      <TargetGrid cells={data.cells} />
      <CellTable cells={data.cells} />
      <TargetsEditor studyId={studyId} cells={data.cells} onSaved={refetch} />
      <Completion data={data} />
      <Activity rows={data.activity} />
    </div>
  );
}

function Funnel({ data }: { data: TMonitor }) {
  const t = useTranslations("monitor");
  const percent = usePercent();
  return (
    <section aria-labelledby="monitor-funnel">
      <h2 id="monitor-funnel">{t("funnelTitle")}</h2>
      <TableWrap labelledBy="monitor-funnel">
        <table data-testid="funnel">
          <caption className="muted">{t("funnelCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stage")}</th>
              <th scope="col">{t("count")}</th>
              <th scope="col">{t("ofNominated")}</th>
              <th scope="col">{t("fromPrevious")}</th>
            </tr>
          </thead>
          <tbody>
            {data.overall.stages.map((s) => (
              <tr key={s.stage} data-testid={`funnel-${s.stage}`}>
                <th scope="row">{t(`stages.${s.stage}`)}</th>
                <td data-testid={`funnel-${s.stage}-count`}>{s.count}</td>
                <td>{percent(s.ofNominated)}</td>
                <td>{percent(s.fromPrevious)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">{t("outside", { declined: data.overall.declined, withdrawn: data.overall.withdrawn, rejected: data.overall.rejected })}</p>
    </section>
  );
}

function TargetGrid({ cells }: { cells: TCell[] }) {
  const t = useTranslations("monitor");
  const names = useNames();
  const byKey = new Map(cells.map((c) => [cellKey(c.country, c.expertGroup), c]));
  const countries = [...new Set(cells.map((c) => c.country))];
  if (countries.length === 0) return null;
  return (
    <section aria-labelledby="monitor-grid">
      <h2 id="monitor-grid">{t("gridTitle")}</h2>
      <TableWrap labelledBy="monitor-grid">
        <table>
          <caption className="muted">{t("gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              {EXPERT_GROUPS.map((g) => (
                <th key={g} scope="col">
                  {names.group(g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {countries.map((country) => (
              <tr key={country}>
                <th scope="row">{names.country(country)}</th>
                {EXPERT_GROUPS.map((g) => {
                  const c = byKey.get(cellKey(country, g));
                  return (
                    <td key={g} data-testid={`grid-${country}-${g}`}>
                      {!c
                        ? t("emptyCell")
                        : c.target
                          ? t("progressCell", { completed: c.completed, target: c.target, started: c.started })
                          : t("noTargetCell", { completed: c.completed, started: c.started })}
                      {c?.progress != null && <progress max={1} value={Math.min(1, c.progress)} aria-hidden="true" style={{ display: "block", width: "100%" }} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function CellTable({ cells }: { cells: TCell[] }) {
  const t = useTranslations("monitor");
  const names = useNames();
  const percent = usePercent();
  const stages = cells[0]?.stages.map((s) => s.stage) ?? [];
  return (
    <section aria-labelledby="monitor-cells">
      <h2 id="monitor-cells">{t("cellsTitle")}</h2>
      {cells.length === 0 ? (
        <p className="muted">{t("noCells")}</p>
      ) : (
        <TableWrap labelledBy="monitor-cells">
          <table>
            <caption className="muted">{t("cellsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("country")}</th>
                <th scope="col">{t("group")}</th>
                {stages.map((s) => (
                  <th key={s} scope="col">
                    {t(`stages.${s}`)}
                  </th>
                ))}
                <th scope="col">{t("declined")}</th>
                <th scope="col">{t("withdrawn")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("progress")}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={cellKey(c.country, c.expertGroup)} data-testid={`cell-${c.country}-${c.expertGroup}`}>
                  <th scope="row">{names.country(c.country)}</th>
                  <td>{names.group(c.expertGroup)}</td>
                  {c.stages.map((s) => (
                    <td key={s.stage} data-testid={`cell-${c.country}-${c.expertGroup}-${s.stage}`}>
                      {s.count} <span className="muted">({percent(s.ofNominated)})</span>
                    </td>
                  ))}
                  <td>{c.declined}</td>
                  <td>{c.withdrawn}</td>
                  <td>{c.target ?? "—"}</td>
                  <td>{percent(c.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function TargetsEditor({ studyId, cells, onSaved }: { studyId: string; cells: TCell[]; onSaved: () => Promise<void> }) {
  const t = useTranslations("monitor");
  const names = useNames();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<{ country: string; group: TGroup; target: string }>({ country: EAEU_COUNTRIES[0], group: EXPERT_GROUPS[0], target: "" });
  const [state, setState] = useState<{ kind: "idle" | "busy" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const targets = Object.entries(draft).map(([key, value]) => {
      const [country, expertGroup] = key.split(":") as [string, TGroup];
      return { country, expertGroup, target: value.trim() === "" ? 0 : Number(value) };
    });
    if (extra.target.trim() !== "") targets.push({ country: extra.country, expertGroup: extra.group, target: Number(extra.target) });
    if (targets.length === 0) return;
    setState({ kind: "busy" });
    const res = await api("PUT /api/coordinator/studies/[studyId]/targets", { params: { studyId }, body: { targets } });
    if (!res.ok) {
      const details = res.error.fields.map((d) => `${d.path}: ${d.message}`).join("; ");
      setState({ kind: "error", message: details || res.error.message || String(res.error.status) });
      return;
    }
    setDraft({});
    setExtra((x) => ({ ...x, target: "" }));
    setState({ kind: "saved" });
    await onSaved();
  };

  return (
    <section aria-labelledby="monitor-targets">
      <h2 id="monitor-targets">{t("targetsTitle")}</h2>
      <p className="muted">{t("targetsLead")}</p>
      <form onSubmit={save} className="card stack">
        <div className="grid-2">
          {cells.map((c) => {
            const key = cellKey(c.country, c.expertGroup);
            const id = `target-${c.country}-${c.expertGroup}`;
            return (
              <div key={key}>
                <label htmlFor={id}>{t("targetFor", { country: names.country(c.country), group: names.group(c.expertGroup) })}</label>
                <input
                  id={id}
                  type="number"
                  min={0}
                  max={100000}
                  inputMode="numeric"
                  value={draft[key] ?? (c.target === null ? "" : String(c.target))}
                  onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
                />
              </div>
            );
          })}
        </div>
        <fieldset className="grid-2" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, margin: "0.5rem 0" }}>{t("addCell")}</legend>
          <div>
            <label htmlFor="target-new-country">{t("country")}</label>
            <select id="target-new-country" value={extra.country} onChange={(e) => setExtra((x) => ({ ...x, country: e.target.value }))}>
              {EAEU_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {names.country(c)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="target-new-group">{t("group")}</label>
            <select id="target-new-group" value={extra.group} onChange={(e) => setExtra((x) => ({ ...x, group: e.target.value as TGroup }))}>
              {EXPERT_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {names.group(g)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="target-new-value">{t("target")}</label>
            <input id="target-new-value" type="number" min={0} max={100000} inputMode="numeric" value={extra.target} onChange={(e) => setExtra((x) => ({ ...x, target: e.target.value }))} />
          </div>
        </fieldset>
        <div className="row-actions">
          <button type="submit" disabled={state.kind === "busy"}>
            {state.kind === "busy" ? t("saving") : t("saveTargets")}
          </button>
        </div>
        <div aria-live="polite">
          {state.kind === "saved" && <p className="alert success">{t("saved")}</p>}
          {state.kind === "error" && <p className="alert error">{t("saveFailed", { message: state.message })}</p>}
        </div>
      </form>
    </section>
  );
}

const sectionTitle = (title: TText | null, code: string, locale: string) => (title ? (locale === "en" ? title.en : title.ru) || code : code);

function Completion({ data }: { data: TMonitor }) {
  const t = useTranslations("monitor");
  const locale = useLocale();
  const { sections, beforeFirstAnswer } = data.dropOff;
  return (
    <section aria-labelledby="monitor-time">
      <h2 id="monitor-time">{t("timeTitle")}</h2>
      <p data-testid="median-time">
        {data.completion.medianSeconds === null ? t("noMedian") : t("medianTime", { time: formatDuration(data.completion.medianSeconds), n: data.completion.submitted })}
      </p>
      <h2 id="monitor-dropoff">{t("dropOffTitle")}</h2>
      {sections.length === 0 && beforeFirstAnswer === 0 ? (
        <p className="muted">{t("noDropOff")}</p>
      ) : (
        <TableWrap labelledBy="monitor-dropoff">
          <table>
            <caption className="muted">{t("dropOffCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("section")}</th>
                <th scope="col">{t("responses")}</th>
              </tr>
            </thead>
            <tbody>
              {beforeFirstAnswer > 0 && (
                <tr>
                  <th scope="row">{t("beforeFirstAnswer")}</th>
                  <td>{beforeFirstAnswer}</td>
                </tr>
              )}
              {sections.map((s) => (
                <tr key={s.sectionCode} data-testid={`dropoff-${s.sectionCode}`}>
                  <th scope="row">
                    {s.sectionCode} · {sectionTitle(s.title, s.sectionCode, locale)}
                  </th>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

type TSortKey = "pseudonym" | "country" | "expertGroup" | "status" | "linkOpenedAt" | "startedAt" | "submittedAt" | "lastActivityAt";

function Activity({ rows }: { rows: TActivityRow[] }) {
  const t = useTranslations("monitor");
  const common = useTranslations("common");
  const names = useNames();
  const [sort, setSort] = useState<{ key: TSortKey; dir: 1 | -1 }>({ key: "lastActivityAt", dir: -1 });
  const sorted = useMemo(() => {
    const value = (r: TActivityRow) => r[sort.key];
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      // Empty values go last in either direction.
      if (x === null || y === null) return x === y ? a.pseudonym - b.pseudonym : x === null ? 1 : -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return order * sort.dir || a.pseudonym - b.pseudonym;
    });
  }, [rows, sort]);
  const columns: Array<[TSortKey, string]> = [
    ["pseudonym", t("expert")],
    ["country", t("country")],
    ["expertGroup", t("group")],
    ["status", t("status")],
    ["linkOpenedAt", t("linkOpened")],
    ["startedAt", t("startedAt")],
    ["submittedAt", t("submittedAt")],
    ["lastActivityAt", t("lastActivity")],
  ];
  const time = (iso: string | null) => (iso ? <LocalTime iso={iso} /> : t("never"));
  return (
    <section aria-labelledby="monitor-activity">
      <h2 id="monitor-activity">{t("activityTitle")}</h2>
      <TableWrap labelledBy="monitor-activity">
        <table>
          <caption className="muted">{t("activityCaption")}</caption>
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                  <button
                    type="button"
                    className="secondary"
                    style={{ padding: "0.1rem 0.4rem", fontSize: "0.9rem" }}
                    onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : key.endsWith("At") ? -1 : 1 }))}
                  >
                    {label}
                    {sort.key === key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.expertId} data-testid={`activity-${r.pseudonym}`}>
                <th scope="row">{common("expertPseudonym", { n: r.pseudonym })}</th>
                <td>{names.country(r.country)}</td>
                <td>{names.group(r.expertGroup)}</td>
                <td>{t(`statuses.${r.status}`)}</td>
                <td>{time(r.linkOpenedAt)}</td>
                <td>{time(r.startedAt)}</td>
                <td>{time(r.submittedAt)}</td>
                <td>{time(r.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
