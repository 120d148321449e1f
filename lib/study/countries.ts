import { confirmedText, type TText } from "@/lib/i18n/text";

/** The EAEU member states, in the order studies list them, with the names the paper uses. */
export const COUNTRIES: Record<string, { short: TText; formal: TText }> = {
  RU: { short: confirmedText("Россия", "Russia"), formal: confirmedText("Российская Федерация", "Russian Federation") },
  BY: { short: confirmedText("Беларусь", "Belarus"), formal: confirmedText("Республика Беларусь", "Republic of Belarus") },
  KZ: { short: confirmedText("Казахстан", "Kazakhstan"), formal: confirmedText("Республика Казахстан", "Republic of Kazakhstan") },
  AM: { short: confirmedText("Армения", "Armenia"), formal: confirmedText("Республика Армения", "Republic of Armenia") },
  KG: { short: confirmedText("Кыргызстан", "Kyrgyzstan"), formal: confirmedText("Кыргызская Республика", "Kyrgyz Republic") },
};

export const EAEU_COUNTRIES = ["RU", "BY", "KZ", "AM", "KG"] as const;

/** Every unordered pair, in list order: 5 countries give 10 pairs (RU_BY, RU_KZ, …, AM_KG). */
export function countryPairs(codes: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) pairs.push([codes[i]!, codes[j]!]);
  return pairs;
}
