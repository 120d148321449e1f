"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { api } from "@/lib/api/client";
import { ZCreateInstrument } from "@/lib/instrument/schemas";
import { InstrumentForm } from "./instrument-form";
import { useStartInstrument } from "./use-start-instrument";

type TForm = z.input<typeof ZCreateInstrument>;

export function NewInstrumentForm({ studies }: { studies: Array<{ id: string; title: string }> }) {
  const t = useTranslations("instruments");
  const { failure, setFailure, finish } = useStartInstrument();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TForm>({ resolver: zodResolver(ZCreateInstrument), defaultValues: { studyId: studies[0]?.id, kind: "questionnaire", name: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    finish(await api("POST /api/coordinator/instruments", { body: values }));
  });

  return (
    <InstrumentForm id="new-instrument" failure={failure} onSubmit={onSubmit} submitLabel={t("create")} submitDisabled={isSubmitting || studies.length === 0}>
      <SelectField id="new-instrument-study" label={t("study")} options={studies.map((s) => ({ value: s.id, label: s.title }))} select={register("studyId")} />
      <SelectField
        id="new-instrument-kind"
        label={t("kindLabel")}
        options={[
          { value: "questionnaire", label: t("kind.QUESTIONNAIRE") },
          { value: "guide", label: t("kind.GUIDE") },
        ]}
        select={register("kind")}
      />
      <TextField id="new-instrument-name" label={t("name")} error={errors.name ? t("nameRequired") : null} input={register("name")} />
    </InstrumentForm>
  );
}
