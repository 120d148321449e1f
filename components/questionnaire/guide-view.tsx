"use client";

import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TGuide } from "@/lib/instrument/definition";
import type { TLang } from "@/lib/i18n/text";
import { InstrumentLangContext, useInstrumentText } from "./use-item-text";

/** An interview guide read-only: blocks in order, each main question with its probes. */
export function GuideView({ definition, lang }: { definition: TGuide; lang: TLang }) {
  return (
    <InstrumentLangContext.Provider value={lang}>
      <GuideBody definition={definition} lang={lang} />
    </InstrumentLangContext.Provider>
  );
}

function GuideBody({ definition, lang }: { definition: TGuide; lang: TLang }) {
  const t = useLiteTranslations("questionnaire");
  const text = useInstrumentText();
  return (
    <div className="guide" lang={lang}>
      {definition.intro && <p>{text(definition.intro)}</p>}
      {definition.blocks.map((block) => (
        <section key={block.code} aria-labelledby={`block-${block.code}`} className="card stack">
          <h2 id={`block-${block.code}`}>
            {text(block.title)}
            {block.suggestedMinutes && <span className="muted"> · {t("minutes", { count: block.suggestedMinutes })}</span>}
          </h2>
          {block.intro && <p>{text(block.intro)}</p>}
          <ol>
            {block.questions.map((q) => (
              <li key={q.code}>
                <p>{text(q.text)}</p>
                {q.probes.length > 0 && (
                  <ul className="probes" aria-label={t("probes")}>
                    {q.probes.map((p) => (
                      <li key={p.code}>{text(p.text)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
