"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { COUNTRIES } from "@/lib/study/countries";
import { BilingualField } from "./bilingual-field";
import { countryPairRows, newRow, questionnaireCodes } from "./definition-tools";
import { FieldProblems, useEditor } from "./editor-context";
import { CodeField } from "./fields";
import { AddButton, ListControls } from "./list-controls";

const COUNTRY_CODES = Object.keys(COUNTRIES);

/** The rows of a matrix item, typed in or generated as the pairs of a set of countries. */
export function MatrixRowsEditor({ name, path, owner, itemCode }: { name: string; path: string; owner: string; itemCode: string }) {
  const t = useTranslations("editor");
  const { control, getValues, setValue } = useFormContext();
  const { fields, append, remove, move, replace } = useFieldArray({ control, name: `${name}.rows` });

  const changedByHand = () => setValue(`${name}.pairsOf`, undefined, { shouldDirty: true });
  const add = () => {
    append(newRow(itemCode || "R", questionnaireCodes(getValues() as TQuestionnaire)));
    changedByHand();
  };

  return (
    <fieldset className="ie-group" id={`${path}.rows`}>
      <legend>{t("rows")}</legend>
      <FieldProblems path={`${path}.rows`} />
      <CountryPairs
        owner={owner}
        path={path}
        initial={(getValues(`${name}.pairsOf`) as string[] | undefined) ?? COUNTRY_CODES}
        onGenerate={(countries) => {
          replace(countryPairRows(itemCode, countries));
          setValue(`${name}.pairsOf`, countries, { shouldDirty: true });
        }}
      />
      {fields.length === 0 && <p className="hint">{t("noRows")}</p>}
      <ol className="ie-list">
        {fields.map((f, ri) => {
          const rowOwner = t("rowOwner", { owner, n: ri + 1 });
          const rName = `${name}.rows.${ri}`;
          const rPath = `${path}.rows[${ri}]`;
          return (
            <li key={f.id} className="ie-subcard" id={rPath}>
              <div className="ie-head">
                <span className="ie-head-title">{t("rowN", { n: ri + 1 })}</span>
                <ListControls
                  owner={rowOwner}
                  index={ri}
                  count={fields.length}
                  pathAt={(i) => `${path}.rows[${i}]`}
                  onMove={move}
                  onRemove={() => {
                    remove(ri);
                    changedByHand();
                  }}
                />
              </div>
              <CodeField name={`${rName}.code`} path={`${rPath}.code`} owner={rowOwner} />
              <BilingualField name={`${rName}.label`} path={`${rPath}.label`} owner={rowOwner} field={t("f.label")} label={t("label")} />
            </li>
          );
        })}
      </ol>
      <AddButton owner={owner} label={t("addRow")} onClick={add} />
    </fieldset>
  );
}

function CountryPairs({ owner, path, initial, onGenerate }: { owner: string; path: string; initial: string[]; onGenerate: (countries: string[]) => void }) {
  const t = useTranslations("editor");
  const { readOnly } = useEditor();
  const [chosen, setChosen] = useState<string[]>(initial);
  if (readOnly) return null;
  const toggle = (code: string, on: boolean) => setChosen((prev) => COUNTRY_CODES.filter((c) => (c === code ? on : prev.includes(c))));
  return (
    <fieldset className="ie-pairs">
      <legend>{t("pairsTitle")}</legend>
      <p className="hint">{t("pairsHint")}</p>
      <div className="ie-checks">
        {COUNTRY_CODES.map((code) => {
          const id = `${path}.pairs.${code}`;
          return (
            <div key={code} className="ie-check">
              <input id={id} type="checkbox" checked={chosen.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <label htmlFor={id}>{t("countryLabel", { ru: COUNTRIES[code]!.short.ru, en: COUNTRIES[code]!.short.en, code })}</label>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="secondary"
        disabled={chosen.length < 2}
        aria-label={t("ownerAction", { owner, action: t("generatePairs") })}
        onClick={() => onGenerate(chosen)}
      >
        {t("generatePairs")}
      </button>
    </fieldset>
  );
}
