"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

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
    const res = await fetch(`/api/coordinator/studies/${studyId}/status`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to: next }) });
    setBusy(false);
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? common("unexpectedError"));
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
