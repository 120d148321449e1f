"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalTime } from "./local-time";

/**
 * The facts every view of an interview shows (when, how, which guide, status), with room for the
 * facts only one view has before and after them.
 */
export function InterviewFacts({ plannedAt, mode, guideTitle, status, before, after }: {
  plannedAt: string;
  mode: string;
  guideTitle: string;
  status: string;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const t = useTranslations("interview");
  return (
    <dl className="facts">
      {before}
      <dt>{t("facts.planned")}</dt>
      <dd>
        <LocalTime iso={plannedAt} />
      </dd>
      <dt>{t("facts.mode")}</dt>
      <dd>{t(`mode.${mode}` as "mode.VIDEO")}</dd>
      <dt>{t("facts.guide")}</dt>
      <dd>{guideTitle}</dd>
      <dt>{t("facts.status")}</dt>
      <dd data-testid="interview-status">{t(`status.${status}` as "status.DONE")}</dd>
      {after}
    </dl>
  );
}
