"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";
import { BilingualField } from "./bilingual-field";
import { ConditionsEditor } from "./conditions-editor";
import { newItem, questionnaireCodes } from "./definition-tools";
import { FieldProblems } from "./editor-context";
import { CodeField } from "./fields";
import { ItemEditor } from "./item-editor";
import { AddButton, ListControls } from "./list-controls";

/** One questionnaire section: code, title, intro, conditions and its items. */
export function SectionEditor({ si, count, onMove, onRemove, foldItems }: { si: number; count: number; onMove: (from: number, to: number) => void; onRemove: () => void; foldItems: boolean }) {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const name = `sections.${si}`;
  const path = `sections[${si}]`;
  const code = (useWatch({ control, name: `${name}.code` }) as string | undefined) ?? "";
  const owner = t("sectionOwner", { code: code || `#${si + 1}` });
  const { fields, append, remove, move, update } = useFieldArray({ control, name: `${name}.items` });

  // Items added here open at once; the ones the draft came with are folded in a large questionnaire.
  const [added, setAdded] = useState<string[]>([]);
  const add = () => {
    const item = newItem(questionnaireCodes(getValues() as TQuestionnaire));
    setAdded((a) => [...a, item.code]);
    append(item);
  };
  const codes = (useWatch({ control, name: `${name}.items` }) as Array<{ code?: string }> | undefined) ?? [];

  return (
    <fieldset className="ie-card ie-section" id={path}>
      <legend>{owner}</legend>
      <div className="ie-head">
        <span className="muted ie-position">{t("position", { n: si + 1, count })}</span>
        <ListControls owner={owner} index={si} count={count} pathAt={(i) => `sections[${i}]`} onMove={onMove} onRemove={onRemove} />
      </div>
      <CodeField name={`${name}.code`} path={`${path}.code`} owner={owner} />
      <BilingualField name={`${name}.title`} path={`${path}.title`} owner={owner} field={t("f.title")} label={t("title")} />
      <BilingualField name={`${name}.intro`} path={`${path}.intro`} owner={owner} field={t("f.intro")} label={t("intro")} multiline />
      <ConditionsEditor name={name} path={path} owner={owner} scope={{ si }} />
      <div id={`${path}.items`} className="stack">
        <FieldProblems path={`${path}.items`} />
        {fields.length === 0 && <p className="hint">{t("noItems")}</p>}
        {fields.map((f, ii) => (
          <ItemEditor key={`${f.id}:${ii}`} defaultOpen={!foldItems || added.includes(codes[ii]?.code ?? "")} si={si} ii={ii} count={fields.length} onMove={move} onRemove={() => remove(ii)} onReplace={(item: TItem) => update(ii, item)} />
        ))}
      </div>
      <AddButton owner={owner} label={t("addItem")} onClick={add} />
    </fieldset>
  );
}
