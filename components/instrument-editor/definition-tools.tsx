import type { TCondition, TDefinition, TGuide, TItem, TItemType, TQuestionnaire, TSection } from "@/lib/instrument/definition";
import { confirmedText, type TText } from "@/lib/i18n/text";
import { COUNTRIES, countryPairs } from "@/lib/study/countries";

/** Pure helpers of the instrument editor: new elements, unique codes, type changes, clean-up before saving. */

/** A new, empty text; texts are written in Russian first. */
export function emptyText(): TText {
  return { ru: "", en: "", source: "ru" };
}

const MAX_CODE = 40;

/** `prefix` + the first number that gives a code not yet taken (at most 40 characters). */
export function uniqueCode(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = String(n);
    const head = prefix.slice(0, MAX_CODE - suffix.length);
    const code = /^[A-Za-z]/.test(head) ? `${head}${suffix}` : `X${head}${suffix}`.slice(0, MAX_CODE);
    if (!taken.has(code)) return code;
  }
}

/** Every code of a questionnaire; they share one namespace (sections, items, options, rows). */
export function questionnaireCodes(q: Pick<TQuestionnaire, "sections">): Set<string> {
  const codes = new Set<string>();
  for (const s of q.sections ?? []) {
    codes.add(s.code);
    for (const item of s.items ?? []) {
      codes.add(item.code);
      if ("options" in item) for (const o of item.options ?? []) codes.add(o.code);
      if (item.type === "matrix") for (const r of item.rows ?? []) codes.add(r.code);
    }
  }
  return codes;
}

export function guideCodes(g: Pick<TGuide, "blocks">): Set<string> {
  const codes = new Set<string>();
  for (const b of g.blocks ?? []) {
    codes.add(b.code);
    for (const q of b.questions ?? []) {
      codes.add(q.code);
      for (const p of q.probes ?? []) codes.add(p.code);
    }
  }
  return codes;
}

export function newSection(taken: Set<string>): TSection {
  return { code: uniqueCode("S", taken), title: emptyText(), items: [] };
}

export function newItem(taken: Set<string>): TItem {
  return { code: uniqueCode("Q", taken), type: "single", text: emptyText(), required: true, options: [] };
}

export function newOption(itemCode: string, taken: Set<string>) {
  return { code: uniqueCode(`${itemCode}_`, taken), label: emptyText() };
}

export function newRow(itemCode: string, taken: Set<string>) {
  return { code: uniqueCode(`${itemCode}_R`, taken), label: emptyText() };
}

/** Matrix rows for every pair of the chosen countries, e.g. `Q5_RU_BY` "Россия – Беларусь". */
export function countryPairRows(itemCode: string, countries: string[]) {
  return countryPairs(countries).map(([a, b]) => {
    const ca = COUNTRIES[a]!;
    const cb = COUNTRIES[b]!;
    return { code: `${itemCode}_${a}_${b}`, label: confirmedText(`${ca.short.ru} – ${cb.short.ru}`, `${ca.short.en} – ${cb.short.en}`) };
  });
}

/**
 * The item as another type: code, text, help, required and conditions stay; the new type's own
 * fields are taken over where they mean the same (options, scale bounds) or get sensible defaults.
 */
export function changeItemType(item: TItem, type: TItemType): TItem {
  const base = { code: item.code, text: item.text, help: item.help, required: type === "display" ? false : item.required, showIf: item.showIf };
  const options = "options" in item ? item.options : [];
  const shuffle = "options" in item ? item.shuffle : undefined;
  const bounds =
    item.type === "scale" || item.type === "matrix"
      ? { min: item.min, max: item.max, minLabel: item.minLabel, maxLabel: item.maxLabel, cannotAssess: item.cannotAssess }
      : { min: 1, max: 5, cannotAssess: false };
  switch (type) {
    case "single":
      return { ...base, type, options, shuffle };
    case "multi":
      return { ...base, type, options, shuffle };
    case "ranking":
      return { ...base, type, options, shuffle, topK: Math.max(1, Math.min(3, options.length)) };
    case "scale":
      return { ...base, type, ...bounds };
    case "matrix":
      return { ...base, type, ...bounds, rows: [] };
    case "number":
      return { ...base, type, integer: true };
    case "text":
      return { ...base, type, multiline: false, maxLength: 500 };
    case "display":
      return { ...base, type };
  }
}

/** The operators a condition may use on an item of this type (as the server checks them). */
export const OPS_FOR: Partial<Record<TItemType, TCondition["op"][]>> = {
  single: ["equals"],
  multi: ["includes"],
  scale: ["equals", "gte", "lte"],
  number: ["equals", "gte", "lte"],
};

export function defaultCondition(target: TItem): TCondition {
  const op = OPS_FOR[target.type]?.[0] ?? "equals";
  if ("options" in target) return { item: target.code, op, value: target.options[0]?.code ?? "" };
  if (target.type === "scale") return { item: target.code, op, value: target.min };
  return { item: target.code, op, value: 0 };
}

const OPTIONAL_TEXTS = new Set(["help", "intro", "minLabel", "maxLabel", "unit"]);

function isBlankText(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Partial<TText>;
  return typeof t.ru === "string" && typeof t.en === "string" && t.ru.trim() === "" && t.en.trim() === "";
}

/**
 * What is sent to the server: optional texts left blank in both languages are dropped, empty
 * number fields (undefined / NaN) are dropped, and empty condition lists are removed.
 */
export function cleanDefinition<T>(value: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== "object" || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (child === undefined || child === null) continue;
      if (typeof child === "number" && Number.isNaN(child)) continue;
      if (OPTIONAL_TEXTS.has(key) && isBlankText(child)) continue;
      if ((key === "showIf" || key === "pairsOf") && Array.isArray(child) && child.length === 0) continue;
      out[key] = walk(child);
    }
    return out;
  };
  return walk(value) as T;
}

export type TEditorKind = TDefinition["kind"];

/** `sections[0].items[2]` → the RHF name `sections.0.items.2`. */
export function toName(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}
