"use client";

import { useLiteTranslations } from "@/components/layout/lite-translations";
import type { TMatrixAnswer, TScaleAnswer } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";
import type { TText } from "@/lib/i18n/text";
import { useInstrumentText } from "./use-item-text";

type TScaleLike = { min: number; max: number; minLabel?: TText; maxLabel?: TText; cannotAssess?: boolean };

function range(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
}

/** What the ends of a scale mean ("1 — very weak", "10 — very strong"), shown above its points. */
function ScaleEnds({ scale }: { scale: TScaleLike }) {
  const text = useInstrumentText();
  if (!scale.minLabel && !scale.maxLabel) return null;
  return (
    <div className="scale-ends" aria-hidden="true">
      <span>
        {scale.min} — {text(scale.minLabel)}
      </span>
      <span>
        {scale.max} — {text(scale.maxLabel)}
      </span>
    </div>
  );
}

/**
 * One row of radio buttons min…max (wrapping on narrow screens), with "cannot assess". The ends'
 * meaning is shown above the row (`showEnds`) or once above a matrix; screen readers hear it on the
 * end points either way.
 */
function ScaleRow({ name, scale, selected, onSelect, describedBy, readOnly, legendId, showEnds = true }: {
  name: string;
  scale: TScaleLike;
  selected: number | "NA" | undefined;
  onSelect: (value: number | "NA") => void;
  describedBy?: string;
  readOnly?: boolean;
  legendId?: string;
  showEnds?: boolean;
}) {
  const t = useLiteTranslations("questionnaire");
  const text = useInstrumentText();
  return (
    <div className="scale" role="radiogroup" aria-labelledby={legendId} aria-describedby={describedBy}>
      {showEnds && <ScaleEnds scale={scale} />}
      <div className="scale-points">
        {range(scale.min, scale.max).map((n) => {
          const id = `${name}-${n}`;
          const endLabel = n === scale.min ? text(scale.minLabel) : n === scale.max ? text(scale.maxLabel) : "";
          return (
            <span key={n} className="scale-point">
              <input id={id} type="radio" name={name} value={n} checked={selected === n} disabled={readOnly} onChange={() => onSelect(n)} />
              <label htmlFor={id}>
                {n}
                {endLabel && <span className="visually-hidden"> ({endLabel})</span>}
              </label>
            </span>
          );
        })}
        {scale.cannotAssess && (
          <span className="scale-point scale-na">
            <input id={`${name}-NA`} type="radio" name={name} value="NA" checked={selected === "NA"} disabled={readOnly} onChange={() => onSelect("NA")} />
            <label htmlFor={`${name}-NA`}>{t("cannotAssess")}</label>
          </span>
        )}
      </div>
    </div>
  );
}

export function Scale({ item, value, onChange, describedBy, readOnly, legendId }: {
  item: Extract<TItem, { type: "scale" }>;
  value: TScaleAnswer | undefined;
  onChange: (value: TScaleAnswer) => void;
  describedBy?: string;
  readOnly?: boolean;
  legendId?: string;
}) {
  const selected = value === undefined ? undefined : "cannotAssess" in value ? "NA" : value.value;
  return (
    <ScaleRow
      name={item.code}
      scale={item}
      selected={selected}
      describedBy={describedBy}
      readOnly={readOnly}
      legendId={legendId}
      onSelect={(v) => onChange(v === "NA" ? { cannotAssess: true } : { value: v })}
    />
  );
}

/**
 * Each row is its own labelled group, so the matrix stays usable on a 360 px screen; what the
 * scale's ends mean is said once, above the rows.
 */
export function Matrix({ item, value, onChange, describedBy, readOnly }: {
  item: Extract<TItem, { type: "matrix" }>;
  value: TMatrixAnswer | undefined;
  onChange: (value: TMatrixAnswer) => void;
  describedBy?: string;
  readOnly?: boolean;
}) {
  const text = useInstrumentText();
  const rows = value?.rows ?? {};
  return (
    <div className="matrix" aria-describedby={describedBy}>
      <ScaleEnds scale={item} />
      {item.rows.map((row) => (
        <fieldset key={row.code} className="matrix-row">
          <legend id={`${row.code}-legend`}>{text(row.label)}</legend>
          <ScaleRow
            name={row.code}
            scale={item}
            selected={rows[row.code]}
            readOnly={readOnly}
            legendId={`${row.code}-legend`}
            showEnds={false}
            onSelect={(v) => onChange({ rows: { ...rows, [row.code]: v } })}
          />
        </fieldset>
      ))}
    </div>
  );
}
