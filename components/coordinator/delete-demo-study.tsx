"use client";

import { api } from "@/lib/api/client";
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
    const res = await api("DELETE /api/coordinator/studies/[studyId]", { params: { studyId } });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message ?? common("unexpectedError"));
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
