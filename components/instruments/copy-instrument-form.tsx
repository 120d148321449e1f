"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { api } from "@/lib/api/client";
import { ZCopyInstrument } from "@/lib/instrument/schemas";
import { InstrumentForm } from "./instrument-form";
import { useStartInstrument } from "./use-start-instrument";


/** A new draft instrument in a study, copied from the latest version of an instrument of any study the coordinator runs. */
export function CopyInstrumentForm({
  studies,
  sources,
}: {
  studies: Array<{ id: string; title: string }>;
  sources: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations("instruments");
  const { form, failure, setFailure, finish } = useStartInstrument(ZCopyInstrument, { studyId: studies[0]?.id, sourceInstrumentId: sources[0]?.id, name: "" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    finish(await api("POST /api/coordinator/instruments/copy", { body: values }));
  });

  return (
    <InstrumentForm
      id="copy-instrument"
      title={t("copyTitle")}
      failure={failure}
      onSubmit={onSubmit}
      submitLabel={t("copyCreate")}
      submitDisabled={form.formState.isSubmitting || studies.length === 0 || sources.length === 0}
    >
      <SelectField id="copy-instrument-source" label={t("copySource")} options={sources.map((s) => ({ value: s.id, label: s.label }))} select={form.register("sourceInstrumentId")} />
      <SelectField id="copy-instrument-study" label={t("copyTarget")} options={studies.map((s) => ({ value: s.id, label: s.title }))} select={form.register("studyId")} />
      <TextField id="copy-instrument-name" label={t("name")} error={form.formState.errors.name ? t("nameRequired") : null} input={form.register("name")} />
    </InstrumentForm>
  );
}
