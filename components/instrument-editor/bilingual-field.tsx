"use client";

import { useTranslations } from "next-intl";
import { useController, useFormContext } from "react-hook-form";
import { LANGS, textFingerprint, translationState, type TLang, type TText } from "@/lib/i18n/text";
import { FieldProblems, useEditor, useHasProblem } from "./editor-context";
import { emptyText } from "./definition-tools";

/**
 * One text in both languages, side by side (stacked on narrow screens). Typing in the source
 * language leaves the confirmation as it was, so the translation becomes stale; typing in the
 * translation, or pressing "Confirm translation", confirms it against the current source text.
 */
export function BilingualField({
  name,
  path,
  owner,
  field,
  label,
  multiline = false,
}: {
  /** react-hook-form name, e.g. `sections.0.items.1.text` */
  name: string;
  /** problem path and element id, e.g. `sections[0].items[1].text` */
  path: string;
  /** who the text belongs to, e.g. "Item Q2" */
  owner: string;
  /** what the text is, lower case, e.g. "text" */
  field: string;
  /** visible legend, e.g. "Text" */
  label: string;
  multiline?: boolean;
}) {
  const t = useTranslations("editor");
  const { readOnly } = useEditor();
  const { control } = useFormContext();
  const { field: controller } = useController({ control, name });
  const value = (controller.value as TText | undefined) ?? undefined;
  const text = value ?? emptyText();
  const invalid = useHasProblem(path);
  const { state, missing } = translationState(text);
  const target: TLang = text.source === "ru" ? "en" : "ru";
  const statusId = `${path}.status`;

  const change = (lang: TLang, input: string) => {
    const next: TText = { ...text, [lang]: input };
    if (lang !== text.source) next.confirmed = textFingerprint(text[text.source]);
    controller.onChange(next);
  };
  const confirm = () => controller.onChange({ ...text, confirmed: textFingerprint(text[text.source]) });
  const langName = (lang: TLang) => t(`lang.${lang}`);
  const showMissing = state === "missing" && missing.length === 1;

  return (
    <fieldset className="ie-text" id={path}>
      <legend>{label}</legend>
      <div className="ie-bi">
        {LANGS.map((lang) => {
          const id = `${path}.${lang}`;
          const common = {
            id,
            name: `${name}.${lang}`,
            value: text[lang],
            "aria-label": t("textLabel", { owner, field, lang: langName(lang) }),
            "aria-invalid": invalid || undefined,
            "aria-describedby": state !== "ok" || invalid ? statusId : undefined,
            lang,
            spellCheck: true,
            onBlur: controller.onBlur,
          };
          return (
            <div key={lang} className="ie-lang-col">
              <label htmlFor={id} className="ie-lang">
                {langName(lang)}
              </label>
              {lang === text.source && <span className="ie-source"> · {t("source")}</span>}
              {multiline ? (
                <textarea rows={2} {...common} onChange={(e) => change(lang, e.target.value)} />
              ) : (
                <input type="text" {...common} onChange={(e) => change(lang, e.target.value)} />
              )}
            </div>
          );
        })}
      </div>
      <div id={statusId} className="ie-text-status">
        {state === "stale" && (
          <>
            <span className="ie-stale">{t("stale", { lang: langName(target) })}</span>
            {!readOnly && (
              <button type="button" className="secondary ie-small" aria-label={t("confirmLabel", { owner, field })} onClick={confirm}>
                {t("confirm")}
              </button>
            )}
          </>
        )}
        {showMissing && <span className="hint">{t("missing", { lang: langName(missing[0]!) })}</span>}
        <FieldProblems path={path} />
      </div>
    </fieldset>
  );
}
