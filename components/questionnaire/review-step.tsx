"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import { api } from "@/lib/api/client";
import { answerError, responseProblems, visibleItemCodes } from "@/lib/instrument/answer-rules";
import type { TAnswers } from "@/lib/instrument/answers";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { allItems } from "@/lib/instrument/items";
import { pick, type TLang } from "@/lib/i18n/text";
import type { TRefusal } from "@/lib/autosave/queue";
import { messageParams } from "./item-field";

/**
 * The review page: lists every unanswered required item and invalid answer with a link to it, and
 * submits. Its resolver applies the rules the server applies on submission (`responseProblems`,
 * one error per item); the server checks again, with its zod schemas, and has the last word.
 * Answers the server refused to save are listed first: the response cannot be submitted while
 * the page shows a value the server does not hold, until each is corrected or discarded (here, or
 * on the question). Refusals of questions that conditions now hide do not count, as their answers
 * do not.
 */
export function ReviewStep({ definition, answers, lang, onGoTo, onBack, flush, pendingCount, refusals, refusedItems, onDiscard }: {
  definition: TQuestionnaire;
  answers: TAnswers;
  lang: TLang;
  onGoTo: (item: string) => void;
  onBack: () => void;
  flush: (options?: { wait?: boolean }) => Promise<void>;
  pendingCount: () => number;
  refusals: Record<string, TRefusal>;
  refusedItems: () => string[];
  onDiscard: (item: string) => void;
}) {
  const t = useLiteTranslations("expertFlow");
  const ta = useLiteTranslations("answers");
  const router = useRouter();
  const resolver = useCallback<Resolver<TAnswers>>(
    (values) => {
      const { problems } = responseProblems(definition, values, answerError);
      if (problems.length === 0) return { values, errors: {} };
      const errors: FieldErrors<TAnswers> = Object.fromEntries(problems.map((p) => [p.item, { type: "custom", message: p.error }]));
      return { values: {}, errors };
    },
    [definition],
  );
  const { handleSubmit, trigger, formState } = useForm<TAnswers>({ resolver, values: answers, mode: "all" });
  const [serverProblems, setServerProblems] = useState<Array<{ item: string; error: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const items = useMemo(() => new Map(allItems(definition).map((i) => [i.code, i])), [definition]);

  useEffect(() => {
    void trigger();
  }, [trigger, answers]);

  const clientProblems = Object.entries(formState.errors).map(([item, e]) => ({ item, error: String(e?.message ?? "invalid") }));
  const problems = serverProblems.length ? serverProblems : clientProblems;
  // Grouped by section, in the questionnaire's order; an item no section knows comes last.
  const groups = (() => {
    const byItem = new Map(problems.map((p) => [p.item, p]));
    const listed = definition.sections
      .map((s) => ({ code: s.code, title: pick(s.title, lang), problems: s.items.flatMap((i) => byItem.get(i.code) ?? []) }))
      .filter((g) => g.problems.length > 0);
    const unknown = problems.filter((p) => !items.has(p.item));
    return unknown.length ? [...listed, { code: "", title: "", problems: unknown }] : listed;
  })();

  const onSubmit = handleSubmit(async () => {
    setFailure(null);
    await flush({ wait: true });
    if (pendingCount() > 0) {
      setFailure(t("notAllSaved"));
      return;
    }
    const shown = visibleItemCodes(definition, answers);
    if (refusedItems().some((item) => shown.has(item))) {
      setFailure(t("notSavedRefused"));
      return;
    }
    const res = await api("POST /api/expert/submit");
    if (res.ok) {
      router.push("/expert/thanks");
      router.refresh();
      return;
    }
    // A 422 lists the required items still missing (lib/responses/service.ts submitResponse).
    const problems = (res.error.details as { problems?: unknown } | undefined)?.problems;
    const list = Array.isArray(problems) ? (problems as Array<{ item: string; error: string }>) : [];
    setServerProblems(list);
    setFailure(list.length ? t("refused") : t("submitFailed"));
  });

  const visible = visibleItemCodes(definition, answers);
  const refusedList = Object.entries(refusals).filter(([item]) => visible.has(item));
  return (
    <section aria-labelledby="review-title" className="stack">
      <h2 id="review-title">{t("reviewTitle")}</h2>
      {refusedList.length > 0 && (
        <ul className="review-list" data-testid="review-refused">
          {refusedList.map(([item, r]) => (
            <li key={item}>
              <button type="button" className="link" onClick={() => onGoTo(item)}>
                {item}. {pick(items.get(item)?.text, lang)}
              </button>{" "}
              — {t(`refusal.${r.reason}`)}{" "}
              <button type="button" className="link" onClick={() => onDiscard(item)}>
                {t("discardChange")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length === 0 ? (
        refusedList.length === 0 && <p>{t("reviewReady")}</p>
      ) : (
        <>
          <p>{t("reviewProblems", { count: problems.length })}</p>
          <div className="review-groups" data-testid="review-problems">
            {groups.map((g) => (
              <section key={g.code} aria-labelledby={g.code ? `review-${g.code}` : undefined}>
                {g.title && <h3 id={`review-${g.code}`}>{g.title}</h3>}
                <ul className="review-list">
                  {g.problems.map((p) => {
                    const item = items.get(p.item);
                    return (
                      <li key={p.item}>
                        <button type="button" className="link" onClick={() => onGoTo(p.item)}>
                          {p.item}. {pick(item?.text, lang)}
                        </button>
                        <span className="review-message">{ta(p.error, item ? messageParams(item) : { min: "", max: "" })}</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      {failure && (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="pager">
        <button type="button" className="secondary" onClick={onBack}>
          {t("backToQuestions")}
        </button>
        <button type="button" onClick={() => void onSubmit()} disabled={formState.isSubmitting}>
          {t("submit")}
        </button>
      </div>
    </section>
  );
}
