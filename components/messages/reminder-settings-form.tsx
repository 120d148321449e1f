"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "@/lib/api/client";
import { ZReminderSettings, parseDays, type TReminderSettings } from "@/lib/messaging/schemas";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

const days = z.string().refine((text) => {
  const parsed = parseDays(text);
  return parsed !== null && ZReminderSettings.shape.remindNotStartedDays.safeParse(parsed).success;
}, "days");
const ZForm = z.object({ notStarted: days, notFinished: days, paused: z.boolean() });
type TForm = z.infer<typeof ZForm>;

/** The study's reminder schedule (days after the invitation) and its pause switch. */
export function ReminderSettingsForm({ studyId, settings }: { studyId: string; settings: TReminderSettings }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  const router = useRouter();
  const [result, setResult] = useState<TOutcome | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TForm>({
    resolver: zodResolver(ZForm),
    defaultValues: { notStarted: settings.remindNotStartedDays.join(", "), notFinished: settings.remindNotFinishedDays.join(", "), paused: settings.remindersPaused },
  });

  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    const body: TReminderSettings = { remindNotStartedDays: parseDays(values.notStarted)!, remindNotFinishedDays: parseDays(values.notFinished)!, remindersPaused: values.paused };
    const res = await api("PUT /api/coordinator/studies/[studyId]/reminders", { params: { studyId }, body });
    if (!res.ok) {
      setResult({ kind: "error", text: common("unexpectedError") });
      return;
    }
    setResult({ kind: "success", text: t("saved") });
    router.refresh();
  });

  const field = (name: "notStarted" | "notFinished", label: string) => (
    <div>
      <label htmlFor={`rem-${name}`}>{label}</label>
      <input
        id={`rem-${name}`}
        inputMode="numeric"
        {...register(name)}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={`rem-${name}-hint${errors[name] ? ` rem-${name}-error` : ""}`}
      />
      <p id={`rem-${name}-hint`} className="hint">
        {t("daysHint")}
      </p>
      {errors[name] && (
        <p id={`rem-${name}-error`} className="field-error">
          {t("daysInvalid")}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="card stack">
      <p className="muted">{t("remindersLead")}</p>
      {field("notStarted", t("notStartedDays"))}
      {field("notFinished", t("notFinishedDays"))}
      <label className="msg-check">
        <input type="checkbox" {...register("paused")} />
        {t("studyPaused")}
      </label>
      <div className="row-actions">
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("saveReminders")}
        </button>
      </div>
      <OutcomeAlert outcome={result} />
    </form>
  );
}
