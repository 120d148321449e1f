"use client";
import { api } from "@/lib/api/client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Coordinators set how many decimals the study's percentages show (PUT, checked and audited on the server). */
export function DecimalsForm({ studyId, decimals }: { studyId: string; decimals: number }) {
  const t = useTranslations("results");
  const router = useRouter();
  const [value, setValue] = useState(String(decimals));
  const [message, setMessage] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await api("PUT /api/coordinator/studies/[studyId]/decimals", { params: { studyId }, body: { decimals: Number(value) } });
    setMessage(res.ok ? t("decimalsSaved", { n: Number(value) }) : t("saveFailed"));
    if (res.ok) router.refresh();
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="row-actions results-fieldset">
        <legend>{t("decimalsTitle")}</legend>
        <label>
          {t("decimals")}{" "}
          <select name="decimals" value={value} onChange={(e) => setValue(e.target.value)}>
            {[0, 1, 2].map((d) => (
              <option key={d} value={d}>
                {t("decimalsN", { n: d })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary">
          {t("decimalsSave")}
        </button>
        <span role="status">{message}</span>
      </fieldset>
    </form>
  );
}
