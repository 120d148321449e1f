"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { api, type TInputOf } from "@/lib/api/client";
import { ZImportInstrument } from "@/lib/instrument/schemas";
import { InstrumentForm } from "./instrument-form";
import { useStartInstrument } from "./use-start-instrument";

const ZForm = ZImportInstrument.pick({ studyId: true, name: true });

/** The first problems the server found in the file, after its message. */
function withProblems(message: string, details: unknown): string {
  const problems = (details as { problems?: Array<{ path: string; message: string }> } | undefined)?.problems ?? [];
  return [message, ...problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)].join(" ");
}

/** A new instrument in a study from the JSON file the editor exports. */
export function ImportInstrumentForm({ studies }: { studies: Array<{ id: string; title: string }> }) {
  const t = useTranslations("instruments");
  const [file, setFile] = useState<File | null>(null);
  const { form, failure, setFailure, finish } = useStartInstrument(ZForm, { studyId: studies[0]?.id, name: "" });

  const onSubmit = form.handleSubmit(async (values) => {
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
    const result = await api("POST /api/coordinator/instruments/import", { body: { ...values, name: values.name || undefined, file: content } });
    finish(result, (message, error) => withProblems(message, error.details));
  });

  return (
    <InstrumentForm
      id="import-instrument"
      title={t("importTitle")}
      failure={failure}
      onSubmit={onSubmit}
      submitLabel={t("importCreate")}
      submitDisabled={form.formState.isSubmitting || studies.length === 0}
    >
      <SelectField id="import-instrument-study" label={t("study")} options={studies.map((s) => ({ value: s.id, label: s.title }))} select={form.register("studyId")} />
      <TextField
        id="import-instrument-file"
        label={t("file")}
        input={{ type: "file", accept: "application/json,.json", onChange: (e) => setFile(e.target.files?.[0] ?? null) }}
      />
      <TextField id="import-instrument-name" label={t("nameOptional")} input={form.register("name")} />
    </InstrumentForm>
  );
}
