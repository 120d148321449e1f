"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { newSection, questionnaireCodes } from "./definition-tools";
import { FieldProblems } from "./editor-context";
import { AddButton } from "./list-controls";
import { SectionEditor } from "./section-editor";

/** The sections of a questionnaire (the title and intro are edited by the shared header). */
export function QuestionnaireFields() {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: "sections" });
  return (
    <div className="stack" id="sections">
      <h2>{t("sections")}</h2>
      <FieldProblems path="sections" />
      {fields.length === 0 && <p className="hint">{t("noSections")}</p>}
      {fields.map((f, si) => (
        <SectionEditor key={`${f.id}:${si}`} si={si} count={fields.length} onMove={move} onRemove={() => remove(si)} />
      ))}
      <AddButton label={t("addSection")} onClick={() => append(newSection(questionnaireCodes(getValues() as TQuestionnaire)))} />
    </div>
  );
}
