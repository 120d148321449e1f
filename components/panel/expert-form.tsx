"use client";

import { useTranslations } from "next-intl";
import { EXPERT_GROUPS, EXPERT_TRACKS, ZExpertFields, type TExpertFields, type TExpertFieldsInput } from "@/lib/panel/schemas";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import { LanguageSelect } from "@/components/forms/language-select";
import { SelectField } from "@/components/forms/select-field";
import { api, type TApiResult, type TResponseOf } from "@/lib/api/client";
import { applyFieldErrors } from "@/lib/api/form-errors";
import { OutcomeAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";

type TProps = { mode: "create"; studyId: string; initial?: undefined } | { mode: "edit"; expertId: string; initial: TExpertFieldsInput };

const EMPTY: TExpertFieldsInput = {
  name: "",
  email: "",
  country: "RU",
  expertGroup: "SCIENTIST",
  organisation: "",
  position: "",
  degree: "",
  publications: null,
  experienceYears: null,
  leadershipRole: "",
  language: "ru",
  track: "QUESTIONNAIRE",
  notes: "",
};

/** Adds an expert to the panel, or edits one: the server validates with the same schema (lib/panel/schemas.ts). */
export function ExpertForm(props: TProps) {
  const t = useTranslations("panel");
  const c = useTranslations("coordinator");
  const common = useTranslations("common");
  const {
    form: {
      register,
      reset,
      setError,
      formState: { errors, isSubmitting },
    },
    outcome: message,
    submitWith,
  } = useApiForm<TExpertFieldsInput, TExpertFields>(ZExpertFields, props.initial ?? EMPTY);
  const idPrefix = props.mode === "create" ? "add" : "edit";

  const send = (values: TExpertFields): Promise<TApiResult<TResponseOf<"POST /api/coordinator/experts"> | TResponseOf<"PATCH /api/coordinator/experts/[id]">>> =>
    props.mode === "create"
      ? api("POST /api/coordinator/experts", { body: { ...values, studyId: props.studyId } })
      : api("PATCH /api/coordinator/experts/[id]", { params: { id: props.expertId }, body: values });
  const onSubmit = submitWith(send, {
    onError: (error) => {
      applyFieldErrors(error, setError);
      if (error.status === 409) setError("email", { type: "server", message: error.message ?? undefined });
    },
    onSuccess: (data, values) => {
      if ("pseudonym" in data) {
        reset(EMPTY);
        return t("added", { n: data.pseudonym });
      }
      reset(values);
      return t("saved");
    },
  });

  const errorText = (name: keyof TExpertFieldsInput) => {
    const error = errors[name];
    if (!error) return null;
    const known: Partial<Record<keyof TExpertFieldsInput, string>> = {
      name: t("invalid.name"),
      email: t("invalid.email"),
      publications: t("invalid.number"),
      experienceYears: t("invalid.number"),
    };
    return (
      <p className="field-error" id={`${idPrefix}-${name}-error`}>
        {error.type === "server" ? error.message : (known[name] ?? t("invalid.text"))}
      </p>
    );
  };
  const field = (name: keyof TExpertFieldsInput) => ({
    id: `${idPrefix}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${idPrefix}-${name}-error` : undefined,
  });
  const text = (name: "name" | "email" | "organisation" | "position" | "degree" | "leadershipRole", label: string, type = "text") => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <input type={type} {...field(name)} {...register(name)} />
      {errorText(name)}
    </div>
  );
  const number = (name: "publications" | "experienceYears", label: string) => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <input type="number" min={0} step={1} inputMode="numeric" {...field(name)} {...register(name)} />
      {errorText(name)}
    </div>
  );

  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label={props.mode === "create" ? t("addTitle") : t("profileTitle")}>
      <OutcomeAlert outcome={message} />
      <div className="ie-row">
        {text("name", c("name"))}
        {text("email", c("email"), "email")}
        <SelectField
          id={`${idPrefix}-country`}
          label={c("country")}
          options={EAEU_COUNTRIES.map((code) => ({ value: code, label: common(`countries.${code}`) }))}
          select={{ ...field("country"), ...register("country") }}
        />
        <SelectField
          id={`${idPrefix}-expertGroup`}
          label={c("group")}
          options={EXPERT_GROUPS.map((g) => ({ value: g, label: common(`groups.${g}`) }))}
          select={{ ...field("expertGroup"), ...register("expertGroup") }}
        />
      </div>
      <div className="ie-row">
        {text("organisation", t("organisation"))}
        {text("position", t("position"))}
        {text("degree", t("degree"))}
      </div>
      <div className="ie-row">
        {number("publications", t("publications"))}
        {number("experienceYears", t("experienceYears"))}
        {text("leadershipRole", t("leadershipRole"))}
      </div>
      <div className="ie-row">
        <LanguageSelect id={`${idPrefix}-language`} label={t("language")} select={{ ...field("language"), ...register("language") }} />
        <SelectField
          id={`${idPrefix}-track`}
          label={t("track")}
          options={EXPERT_TRACKS.map((tr) => ({ value: tr, label: t(`tracks.${tr}`) }))}
          select={{ ...field("track"), ...register("track") }}
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-notes`}>{t("notes")}</label>
        <textarea rows={3} {...field("notes")} {...register("notes")} />
        {errorText("notes")}
      </div>
      <div className="row-actions">
        <button type="submit" disabled={isSubmitting}>
          {props.mode === "create" ? (isSubmitting ? t("adding") : t("add")) : isSubmitting ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
