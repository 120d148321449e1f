"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { FieldProblems, useHasProblem } from "./editor-context";

/** An empty number field is "not set" (undefined), never NaN or 0. */
export const toNumber = (v: unknown): number | undefined => {
  if (v === "" || v === null || v === undefined) return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isNaN(n) ? undefined : n;
};

/** A code (Q1, S2, …): visible label "Code", accessible name "Item Q1 code". */
export function CodeField({ name, path, owner }: { name: string; path: string; owner: string }) {
  const t = useTranslations("editor");
  const { register } = useFormContext();
  const invalid = useHasProblem(path);
  return (
    <div className="ie-field ie-code">
      <label htmlFor={path}>{t("code")}</label>
      <input
        id={path}
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-label={t("fieldLabel", { owner, field: t("code").toLowerCase() })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${path}.problems` : undefined}
        {...register(name)}
      />
      <FieldProblems path={path} id={`${path}.problems`} />
    </div>
  );
}

export function NumberField({
  name,
  path,
  owner,
  label,
  optional = false,
  step,
}: {
  name: string;
  path: string;
  owner: string;
  label: string;
  optional?: boolean;
  step?: string;
}) {
  const t = useTranslations("editor");
  const { register } = useFormContext();
  const invalid = useHasProblem(path);
  return (
    <div className="ie-field ie-number">
      <label htmlFor={path}>{label}</label>
      <input
        id={path}
        type="number"
        inputMode={step === "any" ? "decimal" : "numeric"}
        step={step ?? "1"}
        aria-label={t("fieldLabel", { owner, field: label.toLowerCase() })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${path}.problems` : optional ? `${path}.hint` : undefined}
        {...register(name, { setValueAs: toNumber })}
      />
      {optional && !invalid && (
        <p className="hint" id={`${path}.hint`}>
          {t("optional")}
        </p>
      )}
      <FieldProblems path={path} id={`${path}.problems`} />
    </div>
  );
}

export function CheckboxField({ name, path, owner, label }: { name: string; path: string; owner: string; label: string }) {
  const t = useTranslations("editor");
  const { register } = useFormContext();
  return (
    <div className="ie-check">
      <input id={path} type="checkbox" aria-label={t("fieldLabel", { owner, field: label.toLowerCase() })} {...register(name)} />
      <label htmlFor={path}>{label}</label>
      <FieldProblems path={path} />
    </div>
  );
}
