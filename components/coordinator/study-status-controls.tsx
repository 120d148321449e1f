"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";

/** The one next step of a study's lifecycle, as a button that asks for confirmation. */
export function StudyStatusControls({ studyId, next }: { studyId: string; next: "FIELDWORK" | "CLOSED" | "ARCHIVED" | null }) {
  const t = useTranslations("studies");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!next) return null;
  const move = async () => {
    if (!window.confirm(t(`confirm.${next}`))) return;
    setBusy(true);
    const res = await api("POST /api/coordinator/studies/[studyId]/status", { params: { studyId }, body: { to: next } });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message ?? common("unexpectedError"));
      return;
    }
    setError(null);
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
        <button type="button" onClick={move} disabled={busy}>
          {t(`move.${next}`)}
        </button>
      </div>
    </div>
  );
}
