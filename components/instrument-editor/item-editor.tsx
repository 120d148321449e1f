"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ITEM_TYPES, type TItem, type TItemType } from "@/lib/instrument/definition";
import { BilingualField } from "./bilingual-field";
import { ConditionsEditor } from "./conditions-editor";
import { changeItemType } from "./definition-tools";
import { CheckboxField, CodeField } from "./fields";
import { ItemTypeFields } from "./item-type-fields";
import { ListControls } from "./list-controls";
import { pick, type TText } from "@/lib/i18n/text";
import { languageOf } from "@/lib/i18n/config";

/**
 * One questionnaire item: code, type, required, texts, the type's own fields and conditions. It is
 * folded to one line (code, type, text) until opened, and its fields exist only while it is open,
 * so a questionnaire of 58 items does not put 2,000 fields on the page.
 */
export function ItemEditor({
  si,
  ii,
  count,
  onMove,
  onRemove,
  onReplace,
  defaultOpen,
}: {
  defaultOpen: boolean;
  si: number;
  ii: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  onReplace: (item: TItem) => void;
}) {
  const t = useTranslations("editor");
  const { control, getValues } = useFormContext();
  const name = `sections.${si}.items.${ii}`;
  const path = `sections[${si}].items[${ii}]`;
  const code = (useWatch({ control, name: `${name}.code` }) as string | undefined) ?? "";
  const type = (useWatch({ control, name: `${name}.type` }) as TItemType | undefined) ?? "single";
  const owner = t("itemOwner", { code: code || `#${ii + 1}` });
  const text = useWatch({ control, name: `${name}.text` }) as TText | undefined;
  const locale = useLocale();
  const [open, setOpen] = useState(defaultOpen);

  const changeType = (next: TItemType) => {
    if (next === type) return;
    onReplace(changeItemType(getValues(name) as TItem, next));
  };

  return (
    <details className="ie-card ie-item" id={path} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="ie-head-title">{owner}</span> <span className="ie-type-badge">{t(`types.${type}`)}</span>{" "}
        <span className="ie-summary-text">{pick(text, languageOf(locale))}</span>
      </summary>
      {open && (
        <fieldset className="ie-item-body">
          <legend className="ie-sr">{owner}</legend>
          <div className="ie-head">
            <span className="muted ie-position">{t("position", { n: ii + 1, count })}</span>
            <ListControls owner={owner} index={ii} count={count} pathAt={(i) => `sections[${si}].items[${i}]`} onMove={onMove} onRemove={onRemove} />
          </div>
          <div className="ie-row">
            <CodeField name={`${name}.code`} path={`${path}.code`} owner={owner} />
            <div className="ie-field">
              <label htmlFor={`${path}.type`}>{t("type")}</label>
              <select
                id={`${path}.type`}
                aria-label={t("fieldLabel", { owner, field: t("type").toLowerCase() })}
                value={type}
                onChange={(e) => changeType(e.target.value as TItemType)}
              >
                {ITEM_TYPES.map((it) => (
                  <option key={it} value={it}>
                    {t(`types.${it}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {type !== "display" && (
            <div className="ie-checks">
              <CheckboxField name={`${name}.required`} path={`${path}.required`} owner={owner} label={t("required")} />
            </div>
          )}
          <BilingualField name={`${name}.text`} path={`${path}.text`} owner={owner} field={t("f.text")} label={t("text")} multiline />
          <BilingualField name={`${name}.help`} path={`${path}.help`} owner={owner} field={t("f.help")} label={t("help")} multiline />
          <ItemTypeFields key={type} type={type} name={name} path={path} owner={owner} itemCode={code} />
          <ConditionsEditor name={name} path={path} owner={owner} scope={{ si, ii }} />
        </fieldset>
      )}
    </details>
  );
}
