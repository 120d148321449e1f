import type { TItemFeedback, TNumericFeedback } from "@/lib/delphi/feedback";
import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";

/** The longest reason an expert can give for a changed answer. */
export const REASON_MAX = 1000;

/**
 * Whether a changed answer needs a reason: a scale value, or any matrix row, that differs from the
 * expert's previous answer and lies outside the group's interquartile range [Q1, Q3].
 */
export function needsReason(item: TItem, feedback: TItemFeedback | null, previous: TAnswerValue | null | undefined, value: TAnswerValue | null | undefined): boolean {
  if (!feedback || feedback.kind !== "numeric" || !value) return false;
  const outside = (v: number, stats: TNumericFeedback | null) => !!stats && (v < stats.q1 || v > stats.q3);
  if (item.type === "scale" && "value" in value && typeof value.value === "number") {
    const before = previous && "value" in previous ? previous.value : undefined;
    return before !== value.value && outside(value.value, feedback.rows[0]?.stats ?? null);
  }
  if (item.type === "matrix" && "rows" in value) {
    const before = previous && "rows" in previous ? previous.rows : {};
    return feedback.rows.some((row) => {
      const v = row.code ? value.rows[row.code] : undefined;
      return typeof v === "number" && v !== before[row.code!] && outside(v, row.stats);
    });
  }
  return false;
}
