"use client";

import { api, type TApiResult } from "@/lib/api/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export type TWaveRow = { id: string; number: number; kind: "WAVE" | "DELPHI_ROUND"; status: "PLANNED" | "OPEN" | "CLOSED"; closesAt: string | null };

/**
 * A questionnaire's waves (rounds) on the instruments page: each with its status and closing date, a
 * button to close the open one, and a form to open the next wave (all items, the whole panel, an
 * optional closing date). Opening wave N+1 closes wave N (lib/instrument/wave-admin.ts).
 */
export function WaveControls({ instrumentId, waves, published }: { instrumentId: string; waves: TWaveRow[]; published: boolean }) {
  const t = useTranslations("instruments");
  const common = useTranslations("common");
  const router = useRouter();
  const dateId = useId();
  const [closesOn, setClosesOn] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = (waves.at(-1)?.number ?? 0) + 1;

  const post = async (call: () => Promise<TApiResult<unknown>>) => {
    setBusy(true);
    const res = await call();
    setBusy(false);
    if (!res.ok) {
      setError(res.error.fields[0]?.message ?? res.error.message ?? common("unexpectedError"));
      return;
    }
    setError(null);
    setClosesOn("");
    router.refresh();
  };
  const open = () => {
    if (!window.confirm(t("waveConfirmOpen", { n: next }))) return;
    // The closing date is the end of that day, UTC.
    const body = { kind: "WAVE" as const, audience: "PANEL" as const, ...(closesOn ? { closesAt: `${closesOn}T23:59:59Z` } : {}) };
    void post(() => api("POST /api/coordinator/instruments/[instrumentId]/waves", { params: { instrumentId }, body }));
  };
  const close = (w: TWaveRow) => {
    if (!window.confirm(t("waveConfirmClose", { n: w.number }))) return;
    void post(() => api("POST /api/coordinator/waves/[waveId]/close", { params: { waveId: w.id } }));
  };

  return (
    <div className="stack" data-testid="waves">
      <h3 style={{ margin: 0 }}>{t("wavesTitle")}</h3>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {waves.map((w) => (
          <li key={w.id} data-testid={`wave-${w.number}`}>
            {w.kind === "DELPHI_ROUND" ? common("roundN", { n: w.number }) : common("waveN", { n: w.number })} · {t(`waveStatus.${w.status}`)}
            {w.closesAt ? ` · ${t("waveClosesAt", { date: w.closesAt.slice(0, 10) })}` : ""}{" "}
            {w.status === "OPEN" && (
              <button type="button" className="secondary" onClick={() => close(w)} disabled={busy}>
                {t("waveClose", { n: w.number })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {published && (
        <div className="row-actions" style={{ alignItems: "end" }}>
          <div>
            <label htmlFor={dateId}>{t("waveClosingDate")}</label>
            <input id={dateId} type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
          </div>
          <button type="button" onClick={open} disabled={busy}>
            {t("waveOpen", { n: next })}
          </button>
        </div>
      )}
    </div>
  );
}
