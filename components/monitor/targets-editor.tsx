"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";
import { EXPERT_GROUPS } from "@/lib/monitor/schemas";
import type { TCell } from "@/lib/monitor/service";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import { type TGroup, cellKey, useNames } from "./shared";

export function TargetsEditor({ studyId, cells, onSaved }: { studyId: string; cells: TCell[]; onSaved: () => Promise<void> }) {
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
