"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ZThemeCodeCode } from "@/lib/codebook/schemas";

const ZCodeForm = z.object({
  code: ZThemeCodeCode,
  parentId: z.string(),
  nameRu: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  descriptionRu: z.string().trim().max(4000),
  descriptionEn: z.string().trim().max(4000),
});
export type TCodeForm = z.infer<typeof ZCodeForm>;
type TField = keyof TCodeForm;

export type TResult = { ok: true } | { ok: false; field?: TField; message: string };

/** A new code's empty form. */
export const EMPTY_CODE: TCodeForm = { code: "", parentId: "", nameRu: "", nameEn: "", descriptionRu: "", descriptionEn: "" };

/**
 * One code's form, for adding and editing: the code, its place in the tree, and its name and
 * description in both languages side by side.
 */
export function CodeForm({
  legend,
  initial,
  parents,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  legend: string;
  initial: TCodeForm;
  parents: Array<{ id: string; label: string; depth: number }>;
  onSubmit: (values: TCodeForm) => Promise<TResult>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const t = useTranslations("codebook");
  const uid = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TCodeForm>({ resolver: zodResolver(ZCodeForm), defaultValues: initial });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await onSubmit(values);
    if (result.ok) {
      reset(initial);
      return;
    }
    if (result.field) setError(result.field, { message: result.message });
    else setFailure(result.message);
  });

  const id = (name: TField) => `${uid}-${name}`;
  const field = (name: TField) => ({
    id: id(name),
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${id(name)}-error` : name === "code" ? `${id(name)}-hint` : undefined,
  });
  const error = (name: TField) =>
    errors[name] ? (
      <p id={`${id(name)}-error`} className="field-error">
        {errors[name]?.message === "duplicate" ? t("errors.duplicate") : errors[name]?.message === "cycle" ? t("errors.cycle") : t(`errors.${name}`)}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="cb">
      <fieldset className="cb-form">
        <legend>{legend}</legend>
        <div className="grid-2">
          <div className="cb-code-field">
            <label htmlFor={id("code")}>{t("code")}</label>
            <input autoComplete="off" spellCheck={false} {...field("code")} {...register("code")} />
            {error("code") ?? (
              <p id={`${id("code")}-hint`} className="hint">
                {t("codeHint")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={id("parentId")}>{t("parent")}</label>
            <select {...field("parentId")} {...register("parentId")}>
              <option value="">{t("topLevel")}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${"\u00a0\u00a0".repeat(p.depth)}${p.label}`}
                </option>
              ))}
            </select>
            {error("parentId")}
          </div>
        </div>
        <div className="cb-bi">
          <div lang="ru">
            <label htmlFor={id("nameRu")}>{t("nameRu")}</label>
            <input {...field("nameRu")} {...register("nameRu")} />
            {error("nameRu")}
          </div>
          <div lang="en">
            <label htmlFor={id("nameEn")}>{t("nameEn")}</label>
            <input {...field("nameEn")} {...register("nameEn")} />
            {error("nameEn")}
          </div>
          <div lang="ru">
            <label htmlFor={id("descriptionRu")}>{t("descriptionRu")}</label>
            <textarea rows={3} {...field("descriptionRu")} {...register("descriptionRu")} />
            {error("descriptionRu")}
          </div>
          <div lang="en">
            <label htmlFor={id("descriptionEn")}>{t("descriptionEn")}</label>
            <textarea rows={3} {...field("descriptionEn")} {...register("descriptionEn")} />
            {error("descriptionEn")}
          </div>
        </div>
        {failure && (
          <p className="alert error" role="alert">
            {failure}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" disabled={isSubmitting}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              {t("cancel")}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
