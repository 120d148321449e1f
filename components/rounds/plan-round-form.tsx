"use client";

import { api } from "@/lib/api/client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { DEFAULT_ROUND_RULES } from "@/lib/delphi/rules";
import { ZPlanRound } from "@/lib/delphi/schemas";

/** The form's fields: the plan's schema, with the rules as flat fields and the date as a day. */
const ZPlanForm = ZPlanRound.pick({ audience: true, itemCodes: true, realtime: true }).extend({
  closesOn: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
  maxIqr: z.number().min(0).max(200),
  minTopShare: z.number().min(0).max(100).optional(),
  choiceShare: z.number().min(0).max(100),
  minW: z.number().min(0).max(1),
  stabilityKind: z.enum(["changed", "iqr"]),
  stabilityValue: z.number().min(0).max(200),
});
type TPlanForm = z.input<typeof ZPlanForm>;

export type TPlanItem = { code: string; title: string };

/** Plans the next round: who, which items (those without consensus preselected), until when, live or not, and its rules. */
export function PlanRoundForm({ studyId, instrumentId, number, items, preselected }: { studyId: string; instrumentId: string; number: number; items: TPlanItem[]; preselected: string[] }) {
  const t = useTranslations("rounds");
  const common = useTranslations("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState } = useForm<TPlanForm>({
    resolver: zodResolver(ZPlanForm),
    defaultValues: {
      audience: "PREVIOUS_COMPLETED",
      itemCodes: preselected,
      realtime: false,
      closesOn: "",
      maxIqr: DEFAULT_ROUND_RULES.scale.maxIqr ?? 1,
      choiceShare: DEFAULT_ROUND_RULES.choice.minShare,
      minW: DEFAULT_ROUND_RULES.ranking.minW,
      stabilityKind: "changed",
      stabilityValue: 15,
    },
  });
  const submit = handleSubmit(async (v) => {
    const body = {
      instrumentId,
      audience: v.audience,
      itemCodes: v.itemCodes,
      realtime: v.realtime,
      closesAt: v.closesOn ? new Date(`${v.closesOn}T23:59:59Z`).toISOString() : null,
      rules: {
        scale: { kind: "scale" as const, maxIqr: v.maxIqr, ...(v.minTopShare !== undefined && !Number.isNaN(v.minTopShare) ? { minShare: v.minTopShare } : {}) },
        choice: { kind: "choice" as const, minShare: v.choiceShare },
        ranking: { kind: "ranking" as const, minW: v.minW },
        stability: v.stabilityKind === "changed" ? { kind: "changed" as const, maxChangedShare: v.stabilityValue } : { kind: "iqr" as const, maxIqrChange: v.stabilityValue },
        items: {},
      },
    };
    const res = await api("POST /api/coordinator/studies/[studyId]/rounds", { params: { studyId }, body });
    if (!res.ok) {
      setError(res.error.message ?? common("unexpectedError"));
      return;
    }
    setError(null);
    setDone(true);
    router.refresh();
  });
  const asNumber = { valueAsNumber: true } as const;
  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="plan-round-title" noValidate>
      <h3 id="plan-round-title">{t("plan", { number })}</h3>
      {number > 1 && <p className="muted">{t("planLead", { number: number - 1 })}</p>}
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="alert" role="status">
          {t("planned", { number })}
        </p>
      )}
      <fieldset>
        <legend>{t("audience")}</legend>
        {(["PREVIOUS_COMPLETED", "PANEL"] as const).map((a) => (
          <div className="choice" key={a}>
            <input type="radio" id={`audience-${a}`} value={a} {...register("audience")} />
            <label htmlFor={`audience-${a}`}>{t(`audience_${a}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby={formState.errors.itemCodes ? "plan-items-error" : undefined}>
        <legend>{t("planItems")}</legend>
        {items.map((item) => (
          <div className="choice" key={item.code}>
            <input type="checkbox" id={`plan-item-${item.code}`} value={item.code} {...register("itemCodes")} />
            <label htmlFor={`plan-item-${item.code}`}>
              <span className="item-code">{item.code}.</span> {item.title}
            </label>
          </div>
        ))}
        {formState.errors.itemCodes && (
          <p id="plan-items-error" className="field-error" role="alert">
            {t("chooseItems")}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="plan-closes">{t("closesAt")}</label>
        <input id="plan-closes" type="date" {...register("closesOn")} />
      </div>
      <div className="choice">
        <input type="checkbox" id="plan-realtime" {...register("realtime")} />
        <label htmlFor="plan-realtime">{t("realtimeLabel")}</label>
      </div>
      <fieldset className="stack">
        <legend>{t("rules")}</legend>
        <label htmlFor="rule-iqr">{t("scaleIqr")}</label>
        <input id="rule-iqr" type="number" step="0.1" min={0} {...register("maxIqr", asNumber)} />
        <label htmlFor="rule-top">{t("scaleShare")}</label>
        <input id="rule-top" type="number" step="1" min={0} max={100} {...register("minTopShare", { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) })} />
        <label htmlFor="rule-choice">{t("choiceShare")}</label>
        <input id="rule-choice" type="number" step="1" min={0} max={100} {...register("choiceShare", asNumber)} />
        <label htmlFor="rule-w">{t("rankingW")}</label>
        <input id="rule-w" type="number" step="0.05" min={0} max={1} {...register("minW", asNumber)} />
        <label htmlFor="rule-stability">{t("stabilityKind")}</label>
        <select id="rule-stability" {...register("stabilityKind")}>
          <option value="changed">{t("stability_changed")}</option>
          <option value="iqr">{t("stability_iqr")}</option>
        </select>
        <label htmlFor="rule-stability-value">{t("stabilityValue")}</label>
        <input id="rule-stability-value" type="number" step="0.5" min={0} {...register("stabilityValue", asNumber)} />
      </fieldset>
      <div>
        <button type="submit" disabled={formState.isSubmitting} data-testid="plan-round">
          {t("planSubmit")}
        </button>
      </div>
    </form>
  );
}
