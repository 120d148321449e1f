"use client";

import { useLiteTranslations } from "@/components/layout/lite-translations";
import { answerError, completenessError } from "@/lib/instrument/answer-rules";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";
import { orderedOptions } from "@/lib/instrument/order";
import type { TRefusalReason } from "@/lib/autosave/queue";
import { MultiChoice, SingleChoice } from "./choice-items";
import { NumberInput, RankingInput, TextInput } from "./input-items";
import { Matrix, Scale } from "./scale-items";
import { useInstrumentText } from "./use-item-text";

type TItemFieldProps = {
  item: TItem;
  value: TAnswerValue | undefined;
  onChange: (value: TAnswerValue | undefined) => void;
  /** The option order this respondent saw (shuffled items). */
  order?: string[];
  /** Show "required" and completeness errors too (after the respondent tried to move on or on review). */
  showIncomplete?: boolean;
  readOnly?: boolean;
  /** The server refused the latest change for good (lib/autosave/queue.ts): why, and what the respondent can do. */
  refusal?: TItemRefusal;
  /** Shown between the question and its answer (a Delphi round's own and group answers). */
  aside?: React.ReactNode;
};

export type TItemRefusal = { reason: TRefusalReason; onDiscard: () => void; onRetry?: () => void };

/** The refusal under an item: why the answer was not saved, and "discard" (or "try again" after a server error). */
function RefusalNotice({ id, refusal }: { id: string; refusal: TItemRefusal }) {
  const t = useLiteTranslations("expertFlow");
  return (
    <div id={id} className="field-error refusal" role="alert" data-testid={id}>
      <p>{t(`refusal.${refusal.reason}`)}</p>
      <div className="row-actions">
        {refusal.reason === "serverError" && refusal.onRetry && (
          <button type="button" className="secondary" onClick={refusal.onRetry}>
            {t("retrySave")}
          </button>
        )}
        <button type="button" className="secondary" onClick={refusal.onDiscard}>
          {t("discardChange")}
        </button>
      </div>
    </div>
  );
}

/** The message key of what is wrong with a value: invalid first, then incomplete. */
export function itemError(item: TItem, value: TAnswerValue | undefined, showIncomplete: boolean): string | null {
  const invalid = value === undefined ? null : answerError(item, value);
  return invalid ?? (showIncomplete ? completenessError(item, value) : null);
}

/** The bounds an item's error messages name ("Enter a value from {min} to {max}"). */
export function messageParams(item: TItem): { min: number | string; max: number | string } {
  return {
    min: "min" in item ? (item.min ?? "") : item.type === "multi" ? (item.minSelect ?? "") : "",
    max: "max" in item ? (item.max ?? "") : item.type === "multi" ? (item.maxSelect ?? "") : item.type === "text" ? item.maxLength : "",
  };
}

/**
 * One item, as a fieldset with a legend (choice, scale, matrix, ranking) or a labelled input
 * (number, text). Its error, in the interface language, is linked to the control.
 */
export function ItemField({ item, value, onChange, order, showIncomplete = false, readOnly, refusal, aside }: TItemFieldProps) {
  const t = useLiteTranslations("answers");
  const text = useInstrumentText();
  const error = itemError(item, value, showIncomplete);
  const errorId = `${item.code}-error`;
  const helpId = `${item.code}-help`;
  const refusalId = `refusal-${item.code}`;
  const describedBy = [item.help ? helpId : null, error ? errorId : null, refusal ? refusalId : null].filter(Boolean).join(" ") || undefined;
  const invalid = Boolean(error || refusal);
  const titleId = `${item.code}-title`;
  const params = messageParams(item);

  if (item.type === "display") {
    return (
      <div className="item item-display" id={`item-${item.code}`}>
        <p>{text(item.text)}</p>
      </div>
    );
  }

  const title = (
    <>
      <span className="item-code" aria-hidden="true">
        {item.code}.{" "}
      </span>
      {text(item.text)}
      {item.required && <span className="required-mark" aria-label={t("requiredMark")}> *</span>}
    </>
  );
  const help = item.help && (
    <p id={helpId} className="hint">
      {text(item.help)}
    </p>
  );
  const errorLine = (
    <>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {t(error, params)}
        </p>
      )}
      {refusal && <RefusalNotice id={refusalId} refusal={refusal} />}
    </>
  );
  const common = { describedBy, readOnly };
  const control = (() => {
    switch (item.type) {
      case "single":
        return <SingleChoice item={item} options={orderedOptions(item.options, order)} value={value as never} onChange={onChange} {...common} />;
      case "multi":
        return <MultiChoice item={item} options={orderedOptions(item.options, order)} value={value as never} onChange={onChange} {...common} />;
      case "scale":
        return <Scale item={item} value={value as never} onChange={onChange} legendId={titleId} {...common} />;
      case "matrix":
        return <Matrix item={item} value={value as never} onChange={onChange} {...common} />;
      case "ranking":
        return <RankingInput item={item} options={orderedOptions(item.options, order)} value={value as never} onChange={onChange} {...common} />;
      case "number":
        return <NumberInput item={item} value={value as never} onChange={onChange} labelledBy={titleId} {...common} />;
      case "text":
        return <TextInput item={item} value={value as never} onChange={onChange} labelledBy={titleId} {...common} />;
    }
  })();

  if (item.type === "number" || item.type === "text") {
    return (
      <div className={`item${invalid ? " has-error" : ""}`} id={`item-${item.code}`}>
        <label id={titleId} htmlFor={`${item.code}-input`} className="item-title">
          {title}
        </label>
        {help}
        {aside}
        {control}
        {errorLine}
      </div>
    );
  }
  return (
    <fieldset className={`item${invalid ? " has-error" : ""}`} id={`item-${item.code}`} aria-describedby={describedBy}>
      <legend id={titleId} className="item-title">
        {title}
      </legend>
      {help}
      {aside}
      {control}
      {errorLine}
    </fieldset>
  );
}
