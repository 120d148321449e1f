"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Deletes the demo study and everything in it, after a confirmation; then back to the list of studies. */
export function DeleteDemoStudy({ studyId }: { studyId: string }) {
  const t = useTranslations("studies");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(t("deleteDemo.confirm"))) return;
    setBusy(true);
    const res = await fetch(`/api/coordinator/studies/${studyId}`, { method: "DELETE" });
    setBusy(false);
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? common("unexpectedError"));
      return;
    }
    router.push("/coordinator");
    router.refresh();
  };
  return (
    <div className="card stack">
      <p className="muted" style={{ margin: 0 }}>
        {t("deleteDemo.lead")}
      </p>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="button" className="secondary" onClick={remove} disabled={busy}>
          {t("deleteDemo.button")}
        </button>
      </div>
    </div>
  );
}
