"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { api } from "@/lib/api/client";
import { INTERVIEW_MODES } from "./types";
import { OutcomeAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";

export type TExpertOption = { id: string; pseudonym: number; name: string; country: string; studyId: string | null; studyTitle: string };
export type TPersonOption = { id: string; name: string };
export type TGuideOption = { versionId: string; name: string; number: number; studyId: string; studyTitle: string };

const ZForm = z.object({
  expertId: z.string().min(1, "expert"),
  interviewerId: z.string().min(1, "interviewer"),
  versionId: z.string().min(1, "guide"),
  plannedAt: z
    .string()
    .min(1, "plannedAt")
    .refine((v) => !Number.isNaN(new Date(v).getTime()), "plannedAt"),
  mode: z.enum(INTERVIEW_MODES, "mode"),
});
type TForm = z.infer<typeof ZForm>;
type TField = keyof TForm;

/** The coordinator assigns an interview: expert, interviewer, a published guide version of the expert's study, when and how. */
export function AssignInterviewForm({ experts, interviewers, guides }: { experts: TExpertOption[]; interviewers: TPersonOption[]; guides: TGuideOption[] }) {
  const t = useTranslations("interviewsAdmin");
  const ti = useTranslations("interview");
  const common = useTranslations("common");
  const {
    form: {
      register,
      reset,
      setValue,
      control,
      formState: { errors, isSubmitting },
    },
    outcome: message,
    submitWith,
  } = useApiForm<TForm>(ZForm, { expertId: "", interviewerId: "", versionId: "", plannedAt: "", mode: "VIDEO" });
  const expertId = useWatch({ control, name: "expertId" });
  const studyId = experts.find((e) => e.id === expertId)?.studyId ?? null;
  // Only guides of the chosen expert's study can be used; before an expert is chosen, all are listed.
  const usable = expertId && studyId ? guides.filter((g) => g.studyId === studyId) : guides;

  const onSubmit = submitWith((values) => api("POST /api/coordinator/interviews", { body: { ...values, plannedAt: new Date(values.plannedAt).toISOString() } }), {
    onSuccess: (_, values) => {
      reset({ expertId: "", interviewerId: values.interviewerId, versionId: "", plannedAt: "", mode: values.mode });
      return t("assigned");
    },
  });

  const fieldProps = (name: TField) => ({
    id: `assign-${name}`,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `assign-${name}-error` : undefined,
  });
  const error = (name: TField) =>
    errors[name] ? (
      <p id={`assign-${name}-error`} className="field-error">
        {t(`errors.${name}`)}
      </p>
    ) : null;

  const studies = [...new Set(experts.map((e) => e.studyTitle))];

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="assign-title">
      <h2 id="assign-title" style={{ margin: 0 }}>
        {t("assignTitle")}
      </h2>
      {interviewers.length === 0 && <p className="alert">{t("noInterviewers")}</p>}
      {guides.length === 0 && <p className="alert">{t("noGuides")}</p>}
      <div className="grid-2">
        <div>
          <label htmlFor="assign-expertId">{t("expert")}</label>
          <select
            {...fieldProps("expertId")}
            {...register("expertId", {
              onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
                const chosen = experts.find((x) => x.id === e.target.value);
                const ofStudy = guides.filter((g) => g.studyId === chosen?.studyId);
                // Guides are listed newest first: the expert's study's newest published guide is proposed.
                setValue("versionId", ofStudy[0]?.versionId ?? "", { shouldValidate: false });
              },
            })}
          >
            <option value="">{t("choose")}</option>
            {studies.map((study) => (
              <optgroup key={study} label={study}>
                {experts
                  .filter((e) => e.studyTitle === study)
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {t("expertOption", { n: e.pseudonym, name: e.name, country: common(`countries.${e.country}` as "countries.RU") })}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          {error("expertId")}
        </div>
        <div>
          <label htmlFor="assign-interviewerId">{t("interviewer")}</label>
          <select {...fieldProps("interviewerId")} {...register("interviewerId")}>
            <option value="">{t("choose")}</option>
            {interviewers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {error("interviewerId")}
        </div>
        <div>
          <label htmlFor="assign-versionId">{t("guide")}</label>
          <select {...fieldProps("versionId")} {...register("versionId")}>
            <option value="">{t("choose")}</option>
            {usable.map((g) => (
              <option key={g.versionId} value={g.versionId}>
                {t("guideOption", { name: g.name, number: g.number, study: g.studyTitle })}
              </option>
            ))}
          </select>
          {error("versionId")}
        </div>
        <div>
          <label htmlFor="assign-plannedAt">{t("plannedAt")}</label>
          <input type="datetime-local" {...fieldProps("plannedAt")} {...register("plannedAt")} />
          {error("plannedAt")}
        </div>
        <fieldset className="assign-mode" aria-describedby={errors.mode ? "assign-mode-error" : undefined} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend style={{ fontWeight: 500, padding: 0, marginBottom: "0.25rem" }}>{t("mode")}</legend>
          <div className="row-actions" style={{ gap: "0.4rem 1.2rem" }}>
            {INTERVIEW_MODES.map((m) => (
              <span key={m} style={{ display: "inline-flex", gap: "0.4rem", alignItems: "center" }}>
                <input type="radio" id={`assign-mode-${m}`} value={m} style={{ width: "auto" }} {...register("mode")} />
                <label htmlFor={`assign-mode-${m}`} style={{ margin: 0, fontWeight: 400 }}>
                  {ti(`mode.${m}`)}
                </label>
              </span>
            ))}
          </div>
          {error("mode")}
        </fieldset>
      </div>
      <OutcomeAlert outcome={message} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("assigning") : t("assign")}
        </button>
      </div>
    </form>
  );
}
