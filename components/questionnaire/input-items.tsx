"use client";

import { useState } from "react";
import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TNumberAnswer, TRankingAnswer, TTextAnswer } from "@/lib/instrument/answers";
import type { TItem, TOption } from "@/lib/instrument/definition";
import { useInstrumentText } from "./use-item-text";

export function RankingInput({ item, options, value, onChange, describedBy, readOnly }: {
  item: Extract<TItem, { type: "ranking" }>;
  options: TOption[];
  value: TRankingAnswer | undefined;
  onChange: (value: TRankingAnswer | undefined) => void;
  describedBy?: string;
  readOnly?: boolean;
}) {
  const t = useLiteTranslations("questionnaire");
  const text = useInstrumentText();
  const order = value?.order ?? [];
  const places = Math.min(item.topK, options.length);
  const setPlace = (index: number, code: string) => {
    const next = [...order];
    while (next.length < index) next.push("");
    next[index] = code;
    // One option per place: choosing it here removes it from any other place.
    const cleaned = next.map((c, i) => (i !== index && c === code ? "" : c));
    while (cleaned.length && !cleaned[cleaned.length - 1]) cleaned.pop();
    onChange(cleaned.length ? { order: cleaned.filter(Boolean) } : undefined);
  };
  return (
    <ol className="ranking" aria-describedby={describedBy}>
      {Array.from({ length: places }, (_, i) => (
        <li key={i}>
          <label htmlFor={`${item.code}-rank-${i + 1}`}>{t("rankPlace", { place: i + 1 })}</label>
          <select id={`${item.code}-rank-${i + 1}`} value={order[i] ?? ""} disabled={readOnly} onChange={(e) => setPlace(i, e.target.value)}>
            <option value="">{t("rankChoose")}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {text(o.label)}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ol>
  );
}

/** Keeps what the respondent typed (e.g. "-" or "1.") while storing only real numbers. */
export function NumberInput({ item, value, onChange, describedBy, readOnly, labelledBy }: {
  item: Extract<TItem, { type: "number" }>;
  value: TNumberAnswer | undefined;
  onChange: (value: TNumberAnswer | undefined) => void;
  describedBy?: string;
  readOnly?: boolean;
  labelledBy?: string;
}) {
  const text = useInstrumentText();
  const [draft, setDraft] = useState(value === undefined ? "" : String(value.value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The value changed from outside (another tab, a server sync): show it unless it is what is typed.
    setShown(value);
    if (value !== undefined && Number(draft.replace(",", ".")) !== value.value) setDraft(String(value.value));
    if (value === undefined && shown !== undefined) setDraft("");
  }
  return (
    <div className="number-input">
      <input
        id={`${item.code}-input`}
        type="text"
        inputMode={item.integer ? "numeric" : "decimal"}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        value={draft}
        readOnly={readOnly}
        onChange={(e) => {
          const raw = e.target.value;
          setDraft(raw);
          const normalized = raw.replace(",", ".").trim();
          if (normalized === "") onChange(undefined);
          else if (/^-?\d+(\.\d+)?$/.test(normalized)) onChange({ value: Number(normalized) });
        }}
      />
      {item.unit && <span className="unit">{text(item.unit)}</span>}
    </div>
  );
}

export function TextInput({ item, value, onChange, describedBy, readOnly, labelledBy }: {
  item: Extract<TItem, { type: "text" }>;
  value: TTextAnswer | undefined;
  onChange: (value: TTextAnswer | undefined) => void;
  describedBy?: string;
  readOnly?: boolean;
  labelledBy?: string;
}) {
  const t = useLiteTranslations("questionnaire");
  const current = value?.text ?? "";
  const props = {
    id: `${item.code}-input`,
    "aria-labelledby": labelledBy,
    "aria-describedby": [describedBy, `${item.code}-count`].filter(Boolean).join(" "),
    value: current,
    readOnly,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value === "" ? undefined : { text: e.target.value }),
  };
  return (
    <div>
      {item.multiline ? <textarea rows={5} {...props} /> : <input type="text" {...props} />}
      <p id={`${item.code}-count`} className="hint">
        {t("charactersLeft", { count: item.maxLength - current.length })}
      </p>
    </div>
  );
}
