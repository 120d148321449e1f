export const LANGUAGES = ["ru", "en"] as const;
export type TLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: TLanguage = "ru";
export const LANGUAGE_COOKIE = "lang";

/** The interface language of a next-intl locale: English for "en", else Russian (the default). */
export function languageOf(locale: string): TLanguage {
  return locale === "en" ? "en" : "ru";
}

export function isLanguage(value: unknown): value is TLanguage {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header. */
export function fromAcceptLanguage(header: string | null): TLanguage | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return null;
}
