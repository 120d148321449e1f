"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { VETTING_CRITERIA, type TVettingChecklist } from "@/lib/panel/vetting";
import { api } from "@/lib/api/client";
import { languageOf } from "@/lib/i18n/config";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

/** The study's vetting criteria as a checklist with a note each, and the vetted/rejected decision. */
export function VettingForm({ expertId, initial, canDecide }: { expertId: string; initial: TVettingChecklist; canDecide: boolean }) {
  const t = useTranslations("panel");
  const common = useTranslations("common");
  const lang = languageOf(useLocale());
  const router = useRouter();
  const [checklist, setChecklist] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TOutcome | null>(null);

  const submit = async (decision?: "VETTED" | "REJECTED") => {
    setBusy(true);
    setMessage(null);
    const result = await api("PUT /api/coordinator/experts/[id]/vetting", { params: { id: expertId }, body: { checklist, decision } });
    setBusy(false);
    setMessage(result.ok ? { kind: "success", text: t("saved") } : { kind: "error", text: result.error.message ?? common("unexpectedError") });
    if (result.ok) router.refresh();
  };

  return (
    <div className="stack">
      {VETTING_CRITERIA.map((c) => (
        <fieldset key={c.key} className="pn-criterion" data-testid={`criterion-${c.key}`}>
          <legend>{c.label[lang]}</legend>
          <label className="pn-check">
            <input
              type="checkbox"
              checked={checklist[c.key].met}
              onChange={(e) => setChecklist({ ...checklist, [c.key]: { ...checklist[c.key], met: e.target.checked } })}
            />
            {t("criterionMet")}
          </label>
          <div>
            <label htmlFor={`note-${c.key}`}>{t("criterionNote")}</label>
            <textarea
              id={`note-${c.key}`}
              rows={2}
              maxLength={1000}
              value={checklist[c.key].note}
              onChange={(e) => setChecklist({ ...checklist, [c.key]: { ...checklist[c.key], note: e.target.value } })}
            />
          </div>
        </fieldset>
      ))}
      <OutcomeAlert outcome={message} />
      <div className="row-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => submit()}>
          {t("saveChecklist")}
        </button>
        {canDecide && (
          <>
            <button type="button" disabled={busy} onClick={() => submit("VETTED")}>
              {t("markVetted")}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => submit("REJECTED")}>
              {t("markRejected")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
