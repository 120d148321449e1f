import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n/config";
import { LITE_NAMESPACES, formatMessage, type TMessageValues } from "@/lib/i18n/format-message";
import en from "@/lib/i18n/messages/en.json";
import ru from "@/lib/i18n/messages/ru.json";

type TTree = { [key: string]: string | TTree };
const CATALOGUES: Record<(typeof LANGUAGES)[number], TTree> = { en, ru };

function leaves(tree: TTree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** Values for every argument of a message: the same number for each, or text where text is allowed. */
function valuesFor(message: string, value: number | string): TMessageValues {
  const names = [...message.matchAll(/\{\s*(\w+)\s*(,\s*(\w+))?/g)];
  return Object.fromEntries(names.map(([, name, , type]) => [name!, type === "plural" ? (typeof value === "number" ? value : 3) : value]));
}

describe("formatMessage formats the expert pages' messages as next-intl does", () => {
  for (const language of LANGUAGES) {
    for (const namespace of LITE_NAMESPACES) {
      it(`${language}: ${namespace}`, () => {
        const t = createTranslator({ locale: language, messages: CATALOGUES[language], namespace });
        for (const [key, message] of leaves(CATALOGUES[language][namespace] as TTree)) {
          for (const value of [0, 1, 2, 3, 5, 11, 21, 22, 25, 1.5, 20_000, "Q1, Q7", ""]) {
            const values = valuesFor(message, value);
            expect(formatMessage(language, message, values), `${namespace}.${key} with ${JSON.stringify(values)}`).toBe(t(key as never, values as never));
          }
        }
      });
    }
  }
});

describe("formatMessage", () => {
  it("prefers an exact plural case, then the locale's category, then other", () => {
    const message = "{n, plural, =0 {none} one {# item} other {# items}}";
    expect(formatMessage("en", message, { n: 0 })).toBe("none");
    expect(formatMessage("en", message, { n: 1 })).toBe("1 item");
    expect(formatMessage("en", message, { n: 1200 })).toBe("1,200 items");
    expect(formatMessage("ru", "{n, plural, few {# вопроса} other {# вопросов}}", { n: 22 })).toBe("22 вопроса");
  });

  it("refuses what it cannot format", () => {
    expect(() => formatMessage("en", "{when, date, short}", { when: 0 })).toThrow(/Unsupported/);
    expect(() => formatMessage("en", "{open", {})).toThrow(/Unbalanced/);
  });
});
