"use client";

import { useTranslations } from "next-intl";
import { useApiAction } from "@/components/forms/use-api-action";
import { api } from "@/lib/api/client";

/** Opens a planned round or closes an open one, after a confirmation. */
export function RoundActions({ studyId, waveId, status }: { studyId: string; waveId: string; status: "PLANNED" | "OPEN" | "CLOSED" }) {
  const t = useTranslations("rounds");
  const { run, busy, error } = useApiAction();
  if (status === "CLOSED") return null;
  const action = status === "PLANNED" ? "open" : "close";
  const call = () => api("POST /api/coordinator/studies/[studyId]/rounds/[waveId]", { params: { studyId, waveId }, body: { action } });
  return (
    <>
      <button type="button" className="secondary" onClick={() => run(call, { confirm: t(action === "open" ? "confirmOpen" : "confirmClose") })} disabled={busy} data-testid={`round-${action}`}>
        {t(action)}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
