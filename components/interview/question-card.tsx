"use client";

import { useTranslations } from "next-intl";
import { memo, useRef, useState } from "react";
import type { TGuide } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import type { TRefusalReason } from "@/lib/autosave/queue";
import { CodePicker } from "@/components/codebook/code-picker";
import { LocalTime } from "./local-time";
import { QuoteRow } from "./quote-row";
import { QUOTE_MAX_CHARS, type TCodeNode, type TNoteValue, type TQuoteItem } from "./types";
import type { TOutcome } from "@/components/forms/form-alert";

type TQuestion = TGuide["blocks"][number]["questions"][number];

export type TQuestionCardProps = {
  question: TQuestion;
  lang: TLang;
  note: TNoteValue;
  worked?: { first: string | null; last: string | null };
  /** "consent": waiting for oral consent (controls disabled); "edit": notes can be taken; "locked": read-only. */
  mode: "consent" | "edit" | "locked";
  /** Why the controls are disabled or read-only, as the id of a visible hint. */
  hintId?: string;
  quotes: TQuoteItem[];
  noteCodeIds: string[];
  codes: TCodeNode[];
  canQuote: boolean;
  canTag: boolean;
  onNote?: (code: string, next: TNoteValue) => void;
  onQuote: (code: string, text: string, start: number, end: number) => Promise<string | null>;
  onQuoteCodes: (quoteId: string, codeIds: string[]) => Promise<boolean>;
  onDeleteQuote: (quoteId: string) => Promise<boolean>;
  onNoteCodes: (code: string, codeIds: string[]) => Promise<boolean>;
  /** The server refused the latest change to these notes for good (lib/autosave/queue.ts). */
  refusal?: TRefusalReason;
  onDiscardRefusal?: (code: string) => void;
  onRetryRefusal?: (code: string) => void;
};

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One main question of the guide: its probes, the interviewer's notes, skipping, quotes and codes. */
export const QuestionCard = memo(function QuestionCard(props: TQuestionCardProps) {
  const { question: q, lang, note, worked, mode, hintId, quotes, noteCodeIds, codes, canQuote, canTag, onNote, refusal } = props;
  const t = useTranslations("interview");
  const area = useRef<HTMLTextAreaElement>(null);
  const [quoteMessage, setQuoteMessage] = useState<TOutcome | null>(null);
  const [quoting, setQuoting] = useState(false);
  const code = q.code;
  const editable = mode === "edit" && Boolean(onNote);
  const describedBy = [!editable && hintId ? hintId : null, `notes-${code}-worked`, refusal ? `refusal-${code}` : null].filter(Boolean).join(" ");

  const update = (patch: Partial<TNoteValue>) => onNote?.(code, { ...note, ...patch });

  const quote = async () => {
    const el = area.current;
    if (!el) return;
    let start = el.selectionStart;
    let end = el.selectionEnd;
    const text = el.value;
    // Whitespace at the edges of a selection is not part of the quote.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start >= end) {
      setQuoteMessage({ kind: "error", text: t("quoteNoSelection") });
      return;
    }
    if (end - start > QUOTE_MAX_CHARS) {
      setQuoteMessage({ kind: "error", text: t("quoteTooLong", { max: QUOTE_MAX_CHARS }) });
      return;
    }
    setQuoting(true);
    setQuoteMessage(null);
    const error = await props.onQuote(code, text, start, end);
    setQuoting(false);
    setQuoteMessage(error ? { kind: "error", text: error } : { kind: "success", text: t("quoteSaved") });
  };

  const status = note.skipped ? "skipped" : note.text.trim() || note.probesAsked.length ? "noted" : "open";
  const title = pick(q.text, lang);

  return (
    <article id={`note-${code}`} className="iv-question" data-status={status} aria-labelledby={`q-${code}-title`}>
      <header className="iv-question-head">
        <h3 id={`q-${code}-title`}>
          <span className="iv-qcode">{code}.</span> {title}
        </h3>
        {status !== "open" && <span className={`iv-badge iv-badge-${status}`}>{status === "skipped" ? t("skippedBadge") : t("notedBadge")}</span>}
      </header>

      {note.skipped ? (
        <p className="muted iv-skipped-note">{t("skippedExplained")}</p>
      ) : (
        <>
          {q.probes.length > 0 && (
            <fieldset className="iv-probes" disabled={!editable} aria-describedby={!editable && hintId ? hintId : undefined}>
              <legend>{t("probesLegend")}</legend>
              <ul>
                {q.probes.map((p) => {
                  const id = `probe-${p.code}`;
                  const checked = note.probesAsked.includes(p.code);
                  return (
                    <li key={p.code} className="iv-check">
                      <input
                        type="checkbox"
                        id={id}
                        checked={checked}
                        onChange={() => update({ probesAsked: checked ? note.probesAsked.filter((c) => c !== p.code) : [...note.probesAsked, p.code] })}
                      />
                      <label htmlFor={id}>{pick(p.text, lang)}</label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}
          <div className="iv-notes">
            <label htmlFor={`notes-${code}`}>{t("notesLabel", { code })}</label>
            <textarea
              id={`notes-${code}`}
              ref={area}
              value={note.text}
              rows={Math.min(16, Math.max(4, note.text.split("\n").length + 1))}
              disabled={mode === "consent"}
              readOnly={!editable}
              aria-describedby={describedBy}
              onChange={(e) => update({ text: e.target.value })}
              spellCheck
            />
            <p id={`notes-${code}-worked`} className="hint iv-worked">
              {worked?.first && worked.last ? (
                <>
                  {t("firstWorked")} <LocalTime iso={worked.first} style="time" /> · {t("lastWorked")} <LocalTime iso={worked.last} style="time" />
                </>
              ) : (
                t("notWorked")
              )}
            </p>
          </div>
        </>
      )}

      {refusal && (
        <div id={`refusal-${code}`} className="field-error iv-refusal" role="alert" data-testid={`refusal-${code}`}>
          <p>{t(`refusal.${refusal}`)}</p>
          <div className="row-actions">
            {refusal === "serverError" && props.onRetryRefusal && (
              <button type="button" className="secondary" onClick={() => props.onRetryRefusal?.(code)}>
                {t("retrySave")}
              </button>
            )}
            {props.onDiscardRefusal && (
              <button type="button" className="secondary" onClick={() => props.onDiscardRefusal?.(code)}>
                {t("discardChange")}
              </button>
            )}
          </div>
        </div>
      )}

      <div className="iv-question-actions">
        {editable && (
          <button type="button" className="secondary" onClick={() => update({ skipped: !note.skipped })}>
            {note.skipped ? t("unskip") : t("skip")}
          </button>
        )}
        {canQuote && !note.skipped && (
          <button type="button" className="secondary" onClick={() => void quote()} disabled={quoting} aria-describedby={quoteMessage ? `quote-${code}-message` : undefined}>
            {t("quoteSelection")}
          </button>
        )}
      </div>
      <p id={`quote-${code}-message`} className={quoteMessage ? `iv-inline-message ${quoteMessage.kind}` : "visually-hidden"} role="status">
        {quoteMessage?.text ?? ""}
      </p>

      {canTag && (
        <div className="iv-note-codes">
          <h4>{t("noteCodes")}</h4>
          <CodePicker
            codes={codes}
            selected={noteCodeIds}
            onChange={(ids) => props.onNoteCodes(code, ids)}
            legend={t("codesForNote", { code })}
            idPrefix={`note-code-${code}`}
          />
        </div>
      )}

      {quotes.length > 0 && (
        <section className="iv-quotes" aria-labelledby={`quotes-${code}-title`}>
          <h4 id={`quotes-${code}-title`}>{t("quotesTitle", { count: quotes.length })}</h4>
          <ul>
            {quotes.map((quoteItem) => (
              <QuoteRow key={quoteItem.id} quote={quoteItem} codes={codes} onCodes={props.onQuoteCodes} onDelete={props.onDeleteQuote} label={t("codesForQuote", { text: shorten(quoteItem.text) })} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
});
