/**
 * Formats a message of the catalogue in the browser without an ICU runtime: arguments (`{name}`)
 * and plurals (`{count, plural, =0 {…} one {# item} other {…}}`, `#` formatted for the locale).
 * That is all the expert's pages use; format-message.test.ts checks every message of their
 * namespaces against next-intl's own formatting, so a message this cannot format fails there.
 */

/** The namespaces formatted this way (the test covers each of their messages). */
export const LITE_NAMESPACES = ["questionnaire", "answers", "expertFlow"] as const;
export type TLiteNamespace = (typeof LITE_NAMESPACES)[number];

export type TMessageValues = Record<string, string | number>;

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in the message "${text}"`);
}

function plural(locale: string, count: number, branches: string, values: TMessageValues): string {
  const options = new Map<string, string>();
  let i = 0;
  while (i < branches.length) {
    const open = branches.indexOf("{", i);
    if (open < 0) break;
    const close = closingBrace(branches, open);
    options.set(branches.slice(i, open).trim(), branches.slice(open + 1, close));
    i = close + 1;
  }
  const branch = options.get(`=${count}`) ?? options.get(new Intl.PluralRules(locale).select(count)) ?? options.get("other") ?? "";
  return formatMessage(locale, branch.replaceAll("#", new Intl.NumberFormat(locale).format(count)), values);
}

export function formatMessage(locale: string, message: string, values: TMessageValues = {}): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf("{", i);
    if (open < 0) return out + message.slice(i);
    const close = closingBrace(message, open);
    const [name = "", type, ...rest] = message.slice(open + 1, close).split(",");
    const value = values[name.trim()] ?? "";
    out += message.slice(i, open);
    if (type === undefined) out += String(value);
    else if (type.trim() === "plural") out += plural(locale, Number(value), rest.join(","), values);
    else throw new Error(`Unsupported argument type "${type.trim()}" in the message "${message}"`);
    i = close + 1;
  }
  return out;
}
