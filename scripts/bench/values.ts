import { NUMBER_MAX, TEXT_MAX_LENGTH, type TItemKind } from "./fixtures";

/** Valid random answers for the benchmark's item kinds, and a canonical form to compare them. */

export const randomInt = (n: number) => Math.floor(Math.random() * n);

const WORDS = [
  "граница", "торговля", "таможня", "регион", "сотрудничество", "инфраструктура", "логистика", "инвестиции",
  "border", "trade", "customs", "region", "cooperation", "transport", "labour", "mobility", "barriers", "agreement",
  "высокий", "низкий", "важно", "very", "somewhat", "—", "2019", "ЕАЭС", "EAEU", "policy", "rules", "harmonisation",
];

function randomText(): string {
  const target = 1 + randomInt(TEXT_MAX_LENGTH);
  let text = "";
  while (text.length < target) text += (text ? " " : "") + WORDS[randomInt(WORDS.length)]!;
  return text.slice(0, target).trimEnd() || "ok";
}

export function randomValue(kind: TItemKind, itemCode: string): unknown {
  switch (kind) {
    case "single":
      return { choice: `${itemCode}_o${1 + randomInt(5)}` };
    case "scale":
      return { value: 1 + randomInt(10) };
    case "number":
      return { value: randomInt(NUMBER_MAX + 1) };
    case "text":
      return { text: randomText() };
  }
}

/** JSON with object keys sorted, so values read back from jsonb compare equal to what was sent. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}
