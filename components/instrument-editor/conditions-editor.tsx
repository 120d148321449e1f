"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useController, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { TCondition, TItem, TSection } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import { defaultCondition, OPS_FOR } from "./definition-tools";
import { FieldProblems, useEditor, useHasProblem } from "./editor-context";
import { toNumber } from "./fields";

/** Where the conditions belong: a section (si) or an item (si, ii). */
export type TScope = { si: number; ii?: number };

/** The items a condition here may depend on: earlier ones that take a choice or a number. */
function candidates(sections: TSection[] | undefined, scope: TScope): TItem[] {
  const out: TItem[] = [];
  (sections ?? []).forEach((s, si) => {
    (s.items ?? []).forEach((item, ii) => {
      const earlier = si < scope.si || (scope.ii !== undefined && si === scope.si && ii < scope.ii);
      if (earlier && OPS_FOR[item.type]) out.push(item);
    });
  });
  return out;
}

/** "Show only if…": the conditions of an item or a section, all of which must hold. */
export function ConditionsEditor({ name, path, owner, scope }: { name: string; path: string; owner: string; scope: TScope }) {
  const t = useTranslations("editor");
  const { readOnly } = useEditor();
  const { control, getValues } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: `${name}.showIf` });
  const [noCandidates, setNoCandidates] = useState(false);

  const add = () => {
    const found = candidates(getValues("sections") as TSection[], scope);
    const target = found[found.length - 1];
    setNoCandidates(!target);
    if (target) append(defaultCondition(target));
  };

  if (readOnly && fields.length === 0) return null;
  return (
    <fieldset className="ie-group ie-conditions" id={`${path}.showIf`}>
      <legend>{t("conditions")}</legend>
      <FieldProblems path={`${path}.showIf`} />
      {fields.length === 0 ? (
        <p className="hint">{t("noConditions")}</p>
      ) : (
        <ConditionRows name={name} path={path} owner={owner} scope={scope} ids={fields.map((f) => f.id)} onRemove={remove} />
      )}
      {!readOnly && (
        <div>
          <button type="button" className="secondary" aria-label={t("ownerAction", { owner, action: t("addCondition") })} onClick={add}>
            + {t("addCondition")}
          </button>
          {noCandidates && (
            <p className="hint" role="status">
              {t("noCandidates")}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

function ConditionRows({
  name,
  path,
  owner,
  scope,
  ids,
  onRemove,
}: {
  name: string;
  path: string;
  owner: string;
  scope: TScope;
  ids: string[];
  onRemove: (index: number) => void;
}) {
  const { control } = useFormContext();
  const sections = useWatch({ control, name: "sections" }) as TSection[] | undefined;
  const found = candidates(sections, scope);
  return (
    <ol className="ie-list">
      {ids.map((id, ci) => (
        <ConditionRow key={id} name={`${name}.showIf.${ci}`} path={`${path}.showIf[${ci}]`} owner={owner} index={ci} candidates={found} onRemove={() => onRemove(ci)} />
      ))}
    </ol>
  );
}

/**
 * One condition. Its fields are controlled (never read back from the DOM), since which value
 * field it shows depends on the item it points to.
 */
function ConditionRow({
  name,
  path,
  owner,
  index,
  candidates: found,
  onRemove,
}: {
  name: string;
  path: string;
  owner: string;
  index: number;
  candidates: TItem[];
  onRemove: () => void;
}) {
  const t = useTranslations("editor");
  const locale = useLocale() as TLang;
  const { readOnly } = useEditor();
  const { control } = useFormContext();
  const { value: itemRaw, onChange: setItem, onBlur: blurItem } = useController({ control, name: `${name}.item` }).field;
  const { value: opRaw, onChange: setOp, onBlur: blurOp } = useController({ control, name: `${name}.op` }).field;
  const { value: valueRaw, onChange: setValue, onBlur: blurValue } = useController({ control, name: `${name}.value` }).field;
  const invalid = useHasProblem(path);
  const rowOwner = t("conditionOwner", { owner, n: index + 1 });
  const itemCode = typeof itemRaw === "string" ? itemRaw : "";
  const opValue = typeof opRaw === "string" ? (opRaw as TCondition["op"]) : "equals";
  const current: string | number | undefined = typeof valueRaw === "string" || typeof valueRaw === "number" ? valueRaw : undefined;
  const target = found.find((c) => c.code === itemCode);
  const ops = (target && OPS_FOR[target.type]) ?? [opValue];
  const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  const label = (field: string) => t("fieldLabel", { owner: rowOwner, field: field.toLowerCase() });

  const chooseItem = (code: string) => {
    setItem(code);
    const next = found.find((c) => c.code === code);
    if (!next) return;
    const d = defaultCondition(next);
    setOp(d.op);
    setValue(d.value);
  };

  return (
    <li className="ie-subcard ie-condition" id={path}>
      <div className="ie-condition-fields">
        <div className="ie-field">
          <label htmlFor={`${path}.item`}>{t("conditionItem")}</label>
          <select
            id={`${path}.item`}
                                    aria-label={label(t("conditionItem"))}
            aria-invalid={invalid || undefined}
            value={itemCode}
            onBlur={blurItem}
            onChange={(e) => chooseItem(e.target.value)}
          >
            {!target && <option value={itemCode}>{t("notEarlier", { code: itemCode })}</option>}
            {found.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {short(pick(c.text, locale))}
              </option>
            ))}
          </select>
        </div>
        <div className="ie-field">
          <label htmlFor={`${path}.op`}>{t("conditionOp")}</label>
          <select id={`${path}.op`} name={`${name}.op`} aria-label={label(t("conditionOp"))} value={opValue} onBlur={blurOp} onChange={(e) => setOp(e.target.value)}>
            {ops.map((o) => (
              <option key={o} value={o}>
                {t(`ops.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="ie-field">
          <label htmlFor={`${path}.value`}>{t("conditionValue")}</label>
          {target && "options" in target ? (
            <select
              id={`${path}.value`}
                                          aria-label={label(t("conditionValue"))}
              value={current === undefined ? "" : String(current)}
              onBlur={blurValue}
              onChange={(e) => setValue(e.target.value)}
            >
              {!target.options.some((o) => o.code === current) && <option value={current === undefined ? "" : String(current)}>{current === undefined ? "—" : String(current)}</option>}
              {target.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code} — {short(pick(o.label, locale))}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${path}.value`}
                                          type="number"
              step="any"
              aria-label={label(t("conditionValue"))}
              value={current === undefined ? "" : String(current)}
              onBlur={blurValue}
              onChange={(e) => setValue(toNumber(e.target.value))}
            />
          )}
        </div>
      </div>
      <FieldProblems path={path} />
      {!readOnly && (
        <div className="row-actions">
          <button type="button" className="secondary ie-danger" aria-label={t("ownerAction", { owner: rowOwner, action: t("remove") })} onClick={onRemove}>
            {t("remove")}
          </button>
        </div>
      )}
    </li>
  );
}
