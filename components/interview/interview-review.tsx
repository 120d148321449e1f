"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { pick, type TLang } from "@/lib/i18n/text";
import { GuideNotes, useAttribution, useQuotesAndCodes } from "./guide-notes";
import { formatDuration, LocalTime } from "./local-time";
import type { TInterviewClient, TNoteValue } from "./types";
import "./interview.css";
import { InterviewFacts } from "./interview-facts";

/**
 * A coordinator's read-only view of an interview's notes. Notes cannot be changed here; quotes can
 * be marked in them, and quotes and notes can be coded.
 */
export function InterviewReview({ lang, interview, expertName, interviewerName }: { lang: TLang; interview: TInterviewClient; expertName?: string; interviewerName?: string }) {
  const t = useTranslations("interview");
  const common = useTranslations("common");
  const attribution = useAttribution();
  const quotesAndCodes = useQuotesAndCodes({ interviewId: interview.id, quotes: interview.quotes, notes: interview.notes });
  const notes: Record<string, TNoteValue> = Object.fromEntries(Object.entries(interview.notes).map(([code, n]) => [code, { text: n.text, probesAsked: n.probesAsked, skipped: n.skipped }]));
  const worked = Object.fromEntries(Object.entries(interview.notes).map(([code, n]) => [code, { first: n.firstWorkedAt, last: n.lastWorkedAt }]));
  const definition = interview.guide.definition;
  const title = attribution(interview.expert, lang);

  return (
    <div className="iv stack">
      <p>
        <Link href="/coordinator/interviews">← {t("backToAdmin")}</Link>
      </p>
      <h1>{t("workspaceTitle", { expert: title })}</h1>
      <p className="alert" id="iv-locked-hint">
        {t("readOnlyNotice")}
      </p>
      <InterviewFacts
        plannedAt={interview.plannedAt}
        mode={interview.mode}
        guideTitle={pick(definition.title, lang)}
        status={interview.status}
        before={
          <>
            {expertName && (
              <>
                <dt>{t("facts.expert")}</dt>
                <dd>{expertName}</dd>
              </>
            )}
            <dt>{t("facts.group")}</dt>
            <dd>{common(`groups.${interview.expert.expertGroup}` as "groups.SCIENTIST")}</dd>
            {interviewerName && (
              <>
                <dt>{t("facts.interviewer")}</dt>
                <dd>{interviewerName}</dd>
              </>
            )}
          </>
        }
        after={
          <>
            <dt>{t("facts.consent")}</dt>
            <dd>{interview.consentAt ? <LocalTime iso={interview.consentAt} /> : t("noConsent")}</dd>
            {interview.status === "DONE" && (
              <>
                <dt>{t("duration")}</dt>
                <dd>{formatDuration(interview.durationSeconds)}</dd>
              </>
            )}
          </>
        }
      />
      <GuideNotes
        definition={definition}
        lang={lang}
        notes={notes}
        worked={worked}
        mode="locked"
        hintId="iv-locked-hint"
        codes={interview.codes}
        canQuote
        canTag
        quotesAndCodes={quotesAndCodes}
      />
    </div>
  );
}
