"use client";

import { Suspense, lazy, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TExpertFeedback } from "@/lib/delphi/expert-types";
import type { TAnswers } from "@/lib/instrument/answers";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import type { TLang } from "@/lib/i18n/text";
import { enableOfflineReload } from "./offline-support";
import type { TItemRefusal } from "./item-field";
import { QuestionnaireView } from "./questionnaire-view";
import { useAutosave, type TSaveStatus, type TServerAnswers } from "./use-autosave";

/**
 * The review step, and react-hook-form with it, loads after the first answer is saved, or when the
 * respondent first asks for it: the questions come up without them. Once loaded it is in the
 * service worker's cache for offline use. React's own lazy(): it is never rendered on the server
 * (the page opens on the questions), so next/dynamic's loader (~2 KB) would be dead weight here.
 */
const loadReviewStep = () => import("./review-step");
/** A Delphi round's feedback loads only on a round's page: round 1 pages carry none of it. */
const loadDelphi = () => import("./group-feedback");
const DelphiAside = lazy(() => loadDelphi().then((m) => ({ default: m.DelphiAside })));
const DelphiLive = lazy(() => loadDelphi().then((m) => ({ default: m.DelphiLive })));
const REASON = "~reason";
const ReviewStep = lazy(() => loadReviewStep().then((m) => ({ default: m.ReviewStep })));

type TProps = {
  userId: string;
  versionId: string;
  definition: TQuestionnaire;
  optionOrder: Record<string, string[]>;
  server: TServerAnswers;
  lang: TLang;
  /** A Delphi round: the expert's previous answers and the group's, per item. */
  delphi?: TExpertFeedback;
};

const noSubscription = () => () => {};

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | undefined) {
  try {
    if (value) window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the section is then simply not remembered.
  }
}

function SaveStatus({ status }: { status: TSaveStatus }) {
  const t = useLiteTranslations("expertFlow");
  return (
    <p className="save-status" role="status" aria-live="polite" data-status={status} data-testid="save-status">
      <span className="dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </p>
  );
}

export function ExpertQuestionnaire({ userId, versionId, definition, optionOrder, server, lang, delphi = null }: TProps) {
  const t = useLiteTranslations("expertFlow");
  const { answers: saved, setAnswer, status, updatedElsewhere, flush, pendingCount, refused, refusedItems, discard, retryRefused } = useAutosave({ userId, versionId, server });
  const refusals = useMemo(() => {
    const out: Record<string, TItemRefusal> = {};
    for (const [item, r] of Object.entries(refused)) out[item] = { reason: r.reason, onDiscard: () => discard(item), onRetry: () => retryRefused(item) };
    return out;
  }, [refused, discard, retryRefused]);
  // A Delphi round's reasons ride the same queue as "<item>~reason"; the questionnaire sees answers only.
  const answers = useMemo(() => {
    if (!delphi) return saved;
    const out: TAnswers = {};
    for (const [code, value] of Object.entries(saved)) if (!code.endsWith(REASON)) out[code] = value;
    return out;
  }, [saved, delphi]);
  const [feedback, setFeedback] = useState<TExpertFeedback>(delphi);
  const [chosenSection, setChosenSection] = useState<number | null>(null);
  const [mode, setMode] = useState<"answer" | "review">("answer");
  const [reviewUnavailable, setReviewUnavailable] = useState(false);
  const focusItem = useRef<string | null>(null);
  const sectionOf = useMemo(() => {
    const map = new Map<string, number>();
    definition.sections.forEach((s, i) => s.items.forEach((item) => map.set(item.code, i)));
    return map;
  }, [definition]);

  useEffect(() => {
    void enableOfflineReload();
  }, []);

  // A reload (or a new link) comes back to the section the expert was in: its code is kept per
  // response on this device (read after hydration, as the server cannot know it).
  const sectionKey = `questionnaire-section:${userId}:${versionId}`;
  const storedSection = useSyncExternalStore(noSubscription, () => readStored(sectionKey), () => null);
  const section = chosenSection ?? Math.max(0, definition.sections.findIndex((s) => s.code === storedSection));
  const changeSection = (index: number) => {
    setChosenSection(index);
    writeStored(sectionKey, definition.sections[index]?.code);
  };

  // Once a first answer has reached the server (so the network works), fetch the review step in the
  // background, so that it is at hand, and in the offline cache, before it is needed.
  const sentSomething = useRef(false);
  const reviewFetched = useRef(false);
  useEffect(() => {
    if (status === "saving") sentSomething.current = true;
    else if (status === "saved" && sentSomething.current && !reviewFetched.current) {
      reviewFetched.current = true;
      loadReviewStep().catch(() => (reviewFetched.current = false));
    }
  }, [status]);

  // After "go to this question" on the review step: scroll to it and put the focus in it.
  useEffect(() => {
    if (mode !== "answer" || !focusItem.current) return;
    const el = document.getElementById(`item-${focusItem.current}`);
    el?.scrollIntoView({ block: "center" });
    el?.querySelector<HTMLElement>("input, select, textarea")?.focus();
    focusItem.current = null;
  }, [mode, section]);

  const goTo = (item: string) => {
    changeSection(sectionOf.get(item) ?? 0);
    setMode("answer");
    focusItem.current = item;
  };

  return (
    <div className="stack">
      <SaveStatus status={status} />
      {feedback?.realtime && (
        <Suspense fallback={null}>
          <DelphiLive onFeedback={setFeedback} saveStatus={status} />
        </Suspense>
      )}
      {updatedElsewhere.length > 0 && (
        <p className="alert" role="status">
          {t("updatedElsewhere", { items: updatedElsewhere.join(", ") })}
        </p>
      )}
      {reviewUnavailable && (
        <p className="alert error" role="alert">
          {t("reviewUnavailable")}
        </p>
      )}
      {mode === "answer" ? (
        <QuestionnaireView
          definition={definition}
          lang={lang}
          answers={answers}
          optionOrder={optionOrder}
          section={section}
          onSection={(i) => {
            changeSection(i);
            window.scrollTo({ top: 0 });
          }}
          onAnswer={setAnswer}
          refusals={refusals}
          aside={
            feedback
              ? (item) => (
                  <Suspense fallback={null}>
                    <DelphiAside
                      item={item}
                      feedback={feedback}
                      lang={lang}
                      value={answers[item.code]}
                      reason={(saved[`${item.code}${REASON}`] as { text?: string } | undefined)?.text ?? ""}
                      onReason={(text) => setAnswer(`${item.code}${REASON}`, { text } as never)}
                    />
                  </Suspense>
                )
              : undefined
          }
          onFinish={() => {
            setReviewUnavailable(false);
            loadReviewStep().then(
              () => setMode("review"),
              () => setReviewUnavailable(true),
            );
          }}
        />
      ) : (
        <Suspense fallback={null}>
          <ReviewStep
            definition={definition}
            answers={answers}
            lang={lang}
            onGoTo={goTo}
            onBack={() => setMode("answer")}
            flush={flush}
            pendingCount={pendingCount}
            refusals={refused}
            refusedItems={refusedItems}
            onDiscard={discard}
          />
        </Suspense>
      )}
    </div>
  );
}
