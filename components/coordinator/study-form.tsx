"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { api } from "@/lib/api/client";
import { applyFieldErrors } from "@/lib/api/form-errors";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import { STUDY_GROUPS, ZCreateStudy, type TCreateStudy, type TCreateStudyInput } from "@/lib/study/schemas";

const KNOWN = new Set(["titleRequired", "consentRequired", "endBeforeStart", "date", "cellTwice"]);

/** The new-study form: both languages side by side, the panel's cells as a grid of targets (0: not a cell). */
export function StudyForm({ countryNames, groupNames }: { countryNames: Record<string, string>; groupNames: Record<string, string> }) {
  const t = useTranslations("studies");
  const common = useTranslations("common");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const cells = EAEU_COUNTRIES.flatMap((country) => STUDY_GROUPS.map((expertGroup) => ({ country, expertGroup, target: 0 })));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TCreateStudyInput, unknown, TCreateStudy>({
    resolver: zodResolver(ZCreateStudy),
    defaultValues: { titleRu: "", titleEn: "", descriptionRu: "", descriptionEn: "", consentRu: "", consentEn: "", cells, suppressionK: 3, percentDecimals: 1, invitationTtlDays: 14, fieldworkStart: "", fieldworkEnd: "" },
  });
  const problem = (error: FieldError | undefined) => (error ? t(`errors.${KNOWN.has(error.message ?? "") ? error.message : "invalid"}`) : null);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await api("POST /api/coordinator/studies", { body: values });
    if (res.ok) {
      router.push(`/coordinator/studies/${res.data.id}`);
      return;
    }
    applyFieldErrors(res.error, setError);
    setFailure(res.error.message ?? common("unexpectedError"));
  });

  const field = (name: "titleRu" | "titleEn" | "descriptionRu" | "descriptionEn" | "consentRu" | "consentEn", multiline = false) => {
    const id = `study-${name}`;
    const message = problem(errors[name]);
    const props = { id, "aria-invalid": Boolean(message), "aria-describedby": message ? `${id}-error` : undefined, ...register(name) };
    return (
      <div>
        <label htmlFor={id}>{t(`fields.${name}`)}</label>
        {multiline ? <textarea rows={name.startsWith("consent") ? 6 : 3} {...props} /> : <input {...props} />}
        {message && (
          <p id={`${id}-error`} className="field-error">
            {message}
          </p>
        )}
      </div>
    );
  };

  const number = (name: "suppressionK" | "percentDecimals" | "invitationTtlDays", min: number, max: number) => (
    <div>
      <label htmlFor={`study-${name}`}>{t(`fields.${name}`)}</label>
      <input id={`study-${name}`} type="number" min={min} max={max} aria-invalid={Boolean(errors[name])} {...register(name, { valueAsNumber: true })} />
      {errors[name] && <p className="field-error">{problem(errors[name])}</p>}
      <p className="hint">{t(`hints.${name}`)}</p>
    </div>
  );

  const date = (name: "fieldworkStart" | "fieldworkEnd") => (
    <div>
      <label htmlFor={`study-${name}`}>{t(`fields.${name}`)}</label>
      <input id={`study-${name}`} type="date" aria-invalid={Boolean(errors[name])} {...register(name)} />
      {errors[name] && <p className="field-error">{problem(errors[name])}</p>}
    </div>
  );

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <FormAlert message={failure} />
      <fieldset className="card stack">
        <legend>{t("sections.about")}</legend>
        <p className="hint">{t("hints.languages")}</p>
        <div className="grid-2">
          {field("titleRu")}
          {field("titleEn")}
          {field("descriptionRu", true)}
          {field("descriptionEn", true)}
        </div>
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("sections.consent")}</legend>
        <p className="hint">{t("hints.consent")}</p>
        <div className="grid-2">
          {field("consentRu", true)}
          {field("consentEn", true)}
        </div>
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("sections.cells")}</legend>
        <p className="hint">{t("hints.cells")}</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fields.country")}</th>
                {STUDY_GROUPS.map((g) => (
                  <th scope="col" key={g}>
                    {groupNames[g]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {EAEU_COUNTRIES.map((country, ci) => (
                <tr key={country}>
                  <th scope="row">{countryNames[country]}</th>
                  {STUDY_GROUPS.map((g, gi) => (
                    <td key={g}>
                      <input
                        type="number"
                        min={0}
                        aria-label={t("cellTarget", { country: countryNames[country] ?? country, group: groupNames[g] ?? g })}
                        {...register(`cells.${ci * STUDY_GROUPS.length + gi}.target`, { valueAsNumber: true })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <fieldset className="card stack">
        <legend>{t("sections.fieldwork")}</legend>
        <div className="grid-2">
          {number("suppressionK", 1, 100)}
          {number("percentDecimals", 0, 2)}
          {number("invitationTtlDays", 1, 365)}
          {date("fieldworkStart")}
          {date("fieldworkEnd")}
        </div>
      </fieldset>
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
