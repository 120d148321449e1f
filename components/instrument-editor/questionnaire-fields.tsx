"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { newSection, questionnaireCodes } from "./definition-tools";
import { FieldProblems } from "./editor-context";
import { AddButton } from "./list-controls";
import { revealPath } from "./problems-list";
import { pick } from "@/lib/i18n/text";
import { SectionEditor } from "./section-editor";
import { languageOf } from "@/lib/i18n/config";

/** A questionnaire of more items than this opens with its items folded. */
const FOLD_ABOVE = 10;

/**
 * The sections of a questionnaire (the title and intro are edited by the shared header), under an
 * outline of the sections that jumps to each.
 */
export function QuestionnaireFields() {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: "sections" });
  const sections = (useWatch({ control, name: "sections" }) as TQuestionnaire["sections"] | undefined) ?? [];
  const locale = languageOf(useLocale());
  // Decided once, from the draft as it was opened.
  const [foldItems] = useState(() => ((getValues() as TQuestionnaire).sections ?? []).reduce((n, s) => n + (s.items?.length ?? 0), 0) > FOLD_ABOVE);
  return (
    <div className="stack" id="sections">
      <h2>{t("sections")}</h2>
      {sections.length > 1 && (
        <nav aria-label={t("outline")} className="ie-outline">
          <ol>
            {sections.map((s, si) => (
              <li key={si}>
                <button type="button" className="ie-link" onClick={() => revealPath(`sections[${si}]`)}>
                  {s.code} · {pick(s.title, locale)}
                </button>{" "}
                <span className="muted">{t("itemCount", { count: s.items?.length ?? 0 })}</span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <FieldProblems path="sections" />
      {fields.length === 0 && <p className="hint">{t("noSections")}</p>}
      {fields.map((f, si) => (
        <SectionEditor key={`${f.id}:${si}`} foldItems={foldItems} si={si} count={fields.length} onMove={move} onRemove={() => remove(si)} />
      ))}
      <AddButton label={t("addSection")} onClick={() => append(newSection(questionnaireCodes(getValues() as TQuestionnaire)))} />
    </div>
  );
}
