"use client";

import { api } from "@/lib/api/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Opens a planned round or closes an open one, after a confirmation. */
export function RoundActions({ studyId, waveId, status }: { studyId: string; waveId: string; status: "PLANNED" | "OPEN" | "CLOSED" }) {
  const t = useTranslations("rounds");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (status === "CLOSED") return null;
  const action = status === "PLANNED" ? "open" : "close";
  const run = async () => {
    if (!window.confirm(t(action === "open" ? "confirmOpen" : "confirmClose"))) return;
    setBusy(true);
    const res = await api("POST /api/coordinator/studies/[studyId]/rounds/[waveId]", { params: { studyId, waveId }, body: { action } });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message ?? common("unexpectedError"));
      return;
    }
    setError(null);
    router.refresh();
  };
  return (
    <>
      <button type="button" className="secondary" onClick={run} disabled={busy} data-testid={`round-${action}`}>
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
