"use client";

import { useMemo } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import "./questionnaire.css";
import { isAnswered, visibleItemCodes } from "@/lib/instrument/answer-rules";
import type { TAnswers } from "@/lib/instrument/answers";
import { formatAnswer } from "@/lib/instrument/format-answer";
import type { TQuestionnaire } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";

/** Every answered, visible question with its answer, section by section (the expert's own copy). */
export function AnswerSummary({ definition, answers, lang }: { definition: TQuestionnaire; answers: TAnswers; lang: TLang }) {
  const t = useLiteTranslations("questionnaire");
  const visible = useMemo(() => visibleItemCodes(definition, answers), [definition, answers]);
  return (
    <div className="stack" lang={lang}>
      {definition.sections.map((section) => {
        const items = section.items.filter((i) => visible.has(i.code) && i.type !== "display" && isAnswered(i, answers[i.code]));
        if (items.length === 0) return null;
        return (
          <section key={section.code} className="card">
            <h2 style={{ marginTop: 0 }}>{pick(section.title, lang)}</h2>
            <dl className="answer-list">
              {items.map((item) => (
                <div key={item.code}>
                  <dt>
                    {item.code}. {pick(item.text, lang)}
                  </dt>
                  <dd>{formatAnswer(item, answers[item.code]!, lang, t("cannotAssess"))}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
