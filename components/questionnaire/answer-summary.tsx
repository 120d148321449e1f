"use client";

import { useMemo } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import "./questionnaire.css";
import { isAnswered, visibleItemCodes } from "@/lib/instrument/answer-rules";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/instrument/text";

function optionLabel(item: TItem, code: string, lang: TLang): string {
  if (!("options" in item)) return code;
  return pick(item.options.find((o) => o.code === code)?.label, lang) || code;
}

/** An answer as words, in the respondent's language. */
export function formatAnswer(item: TItem, value: TAnswerValue, lang: TLang, cannotAssess: string): string {
  switch (item.type) {
    case "single": {
      const v = value as { choice: string; other?: string };
      return [optionLabel(item, v.choice, lang), v.other].filter(Boolean).join(": ");
    }
    case "multi": {
      const v = value as { choices: string[]; other?: string };
      return [...v.choices.map((c) => optionLabel(item, c, lang)), v.other].filter(Boolean).join("; ");
    }
    case "ranking":
      return (value as { order: string[] }).order.map((c, i) => `${i + 1}. ${optionLabel(item, c, lang)}`).join("; ");
    case "scale":
      return "cannotAssess" in value ? cannotAssess : String((value as { value: number }).value);
    case "number":
      return `${(value as { value: number }).value}${item.unit ? ` ${pick(item.unit, lang)}` : ""}`;
    case "text":
      return (value as { text: string }).text;
    case "matrix":
      return item.rows
        .filter((r) => (value as { rows: Record<string, number | "NA"> }).rows[r.code] !== undefined)
        .map((r) => {
          const v = (value as { rows: Record<string, number | "NA"> }).rows[r.code]!;
          return `${pick(r.label, lang)}: ${v === "NA" ? cannotAssess : v}`;
        })
        .join("; ");
    default:
      return "";
  }
}

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
