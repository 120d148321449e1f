"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { api } from "@/lib/api/client";
import { ZCreateInstrument } from "@/lib/instrument/schemas";

type TForm = z.input<typeof ZCreateInstrument>;

export function NewInstrumentForm({ studies }: { studies: Array<{ id: string; title: string }> }) {
  const t = useTranslations("instruments");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TForm>({ resolver: zodResolver(ZCreateInstrument), defaultValues: { studyId: studies[0]?.id, kind: "questionnaire", name: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await api("POST /api/coordinator/instruments", { body: values });
    if (!res.ok) {
      setFailure(res.error.message ?? t("failed"));
      return;
    }
    router.push(`/coordinator/instruments/${res.data.versionId}/edit`);
  });

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate>
      {failure && (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="grid-2">
        <div>
          <label htmlFor="new-instrument-study">{t("study")}</label>
          <select id="new-instrument-study" {...register("studyId")}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="new-instrument-kind">{t("kindLabel")}</label>
          <select id="new-instrument-kind" {...register("kind")}>
            <option value="questionnaire">{t("kind.QUESTIONNAIRE")}</option>
            <option value="guide">{t("kind.GUIDE")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="new-instrument-name">{t("name")}</label>
          <input id="new-instrument-name" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "new-instrument-name-error" : undefined} {...register("name")} />
          {errors.name && (
            <p id="new-instrument-name-error" className="field-error">
              {t("nameRequired")}
            </p>
          )}
        </div>
      </div>
      <div>
        <button type="submit" disabled={isSubmitting || studies.length === 0}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}
