"use client";

import { useMemo, useState } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";
import type { TDefinition } from "@/lib/instrument/definition";
import { optionOrderFor } from "@/lib/instrument/order";
import { LANGS, type TLang } from "@/lib/i18n/text";
import { GuideView } from "./guide-view";
import { QuestionnaireView } from "./questionnaire-view";

/**
 * The draft exactly as a respondent would see it, with conditions working. Answers stay in this
 * page and are never saved. The language can be switched without losing them.
 */
export function InstrumentPreview({ definition, initialLang }: { definition: TDefinition; initialLang: TLang }) {
  const t = useLiteTranslations("questionnaire");
  const [lang, setLang] = useState<TLang>(initialLang);
  const [answers, setAnswers] = useState<TAnswers>({});
  const [section, setSection] = useState(0);
  const [seed, setSeed] = useState("preview");
  const order = useMemo(() => (definition.kind === "questionnaire" ? optionOrderFor(definition, seed) : {}), [definition, seed]);

  return (
    <div className="stack">
      <div className="row-actions" role="group" aria-label={t("previewLanguage")}>
        {LANGS.map((l) => (
          <button key={l} type="button" lang={l} className={l === lang ? "" : "secondary"} aria-pressed={l === lang} onClick={() => setLang(l)}>
            {l === "ru" ? "Русский" : "English"}
          </button>
        ))}
        {definition.kind === "questionnaire" && (
          <>
            <button type="button" className="secondary" onClick={() => setSeed(String(Math.random()))}>
              {t("reshuffle")}
            </button>
            <button type="button" className="secondary" onClick={() => setAnswers({})}>
              {t("clearAnswers")}
            </button>
          </>
        )}
      </div>
      {definition.kind === "questionnaire" ? (
        <QuestionnaireView
          definition={definition}
          lang={lang}
          answers={answers}
          optionOrder={order}
          section={section}
          onSection={setSection}
          showIncomplete
          onAnswer={(code: string, value: TAnswerValue | undefined) => setAnswers((prev) => ({ ...prev, [code]: value }))}
        />
      ) : (
        <GuideView definition={definition} lang={lang} />
      )}
    </div>
  );
}
