"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CodePicker } from "@/components/codebook/code-picker";
import type { TCodeNode, TQuoteItem } from "./types";

/** One quote taken from a note: its text, its codes, and its deletion (after a confirmation). */
export function QuoteRow({ quote, codes, onCodes, onDelete, label }: { quote: TQuoteItem; codes: TCodeNode[]; onCodes: (id: string, ids: string[]) => Promise<boolean>; onDelete: (id: string) => Promise<boolean>; label: string }) {
  const t = useTranslations("interview");
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <li className="iv-quote" data-testid={`quote-${quote.id}`}>
      <blockquote>{quote.text}</blockquote>
      {quote.noteChanged && <p className="hint">{t("quoteNoteChanged")}</p>}
      <CodePicker codes={codes} selected={quote.codeIds} onChange={(ids) => onCodes(quote.id, ids)} legend={label} idPrefix={`quote-code-${quote.id}`} />
      <div className="row-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="secondary iv-danger"
              onClick={async () => {
                const ok = await onDelete(quote.id);
                setFailed(!ok);
                setConfirming(false);
              }}
            >
              {t("deleteQuoteConfirm")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("keepQuote")}
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t("deleteQuote")}
          </button>
        )}
      </div>
      {failed && (
        <p className="field-error" role="alert">
          {t("deleteQuoteFailed")}
        </p>
      )}
    </li>
  );
}
