import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TItem } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";

/** Answers as words: the expert's own review and the coordinator's record view of a response. */

function optionLabel(item: TItem, code: string, lang: TLang): string {
  if (!("options" in item)) return code;
  return pick(item.options.find((o) => o.code === code)?.label, lang) || code;
}

/** An answer as words, in the given language. */
export function formatAnswer(item: TItem, value: TAnswerValue, lang: TLang, cannotAssess: string): string {
  switch (item.type) {
    case "single": {
      const v = value as { choice: string; other?: string };
      return [optionLabel(item, v.choice, lang), v.other].filter(Boolean).join(": ");
    }
    case "multi": {
      const v = value as { choices: string[]; other?: string };
      return [...v.choices.map((c) => optionLabel(item, c, lang)), v.other].filter(Boolean).join("; ");
    }
    case "ranking":
      return (value as { order: string[] }).order.map((c, i) => `${i + 1}. ${optionLabel(item, c, lang)}`).join("; ");
    case "scale":
      return "cannotAssess" in value ? cannotAssess : String((value as { value: number }).value);
    case "number":
      return `${(value as { value: number }).value}${item.unit ? ` ${pick(item.unit, lang)}` : ""}`;
    case "text":
      return (value as { text: string }).text;
    case "matrix":
      return item.rows
        .filter((r) => (value as { rows: Record<string, number | "NA"> }).rows[r.code] !== undefined)
        .map((r) => {
          const v = (value as { rows: Record<string, number | "NA"> }).rows[r.code]!;
          return `${pick(r.label, lang)}: ${v === "NA" ? cannotAssess : v}`;
        })
        .join("; ");
    default:
      return "";
  }
}
