export const LANGS = ["ru", "en"] as const;
export type TLang = (typeof LANGS)[number];

/**
 * A text in both languages. `source` is the language it was written in; `confirmed` is the hash of
 * the source text when the translation was last confirmed, so a later change to the source marks
 * the translation stale. Its schema is `ZText` (definition.ts); this module stays free of zod
 * because the questionnaire page's browser code uses it.
 */
export type TText = { ru: string; en: string; source: TLang; confirmed?: string };

/** FNV-1a, 32 bits, hex: a stable fingerprint of a source text (not a security hash). */
export function textFingerprint(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** A text whose translation is confirmed as matching its source now. */
export function confirmedText(ru: string, en: string, source: TLang = "ru"): TText {
  return { ru, en, source, confirmed: textFingerprint(source === "ru" ? ru : en) };
}

export type TTranslationState = "ok" | "missing" | "stale";

export function translationState(text: TText): { state: TTranslationState; missing: TLang[] } {
  const missing = LANGS.filter((l) => text[l].trim() === "");
  if (missing.length) return { state: "missing", missing };
  if (text.confirmed !== textFingerprint(text[text.source])) return { state: "stale", missing: [] };
  return { state: "ok", missing: [] };
}

export function pick(text: TText | undefined, lang: TLang): string {
  if (!text) return "";
  return text[lang] || text[text.source] || "";
}
