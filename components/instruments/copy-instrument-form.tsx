"use client";

import { api } from "@/lib/api/client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ZCopyInstrument } from "@/lib/instrument/schemas";

type TForm = z.input<typeof ZCopyInstrument>;

/** A new draft instrument in a study, copied from the latest version of an instrument of any study the coordinator runs. */
export function CopyInstrumentForm({
  studies,
  sources,
}: {
  studies: Array<{ id: string; title: string }>;
  sources: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations("instruments");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TForm>({ resolver: zodResolver(ZCopyInstrument), defaultValues: { studyId: studies[0]?.id, sourceInstrumentId: sources[0]?.id, name: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await api("POST /api/coordinator/instruments/copy", { body: values });
    if (!res.ok) {
      setFailure(res.error.message ?? t("failed"));
      return;
    }
    router.push(`/coordinator/instruments/${res.data.versionId}/edit`);
  });

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="copy-instrument-title">
      <h3 id="copy-instrument-title" style={{ margin: 0 }}>
        {t("copyTitle")}
      </h3>
      {failure && (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="grid-2">
        <div>
          <label htmlFor="copy-instrument-source">{t("copySource")}</label>
          <select id="copy-instrument-source" {...register("sourceInstrumentId")}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="copy-instrument-study">{t("copyTarget")}</label>
          <select id="copy-instrument-study" {...register("studyId")}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="copy-instrument-name">{t("name")}</label>
          <input id="copy-instrument-name" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "copy-instrument-name-error" : undefined} {...register("name")} />
          {errors.name && (
            <p id="copy-instrument-name-error" className="field-error">
              {t("nameRequired")}
            </p>
          )}
        </div>
      </div>
      <div>
        <button type="submit" disabled={isSubmitting || studies.length === 0 || sources.length === 0}>
          {t("copyCreate")}
        </button>
      </div>
    </form>
  );
}
