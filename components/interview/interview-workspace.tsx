"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useRef, useState } from "react";
import { api } from "@/lib/api/client";
import { pick, type TLang } from "@/lib/i18n/text";
import { GuideNotes, useAttribution, useQuotesAndCodes } from "./guide-notes";
import { InterviewClock } from "./interview-clock";
import { InterviewFacts } from "./interview-facts";
import { formatDuration, LocalTime } from "./local-time";
import type { TInterviewClient, TNoteValue } from "./types";
import { useNoteAutosave, type TNoteSaveStatus } from "./use-note-autosave";
import "./interview.css";

function SaveStatus({ status }: { status: TNoteSaveStatus }) {
  const t = useTranslations("interview");
  return (
    <p className="iv-save-status" role="status" aria-live="polite" data-status={status} data-testid="save-status">
      <span className="iv-dot" aria-hidden="true" />
      {t(`saveStatus.${status}`)}
    </p>
  );
}

type TMeta = Pick<TInterviewClient, "status" | "consentAt" | "startedAt" | "finishedAt" | "durationSeconds">;

/**
 * The interviewer's workspace: the guide's blocks in order, a notes field per main question that
 * autosaves durably, probes to tick, skipping, oral consent first, a running clock, quotes with
 * codes, and finishing (after which the notes are read-only).
 */
export function InterviewWorkspace({ userId, lang, interview }: { userId: string; lang: TLang; interview: TInterviewClient }) {
  const t = useTranslations("interview");
  const common = useTranslations("common");
  const attribution = useAttribution();
  const [meta, setMeta] = useState<TMeta>({
    status: interview.status,
    consentAt: interview.consentAt,
    startedAt: interview.startedAt,
    finishedAt: interview.finishedAt,
    durationSeconds: interview.durationSeconds,
  });
  const { values, setValue, status, updatedElsewhere, flush, pendingCount, refused, refusedItems, discard, retryRefused } = useNoteAutosave({ userId, interviewId: interview.id, initial: interview.notes });
  const refusals = useMemo(() => Object.fromEntries(Object.entries(refused).map(([code, r]) => [code, r.reason])), [refused]);
  const [worked, setWorked] = useState<Record<string, { first: string | null; last: string | null }>>(() =>
    Object.fromEntries(Object.entries(interview.notes).map(([code, n]) => [code, { first: n.firstWorkedAt, last: n.lastWorkedAt }])),
  );
  const [consentBusy, setConsentBusy] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  const locked = meta.status === "DONE" || meta.status === "CANCELLED";
  const mode = locked ? "locked" : meta.consentAt ? "edit" : "consent";

  /** A quote must match the saved text, so unsaved notes of the question go out first. */
  const beforeQuote = useCallback(
    async (questionCode: string) => {
      await flush({ wait: true });
      return pendingCount(questionCode) > 0 || refusedItems().includes(questionCode) ? t("quoteNotSaved") : null;
    },
    [flush, pendingCount, refusedItems, t],
  );
  const quotesAndCodes = useQuotesAndCodes({ interviewId: interview.id, quotes: interview.quotes, notes: interview.notes, beforeQuote });

  const onNote = useCallback(
    (code: string, next: TNoteValue) => {
      setValue(code, next);
      const now = new Date().toISOString();
      setWorked((prev) => ({ ...prev, [code]: { first: prev[code]?.first ?? now, last: now } }));
    },
    [setValue],
  );

  const recordConsent = async () => {
    setConsentBusy(true);
    setConsentError(false);
    const res = await api("POST /api/interviews/[interviewId]/consent", { params: { interviewId: interview.id } });
    setConsentBusy(false);
    if (!res.ok) {
      setConsentError(true);
      return;
    }
    const { consentAt } = res.data;
    setMeta((m) => ({ ...m, consentAt, startedAt: m.startedAt ?? consentAt, status: m.status === "PLANNED" ? "IN_PROGRESS" : m.status }));
    void flush();
  };

  const finish = async () => {
    setFinishing(true);
    setFinishError(null);
    try {
      await flush({ wait: true });
      if (pendingCount() > 0) {
        setFinishError(t("finishNotSaved"));
        return;
      }
      // A refused note is shown on its question until corrected or discarded; finishing would lock it out.
      const notSaved = refusedItems();
      if (notSaved.length > 0) {
        setFinishError(t("finishRefused", { items: notSaved.join(", ") }));
        return;
      }
      const res = await api("POST /api/interviews/[interviewId]/finish", { params: { interviewId: interview.id } });
      if (!res.ok) {
        setFinishError(res.error.message ?? t("finishFailed"));
        return;
      }
      const { finishedAt, durationSeconds } = res.data;
      setMeta((m) => ({ ...m, status: "DONE", finishedAt, durationSeconds }));
      dialog.current?.close();
    } catch {
      setFinishError(t("finishFailed"));
    } finally {
      setFinishing(false);
    }
  };

  const notes: Record<string, TNoteValue | undefined> = values;
  const expertName = attribution(interview.expert, lang);
  const definition = interview.guide.definition;

  return (
    <div className="iv stack">
      <p>
        <Link href="/interviewer">← {t("backToList")}</Link>
      </p>
      <h1>{t("workspaceTitle", { expert: expertName })}</h1>
      <InterviewFacts
        plannedAt={interview.plannedAt}
        mode={interview.mode}
        guideTitle={pick(definition.title, lang)}
        status={meta.status}
        before={
          <>
            <dt>{t("facts.group")}</dt>
            <dd>{common(`groups.${interview.expert.expertGroup}` as "groups.SCIENTIST")}</dd>
          </>
        }
      />

      <div className="iv-bar" aria-label={t("toolbar")} role="region">
        <SaveStatus status={status} />
        <InterviewClock startedAt={meta.startedAt} finished={meta.status === "DONE"} durationSeconds={meta.durationSeconds} />
        {!locked && (
          <button type="button" onClick={() => dialog.current?.showModal()} disabled={!meta.consentAt}>
            {t("finish")}
          </button>
        )}
      </div>

      {updatedElsewhere.length > 0 && (
        <p className="alert" role="status">
          {t("updatedElsewhere", { items: updatedElsewhere.join(", ") })}
        </p>
      )}
      {meta.status === "DONE" && meta.finishedAt && (
        <p className="alert success" id="iv-locked-hint" data-testid="finished-notice">
          {t("finishedNotice")} <LocalTime iso={meta.finishedAt} /> · {t("duration")} {formatDuration(meta.durationSeconds)}
        </p>
      )}
      {meta.status === "CANCELLED" && (
        <p className="alert" id="iv-locked-hint">
          {t("cancelledNotice")}
        </p>
      )}

      {meta.status !== "CANCELLED" && (
        <fieldset className="iv-consent card">
          <legend>{t("consentLegend")}</legend>
          <div className="iv-check">
            <input
              type="checkbox"
              id="iv-consent"
              checked={Boolean(meta.consentAt) || consentBusy}
              disabled={Boolean(meta.consentAt) || consentBusy || locked}
              aria-describedby="iv-consent-hint"
              onChange={(e) => {
                if (e.target.checked) void recordConsent();
              }}
            />
            <label htmlFor="iv-consent">{t("consentLabel")}</label>
          </div>
          <p id="iv-consent-hint" className={consentError ? "field-error" : "hint"} role={consentError ? "alert" : undefined}>
            {consentError ? (
              t("consentFailed")
            ) : meta.consentAt ? (
              <>
                {t("consentRecorded")} <LocalTime iso={meta.consentAt} />
              </>
            ) : (
              t("consentHint")
            )}
          </p>
        </fieldset>
      )}

      {definition.intro && (
        <details className="iv-intro card">
          <summary>{t("guideIntro")}</summary>
          <p>{pick(definition.intro, lang)}</p>
        </details>
      )}

      <GuideNotes
        definition={definition}
        lang={lang}
        notes={notes}
        worked={worked}
        mode={mode}
        hintId={mode === "consent" ? "iv-consent-hint" : locked ? "iv-locked-hint" : undefined}
        codes={interview.codes}
        canQuote={meta.status !== "CANCELLED" && Boolean(meta.consentAt)}
        canTag={meta.status !== "CANCELLED" && Boolean(meta.consentAt)}
        onNote={locked ? undefined : onNote}
        quotesAndCodes={quotesAndCodes}
        refusals={refusals}
        onDiscardRefusal={discard}
        onRetryRefusal={locked ? undefined : retryRefused}
      />

      {!locked && (
        <div className="iv-finish-end">
          <button type="button" onClick={() => dialog.current?.showModal()} disabled={!meta.consentAt}>
            {t("finish")}
          </button>
        </div>
      )}

      <dialog ref={dialog} className="iv-dialog" aria-labelledby="iv-finish-title" aria-describedby="iv-finish-body">
        <h2 id="iv-finish-title">{t("finishConfirmTitle")}</h2>
        <p id="iv-finish-body">{t("finishConfirmBody")}</p>
        {finishError && (
          <p className="alert error" role="alert">
            {finishError}
          </p>
        )}
        <div className="row-actions">
          <button type="button" onClick={() => void finish()} disabled={finishing}>
            {t("finishConfirm")}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t("finishCancel")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
