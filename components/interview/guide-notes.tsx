"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { api } from "@/lib/api/client";
import type { TGuide } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import { COUNTRIES } from "@/lib/study/countries";
import type { TRefusalReason } from "@/lib/autosave/queue";
import { QuestionCard } from "./question-card";
import { EMPTY_NOTE, type TCodeNode, type TExpertRef, type TNoteValue, type TQuoteItem, type TServerNote } from "./types";

/** "Expert 4 (Republic of Armenia)": how an expert is named everywhere outside the coordinator's panel. */
export function useAttribution() {
  const common = useTranslations("common");
  return useCallback(
    (expert: Pick<TExpertRef, "pseudonym" | "country">, lang: TLang) => {
      const country = COUNTRIES[expert.country] ? pick(COUNTRIES[expert.country]!.formal, lang) : expert.country;
      return `${common("expertPseudonym", { n: expert.pseudonym })} (${country})`;
    },
    [common],
  );
}

const NONE: never[] = [];

/**
 * Quotes and codes of one interview, for the interviewer's workspace and the coordinator's view:
 * every change goes to the API at once and the state follows what the server confirmed.
 * `beforeWrite` runs first (the workspace saves pending notes, since a quote must match the saved text).
 */
export function useQuotesAndCodes({
  interviewId,
  quotes: initialQuotes,
  notes,
  beforeQuote,
}: {
  interviewId: string;
  quotes: TQuoteItem[];
  notes: Record<string, TServerNote>;
  beforeQuote?: (questionCode: string) => Promise<string | null>;
}) {
  const t = useTranslations("interview");
  const [quotes, setQuotes] = useState(initialQuotes);
  const [noteCodes, setNoteCodes] = useState<Record<string, string[]>>(() => Object.fromEntries(Object.entries(notes).map(([code, n]) => [code, n.codeIds])));

  const onQuote = useCallback(
    async (questionCode: string, text: string, start: number, end: number): Promise<string | null> => {
      const blocked = beforeQuote ? await beforeQuote(questionCode) : null;
      if (blocked) return blocked;
      const slice = text.slice(start, end);
      const res = await api("POST /api/interviews/[interviewId]/quotes", { params: { interviewId }, body: { questionCode, start, end, text: slice } });
      if (!res.ok) return res.error.status === 0 ? t("quoteOffline") : (res.error.message ?? t("quoteFailed"));
      const { id } = res.data;
      setQuotes((prev) => [...prev, { id, questionCode, start, end, text: slice, codeIds: [] }]);
      return null;
    },
    [beforeQuote, interviewId, t],
  );

  const onQuoteCodes = useCallback(async (quoteId: string, codeIds: string[]) => {
    const res = await api("PUT /api/quotes/[quoteId]/codes", { params: { quoteId }, body: { codeIds } });
    if (!res.ok) return false;
    setQuotes((prev) => prev.map((q) => (q.id === quoteId ? { ...q, codeIds: res.data.codeIds } : q)));
    return true;
  }, []);

  const onDeleteQuote = useCallback(async (quoteId: string) => {
    const res = await api("DELETE /api/quotes/[quoteId]", { params: { quoteId } });
    if (!res.ok && res.error.status !== 404) return false;
    setQuotes((prev) => prev.filter((q) => q.id !== quoteId));
    return true;
  }, []);

  const onNoteCodes = useCallback(
    async (questionCode: string, codeIds: string[]) => {
      if (beforeQuote && (await beforeQuote(questionCode))) return false;
      const res = await api("PUT /api/interviews/[interviewId]/notes/[questionCode]/codes", { params: { interviewId, questionCode }, body: { codeIds } });
      if (!res.ok) return false;
      setNoteCodes((prev) => ({ ...prev, [questionCode]: res.data.codeIds }));
      return true;
    },
    [beforeQuote, interviewId],
  );

  return { quotes, noteCodes, onQuote, onQuoteCodes, onDeleteQuote, onNoteCodes };
}

type TGuideNotesProps = {
  definition: TGuide;
  lang: TLang;
  notes: Record<string, TNoteValue | undefined>;
  worked: Record<string, { first: string | null; last: string | null }>;
  mode: "consent" | "edit" | "locked";
  hintId?: string;
  codes: TCodeNode[];
  canQuote: boolean;
  /** Whether notes can be coded (the server keeps codes of a question without notes on an empty note). */
  canTag: boolean;
  onNote?: (code: string, next: TNoteValue) => void;
  quotesAndCodes: ReturnType<typeof useQuotesAndCodes>;
  /** Questions whose latest notes the server refused for good, and what the interviewer can do about it. */
  refusals?: Record<string, TRefusalReason>;
  onDiscardRefusal?: (code: string) => void;
  onRetryRefusal?: (code: string) => void;
};

/** The guide's blocks in order, with a table of contents and each main question's notes. */
export function GuideNotes({ definition, lang, notes, worked, mode, hintId, codes, canQuote, canTag, onNote, quotesAndCodes, refusals, onDiscardRefusal, onRetryRefusal }: TGuideNotesProps) {
  const t = useTranslations("interview");
  const { quotes, noteCodes, onQuote, onQuoteCodes, onDeleteQuote, onNoteCodes } = quotesAndCodes;
  const quotesBy = useMemo(() => {
    const map = new Map<string, TQuoteItem[]>();
    for (const q of quotes) map.set(q.questionCode, [...(map.get(q.questionCode) ?? []), q]);
    return map;
  }, [quotes]);
  const skipped = definition.blocks.flatMap((b) => b.questions.filter((q) => notes[q.code]?.skipped));

  return (
    <div className="iv-guide" lang={lang}>
      <nav className="iv-contents card" aria-labelledby="iv-contents-title">
        <h2 id="iv-contents-title">{t("contents")}</h2>
        <ol>
          {definition.blocks.map((block) => {
            const done = block.questions.filter((q) => {
              const n = notes[q.code];
              return n && !n.skipped && (n.text.trim() || n.probesAsked.length);
            }).length;
            return (
              <li key={block.code}>
                <a href={`#block-${block.code}`}>{pick(block.title, lang)}</a> <span className="muted">· {t("progress", { done, total: block.questions.length })}</span>
              </li>
            );
          })}
        </ol>
        {skipped.length > 0 && (
          <p className="iv-skipped-list" data-testid="skipped-list">
            {t("skippedList")}{" "}
            {skipped.map((q, i) => (
              <span key={q.code}>
                {i > 0 && ", "}
                <a href={`#note-${q.code}`}>{q.code}</a>
              </span>
            ))}
          </p>
        )}
      </nav>
      {definition.blocks.map((block) => (
        <section key={block.code} id={`block-${block.code}`} className="iv-block" aria-labelledby={`block-${block.code}-title`}>
          <h2 id={`block-${block.code}-title`}>
            {pick(block.title, lang)}
            {block.suggestedMinutes && <span className="muted iv-minutes"> · {t("minutes", { count: block.suggestedMinutes })}</span>}
          </h2>
          {block.intro && <p className="muted">{pick(block.intro, lang)}</p>}
          {block.questions.map((q) => (
            <QuestionCard
              key={q.code}
              question={q}
              lang={lang}
              note={notes[q.code] ?? EMPTY_NOTE}
              worked={worked[q.code]}
              mode={mode}
              hintId={hintId}
              quotes={quotesBy.get(q.code) ?? NONE}
              noteCodeIds={noteCodes[q.code] ?? NONE}
              codes={codes}
              canQuote={canQuote}
              canTag={canTag}
              onNote={onNote}
              onQuote={onQuote}
              onQuoteCodes={onQuoteCodes}
              onDeleteQuote={onDeleteQuote}
              onNoteCodes={onNoteCodes}
              refusal={refusals?.[q.code]}
              onDiscardRefusal={onDiscardRefusal}
              onRetryRefusal={onRetryRefusal}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
