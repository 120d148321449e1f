"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { BilingualField } from "./bilingual-field";
import { newOption, questionnaireCodes } from "./definition-tools";
import { FieldProblems } from "./editor-context";
import { CheckboxField, CodeField } from "./fields";
import { AddButton, ListControls } from "./list-controls";

/** The answer options of a single / multiple choice or ranking item. */
export function OptionsEditor({ name, path, owner, itemCode }: { name: string; path: string; owner: string; itemCode: string }) {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: `${name}.options` });

  const add = () => append(newOption(itemCode || "O", questionnaireCodes(getValues() as TQuestionnaire)));

  return (
    <fieldset className="ie-group" id={`${path}.options`}>
      <legend>{t("options")}</legend>
      <FieldProblems path={`${path}.options`} />
      {fields.length === 0 && <p className="hint">{t("noOptions")}</p>}
      <ol className="ie-list">
        {fields.map((f, oi) => {
          const optOwner = t("optionOwner", { owner, n: oi + 1 });
          const oName = `${name}.options.${oi}`;
          const oPath = `${path}.options[${oi}]`;
          return (
            <li key={f.id} className="ie-subcard" id={oPath}>
              <div className="ie-head">
                <span className="ie-head-title">{t("optionN", { n: oi + 1 })}</span>
                <ListControls owner={optOwner} index={oi} count={fields.length} pathAt={(i) => `${path}.options[${i}]`} onMove={move} onRemove={() => remove(oi)} />
              </div>
              <CodeField name={`${oName}.code`} path={`${oPath}.code`} owner={optOwner} />
              <BilingualField name={`${oName}.label`} path={`${oPath}.label`} owner={optOwner} field={t("f.label")} label={t("label")} />
              <div className="ie-checks">
                <CheckboxField name={`${oName}.other`} path={`${oPath}.other`} owner={optOwner} label={t("other")} />
                <CheckboxField name={`${oName}.exclusive`} path={`${oPath}.exclusive`} owner={optOwner} label={t("exclusive")} />
                <CheckboxField name={`${oName}.anchored`} path={`${oPath}.anchored`} owner={optOwner} label={t("anchored")} />
              </div>
            </li>
          );
        })}
      </ol>
      <AddButton owner={owner} label={t("addOption")} onClick={add} />
    </fieldset>
  );
}
