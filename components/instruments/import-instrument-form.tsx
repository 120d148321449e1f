"use client";

import { api, type TInputOf } from "@/lib/api/client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ZImportInstrument } from "@/lib/instrument/schemas";

const ZForm = ZImportInstrument.pick({ studyId: true, name: true });
type TForm = z.input<typeof ZForm>;

/** A new instrument in a study from the JSON file the editor exports. */
export function ImportInstrumentForm({ studies }: { studies: Array<{ id: string; title: string }> }) {
  const t = useTranslations("instruments");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<TForm>({ resolver: zodResolver(ZForm), defaultValues: { studyId: studies[0]?.id, name: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    if (!file) {
      setFailure(t("fileRequired"));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setFailure(t("fileNotJson"));
      return;
    }
    // The file's content is whatever it holds: the server checks it against the instrument format.
    const content = parsed as TInputOf<"POST /api/coordinator/instruments/import">["body"]["file"];
    const res = await api("POST /api/coordinator/instruments/import", { body: { ...values, name: values.name || undefined, file: content } });
    if (!res.ok) {
      const problems = (res.error.details as { problems?: Array<{ path: string; message: string }> } | undefined)?.problems ?? [];
      setFailure([res.error.message ?? t("failed"), ...problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)].join(" "));
      return;
    }
    router.push(`/coordinator/instruments/${res.data.versionId}/edit`);
  });

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="import-instrument-title">
      <h3 id="import-instrument-title" style={{ margin: 0 }}>
        {t("importTitle")}
      </h3>
      {failure && (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="grid-2">
        <div>
          <label htmlFor="import-instrument-study">{t("study")}</label>
          <select id="import-instrument-study" {...register("studyId")}>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-instrument-file">{t("file")}</label>
          <input id="import-instrument-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div>
          <label htmlFor="import-instrument-name">{t("nameOptional")}</label>
          <input id="import-instrument-name" {...register("name")} />
        </div>
      </div>
      <div>
        <button type="submit" disabled={formState.isSubmitting || studies.length === 0}>
          {t("importCreate")}
        </button>
      </div>
    </form>
  );
}
