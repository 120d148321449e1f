"use client";

import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TMultiAnswer, TSingleAnswer } from "@/lib/instrument/answers";
import type { TItem, TOption } from "@/lib/instrument/definition";
import { useInstrumentText } from "./use-item-text";

type TChoiceProps<V> = {
  item: Extract<TItem, { type: "single" | "multi" }>;
  options: TOption[];
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  describedBy?: string;
  readOnly?: boolean;
};

function OtherText({ id, value, onChange, readOnly }: { id: string; value: string; onChange: (v: string) => void; readOnly?: boolean }) {
  const t = useLiteTranslations("questionnaire");
  return (
    <div className="other-text">
      <label htmlFor={id} className="visually-hidden">
        {t("otherSpecify")}
      </label>
      <input id={id} type="text" maxLength={500} placeholder={t("otherSpecify")} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function SingleChoice({ item, options, value, onChange, describedBy, readOnly }: TChoiceProps<TSingleAnswer>) {
  const text = useInstrumentText();
  return (
    <div className="choices" role="radiogroup" aria-describedby={describedBy}>
      {options.map((o) => {
        const id = `${item.code}-${o.code}`;
        const checked = value?.choice === o.code;
        return (
          <div key={o.code} className="choice">
            <input
              id={id}
              type="radio"
              name={item.code}
              value={o.code}
              checked={checked}
              disabled={readOnly}
              onChange={() => onChange({ choice: o.code, ...(o.other && value?.other ? { other: value.other } : {}) })}
            />
            <label htmlFor={id}>{text(o.label)}</label>
            {o.other && checked && <OtherText id={`${id}-text`} value={value?.other ?? ""} readOnly={readOnly} onChange={(other) => onChange({ choice: o.code, other })} />}
          </div>
        );
      })}
    </div>
  );
}

export function MultiChoice({ item, options, value, onChange, describedBy, readOnly }: TChoiceProps<TMultiAnswer>) {
  const text = useInstrumentText();
  const chosen = value?.choices ?? [];
  const toggle = (option: TOption, on: boolean) => {
    let next: string[];
    if (!on) next = chosen.filter((c) => c !== option.code);
    else if (option.exclusive) next = [option.code];
    else next = [...chosen.filter((c) => !item.options.find((o) => o.code === c)?.exclusive), option.code];
    const otherCode = item.options.find((o) => o.other)?.code;
    const keepOther = otherCode && next.includes(otherCode) && value?.other !== undefined;
    onChange(next.length || keepOther ? { choices: next, ...(keepOther ? { other: value!.other } : {}) } : undefined);
  };
  return (
    <div className="choices" aria-describedby={describedBy}>
      {options.map((o) => {
        const id = `${item.code}-${o.code}`;
        const checked = chosen.includes(o.code);
        return (
          <div key={o.code} className="choice">
            <input id={id} type="checkbox" value={o.code} checked={checked} disabled={readOnly} onChange={(e) => toggle(o, e.target.checked)} />
            <label htmlFor={id}>{text(o.label)}</label>
            {o.other && checked && <OtherText id={`${id}-text`} value={value?.other ?? ""} readOnly={readOnly} onChange={(other) => onChange({ choices: chosen, other })} />}
          </div>
        );
      })}
    </div>
  );
}
