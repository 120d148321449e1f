"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { api } from "@/lib/api/client";
import { DEFAULT_TEMPLATES, LANGUAGES, MESSAGE_KINDS, PLACEHOLDERS, ZTemplateSet, type TTemplate, type TTemplateSet } from "@/lib/messaging/templates";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

/** The six templates of a study, Russian and English side by side; validated by the same schema as the server's. */
export function TemplatesEditor({ studyId, templates }: { studyId: string; templates: (TTemplate & { isDefault: boolean })[] }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  const router = useRouter();
  const [result, setResult] = useState<TOutcome | null>(null);
  // Fixed order: kind x language, so field names are stable.
  const ordered = MESSAGE_KINDS.flatMap((kind) => LANGUAGES.map((language) => templates.find((x) => x.kind === kind && x.language === language)!));
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<TTemplateSet>({
    resolver: zodResolver(ZTemplateSet),
    defaultValues: { templates: ordered.map(({ kind, language, subject, body }) => ({ kind, language, subject, body })) },
  });

  const describe = (error: FieldError | undefined): string | null => {
    if (!error?.message) return null;
    const m = error.message;
    if (m.startsWith("unknown placeholder")) return t("errors.unknown", { detail: m.replace(/^unknown placeholder: /, "") });
    if (m.includes("{{link}}")) return t("errors.link", { link: "{{link}}" });
    if (m === "one line") return t("errors.oneLine");
    if (m === "required") return t("errors.required");
    return t("errors.tooLong");
  };

  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    const res = await api("PUT /api/coordinator/studies/[studyId]/message-templates", { params: { studyId }, body: values });
    if (!res.ok) {
      setResult({ kind: "error", text: res.error.message ?? common("unexpectedError") });
      return;
    }
    setResult({ kind: "success", text: t("saved") });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <p className="muted">{t("templatesLead", { placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`).join(", "), link: "{{link}}" })}</p>
      {MESSAGE_KINDS.map((kind, k) => (
        <section key={kind} className="card stack" aria-labelledby={`tpl-${kind}`}>
          <h2 id={`tpl-${kind}`}>{t(`kinds.${kind}`)}</h2>
          <div className="msg-templates">
            {LANGUAGES.map((language, l) => {
              const i = k * LANGUAGES.length + l;
              const id = `tpl-${kind}-${language}`;
              const fieldErrors = errors.templates?.[i];
              const subjectError = describe(fieldErrors?.subject);
              const bodyError = describe(fieldErrors?.body);
              return (
                <fieldset key={language} className="stack" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <legend>
                    <strong>{t(`languageNames.${language}`)}</strong>{" "}
                    <span className="msg-badge">{ordered[i]!.isDefault ? t("defaultTemplate") : t("customTemplate")}</span>
                  </legend>
                  <div>
                    <label htmlFor={`${id}-subject`}>{t("subject")}</label>
                    <input
                      id={`${id}-subject`}
                      {...register(`templates.${i}.subject`)}
                      aria-invalid={Boolean(subjectError)}
                      aria-describedby={subjectError ? `${id}-subject-error` : undefined}
                    />
                    {subjectError && (
                      <p id={`${id}-subject-error`} className="field-error">
                        {subjectError}
                      </p>
                    )}
                  </div>
                  <div>
                    <label htmlFor={`${id}-body`}>{t("body")}</label>
                    <textarea
                      id={`${id}-body`}
                      {...register(`templates.${i}.body`)}
                      aria-invalid={Boolean(bodyError)}
                      aria-describedby={bodyError ? `${id}-body-error` : undefined}
                    />
                    {bodyError && (
                      <p id={`${id}-body-error`} className="field-error">
                        {bodyError}
                      </p>
                    )}
                  </div>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setValue(`templates.${i}.subject`, DEFAULT_TEMPLATES[kind][language].subject, { shouldDirty: true });
                      setValue(`templates.${i}.body`, DEFAULT_TEMPLATES[kind][language].body, { shouldDirty: true });
                    }}
                  >
                    {t("resetDefault")}
                  </button>
                </fieldset>
              );
            })}
          </div>
        </section>
      ))}
      <div className="row-actions">
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("saveTemplates")}
        </button>
      </div>
      <OutcomeAlert outcome={result} />
    </form>
  );
}
