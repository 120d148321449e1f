"use client";

import { useEffect, useMemo, useRef } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import "./questionnaire.css";
import { progress, sectionProgress, visibleItemCodes } from "@/lib/instrument/answer-rules";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";
import type { TLang } from "@/lib/i18n/text";
import { ItemField, type TItemRefusal } from "./item-field";
import { InstrumentLangContext, useInstrumentText } from "./use-item-text";

export type TQuestionnaireViewProps = {
  definition: TQuestionnaire;
  lang: TLang;
  answers: TAnswers;
  onAnswer: (code: string, value: TAnswerValue | undefined) => void;
  optionOrder?: Record<string, string[]>;
  section: number;
  onSection: (index: number) => void;
  showIncomplete?: boolean;
  readOnly?: boolean;
  /** Shown after the last section's "Next" (e.g. "Review answers"). */
  onFinish?: () => void;
  /** Items whose latest change the server refused for good, with what the respondent can do about it. */
  refusals?: Record<string, TItemRefusal>;
  /** What to show between an item's question and its answer (a Delphi round's feedback). */
  aside?: (item: TItem) => React.ReactNode;
};

/**
 * The questionnaire as a respondent sees it: one section at a time, a section list to jump
 * anywhere, next/back, and progress (required answered / required visible). Items and sections
 * appear and disappear as answers change.
 */
export function QuestionnaireView(props: TQuestionnaireViewProps) {
  return (
    <InstrumentLangContext.Provider value={props.lang}>
      <QuestionnaireBody {...props} />
    </InstrumentLangContext.Provider>
  );
}

function QuestionnaireBody({ definition, answers, onAnswer, optionOrder, section, onSection, showIncomplete, readOnly, onFinish, lang, refusals, aside }: TQuestionnaireViewProps) {
  const t = useLiteTranslations("questionnaire");
  const text = useInstrumentText();
  const visible = useMemo(() => visibleItemCodes(definition, answers), [definition, answers]);
  const { answered, total } = useMemo(() => progress(definition, answers), [definition, answers]);
  const perSection = useMemo(() => sectionProgress(definition, answers), [definition, answers]);
  // The section list is folded on small screens, so the first question comes within the first screen.
  const sectionList = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (sectionList.current && window.matchMedia("(min-width: 48rem)").matches) sectionList.current.open = true;
  }, []);
  const shownSections = definition.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.items.some((item) => visible.has(item.code)));
  const currentIndex = Math.max(0, shownSections.findIndex(({ i }) => i === section));
  const current = shownSections[currentIndex];
  const go = (offset: number) => {
    const target = shownSections[currentIndex + offset];
    if (target) onSection(target.i);
    else if (offset > 0) onFinish?.();
  };

  return (
    <div className="questionnaire" lang={lang}>
      <div className="progress" role="group" aria-label={t("progressLabel")}>
        <progress max={total || 1} value={answered} aria-hidden="true" />
        <span>{t("progress", { answered, total })}</span>
      </div>
      <details className="section-list" ref={sectionList}>
        <summary>{t("sectionOf", { current: currentIndex + 1, count: shownSections.length })}</summary>
        <nav aria-label={t("sections")}>
          <ol>
            {shownSections.map(({ s, i }) => {
              const done = perSection[i]!;
              const complete = done.total > 0 && done.answered === done.total;
              return (
                <li key={s.code} data-complete={complete || undefined}>
                  <button
                    type="button"
                    className={i === current?.i ? "link current" : "link"}
                    aria-current={i === current?.i ? "step" : undefined}
                    aria-describedby={`section-progress-text-${s.code}`}
                    onClick={() => {
                      onSection(i);
                      if (sectionList.current && !window.matchMedia("(min-width: 48rem)").matches) sectionList.current.open = false;
                    }}>
                    {text(s.title)}
                  </button>
                  <span id={`section-progress-text-${s.code}`} className="visually-hidden">
                    {t("sectionProgress", done)}
                  </span>
                  {done.total > 0 && (
                    <span className="section-done" aria-hidden="true" data-testid={`section-progress-${s.code}`}>
                      {complete ? "✓ " : ""}
                      {done.answered}/{done.total}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      </details>
      {current && (
        <section aria-labelledby={`section-${current.s.code}`} className="section">
          <h2 id={`section-${current.s.code}`}>{text(current.s.title)}</h2>
          {current.s.intro && <p>{text(current.s.intro)}</p>}
          {current.s.items
            .filter((item) => visible.has(item.code))
            .map((item) => (
              <ItemField
                key={item.code}
                item={item}
                value={answers[item.code]}
                order={optionOrder?.[item.code]}
                showIncomplete={showIncomplete}
                readOnly={readOnly}
                refusal={refusals?.[item.code]}
                aside={aside?.(item)}
                onChange={(value) => onAnswer(item.code, value)}
              />
            ))}
        </section>
      )}
      <div className="pager">
        <button type="button" className="secondary" disabled={currentIndex === 0} onClick={() => go(-1)}>
          {t("back")}
        </button>
        {(currentIndex < shownSections.length - 1 || onFinish) && (
          <button type="button" onClick={() => go(1)}>
            {currentIndex < shownSections.length - 1 ? t("next") : t("finish")}
          </button>
        )}
      </div>
    </div>
  );
}
