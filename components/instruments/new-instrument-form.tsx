"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { api } from "@/lib/api/client";
import { ZCreateInstrument } from "@/lib/instrument/schemas";
import { InstrumentForm } from "./instrument-form";
import { useStartInstrument } from "./use-start-instrument";


export function NewInstrumentForm({ studies }: { studies: Array<{ id: string; title: string }> }) {
  const t = useTranslations("instruments");
  const { form, failure, setFailure, finish } = useStartInstrument(ZCreateInstrument, { studyId: studies[0]?.id, kind: "questionnaire", name: "" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    finish(await api("POST /api/coordinator/instruments", { body: values }));
  });

  return (
    <InstrumentForm id="new-instrument" failure={failure} onSubmit={onSubmit} submitLabel={t("create")} submitDisabled={form.formState.isSubmitting || studies.length === 0}>
      <SelectField id="new-instrument-study" label={t("study")} options={studies.map((s) => ({ value: s.id, label: s.title }))} select={form.register("studyId")} />
      <SelectField
        id="new-instrument-kind"
        label={t("kindLabel")}
        options={[
          { value: "questionnaire", label: t("kind.QUESTIONNAIRE") },
          { value: "guide", label: t("kind.GUIDE") },
        ]}
        select={form.register("kind")}
      />
      <TextField id="new-instrument-name" label={t("name")} error={form.formState.errors.name ? t("nameRequired") : null} input={form.register("name")} />
    </InstrumentForm>
  );
}
