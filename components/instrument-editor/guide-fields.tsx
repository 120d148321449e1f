"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { TGuide } from "@/lib/instrument/definition";
import { BilingualField } from "./bilingual-field";
import { emptyText, guideCodes, uniqueCode } from "./definition-tools";
import { FieldProblems } from "./editor-context";
import { CodeField, NumberField } from "./fields";
import { AddButton, ListControls } from "./list-controls";

type TMove = (from: number, to: number) => void;

const codesOf = (values: unknown) => guideCodes(values as TGuide);

/** The blocks of an interview guide, each with its questions and their probes. */
export function GuideFields() {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: "blocks" });
  const add = () => append({ code: uniqueCode("B", codesOf(getValues())), title: emptyText(), questions: [] });
  return (
    <div className="stack" id="blocks">
      <h2>{t("blocks")}</h2>
      <FieldProblems path="blocks" />
      {fields.length === 0 && <p className="hint">{t("noBlocks")}</p>}
      {fields.map((f, bi) => (
        <BlockEditor key={`${f.id}:${bi}`} bi={bi} count={fields.length} onMove={move} onRemove={() => remove(bi)} />
      ))}
      <AddButton label={t("addBlock")} onClick={add} />
    </div>
  );
}

function BlockEditor({ bi, count, onMove, onRemove }: { bi: number; count: number; onMove: TMove; onRemove: () => void }) {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const name = `blocks.${bi}`;
  const path = `blocks[${bi}]`;
  const code = (useWatch({ control, name: `${name}.code` }) as string | undefined) ?? "";
  const owner = t("blockOwner", { code: code || `#${bi + 1}` });
  const { fields, append, remove, move } = useFieldArray({ control, name: `${name}.questions` });
  const add = () => append({ code: uniqueCode(`${code || "B"}_Q`, codesOf(getValues())), text: emptyText(), probes: [] });
  return (
    <fieldset className="ie-card ie-section" id={path}>
      <legend>{owner}</legend>
      <div className="ie-head">
        <span className="muted ie-position">{t("position", { n: bi + 1, count })}</span>
        <ListControls owner={owner} index={bi} count={count} pathAt={(i) => `blocks[${i}]`} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className="ie-row">
        <CodeField name={`${name}.code`} path={`${path}.code`} owner={owner} />
        <NumberField name={`${name}.suggestedMinutes`} path={`${path}.suggestedMinutes`} owner={owner} label={t("suggestedMinutes")} optional />
      </div>
      <BilingualField name={`${name}.title`} path={`${path}.title`} owner={owner} field={t("f.title")} label={t("title")} />
      <BilingualField name={`${name}.intro`} path={`${path}.intro`} owner={owner} field={t("f.intro")} label={t("intro")} multiline />
      <div id={`${path}.questions`} className="stack">
        <FieldProblems path={`${path}.questions`} />
        {fields.length === 0 && <p className="hint">{t("noQuestions")}</p>}
        {fields.map((f, qi) => (
          <QuestionEditor key={`${f.id}:${qi}`} bi={bi} qi={qi} count={fields.length} onMove={move} onRemove={() => remove(qi)} />
        ))}
      </div>
      <AddButton owner={owner} label={t("addQuestion")} onClick={add} />
    </fieldset>
  );
}

function QuestionEditor({ bi, qi, count, onMove, onRemove }: { bi: number; qi: number; count: number; onMove: TMove; onRemove: () => void }) {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const name = `blocks.${bi}.questions.${qi}`;
  const path = `blocks[${bi}].questions[${qi}]`;
  const code = (useWatch({ control, name: `${name}.code` }) as string | undefined) ?? "";
  const owner = t("questionOwner", { code: code || `#${qi + 1}` });
  const { fields, append, remove, move } = useFieldArray({ control, name: `${name}.probes` });
  const add = () => append({ code: uniqueCode(`${code || "Q"}_P`, codesOf(getValues())), text: emptyText() });
  return (
    <fieldset className="ie-card ie-item" id={path}>
      <legend>{owner}</legend>
      <div className="ie-head">
        <span className="muted ie-position">{t("position", { n: qi + 1, count })}</span>
        <ListControls owner={owner} index={qi} count={count} pathAt={(i) => `blocks[${bi}].questions[${i}]`} onMove={onMove} onRemove={onRemove} />
      </div>
      <CodeField name={`${name}.code`} path={`${path}.code`} owner={owner} />
      <BilingualField name={`${name}.text`} path={`${path}.text`} owner={owner} field={t("f.text")} label={t("text")} multiline />
      <fieldset className="ie-group" id={`${path}.probes`}>
        <legend>{t("probes")}</legend>
        {fields.length === 0 && <p className="hint">{t("noProbes")}</p>}
        <ol className="ie-list">
          {fields.map((f, pi) => {
            const probeOwner = t("probeOwner", { owner, n: pi + 1 });
            const pName = `${name}.probes.${pi}`;
            const pPath = `${path}.probes[${pi}]`;
            return (
              <li key={f.id} className="ie-subcard" id={pPath}>
                <div className="ie-head">
                  <span className="ie-head-title">{t("probeN", { n: pi + 1 })}</span>
                  <ListControls owner={probeOwner} index={pi} count={fields.length} pathAt={(i) => `${path}.probes[${i}]`} onMove={move} onRemove={() => remove(pi)} />
                </div>
                <CodeField name={`${pName}.code`} path={`${pPath}.code`} owner={probeOwner} />
                <BilingualField name={`${pName}.text`} path={`${pPath}.text`} owner={probeOwner} field={t("f.text")} label={t("text")} multiline />
              </li>
            );
          })}
        </ol>
        <AddButton owner={owner} label={t("addProbe")} onClick={add} />
      </fieldset>
    </fieldset>
  );
}
