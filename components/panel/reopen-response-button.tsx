"use client";

import { api } from "@/lib/api/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Reopens a submitted response so the expert can change it (audited by the server). */
export function ReopenResponseButton({ responseId }: { responseId: string }) {
  const t = useTranslations("coordinator");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setBusy(true);
    setError(null);
    const res = await api("POST /api/coordinator/responses/[responseId]/reopen", { params: { responseId } });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message ?? common("unexpectedError"));
      return;
    }
    router.refresh();
  };
  return (
    <div className="stack">
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="button" className="secondary" onClick={reopen} disabled={busy}>
          {t("reopen")}
        </button>
      </div>
    </div>
  );
}
