"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";

/** Coordinators set the study's suppression threshold k (PUT, audited on the server). */
export function SuppressionForm({ studyId, k }: { studyId: string; k: number }) {
  const t = useTranslations("results");
  const router = useRouter();
  const [value, setValue] = useState(String(k));
  const [message, setMessage] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await api("PUT /api/coordinator/studies/[studyId]/suppression", { params: { studyId }, body: { k: Number(value) } });
    setMessage(res.ok ? t("suppressionSaved", { k: Number(value) }) : t("saveFailed"));
    if (res.ok) router.refresh();
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="row-actions results-fieldset">
        <legend>{t("suppressionTitle")}</legend>
      <label>
        {t("suppressionLabel")}{" "}
        <input type="number" name="k" min={1} max={100} required value={value} onChange={(e) => setValue(e.target.value)} style={{ width: "5rem" }} />
      </label>
      <button type="submit" className="button secondary">
        {t("suppressionSave")}
      </button>
      <span role="status">{message}</span>
      </fieldset>
    </form>
  );
}
