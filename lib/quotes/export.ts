import { stringify } from "csv-stringify/sync";
import { COUNTRIES } from "@/lib/study/countries";

/** Exports of quotes, grouped by code: CSV for analysis, Markdown for reading. Pure. */

export type TLang = "ru" | "en";

/** "Expert 4 (Republic of Armenia)" / "Эксперт 4 (Республика Армения)": how an expert is named outside the coordinator's panel. */
export function attribution(pseudonym: number, country: string, lang: TLang): string {
  const name = COUNTRIES[country]?.formal[lang] ?? country;
  return `${lang === "ru" ? "Эксперт" : "Expert"} ${pseudonym} (${name})`;
}

/**
 * Against formula injection: a spreadsheet runs a cell beginning with = + - @ (or a tab or carriage
 * return before one), so such a cell is prefixed with an apostrophe and read as text.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type TExportQuote = {
  text: string;
  pseudonym: number;
  country: string;
  expertGroup: string;
  blockCode: string;
  questionCode: string;
  interviewId: string;
};

/** One code and its quotes; `path` names it from the root ("Barriers › Bureaucracy"). Uncoded quotes come with code "". */
export type TExportGroup = { code: string; path: string; quotes: TExportQuote[] };

export const CSV_COLUMNS = ["code", "code_name", "quote", "attribution", "country", "expert_group", "block", "question", "interview_id"] as const;

export function uncodedName(lang: TLang): string {
  return lang === "ru" ? "Без кода" : "Uncoded";
}

/** CSV (UTF-8 with a byte order mark, so spreadsheets read Cyrillic): one row per quote and code. */
export function quotesCsv(groups: readonly TExportGroup[], lang: TLang): string {
  const rows = groups.flatMap((g) =>
    g.quotes.map((q) =>
      [g.code, g.path, q.text, attribution(q.pseudonym, q.country, lang), q.country, q.expertGroup, q.blockCode, q.questionCode, q.interviewId].map(guardCell),
    ),
  );
  return stringify(rows, { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: "windows" });
}

/** Markdown: a heading per code, each quote as a block quote ending with its attribution. */
export function quotesMarkdown(groups: readonly TExportGroup[], lang: TLang, title = lang === "ru" ? "Цитаты" : "Quotes"): string {
  const out: string[] = [`# ${title}`, ""];
  for (const group of groups) {
    if (group.quotes.length === 0) continue;
    out.push(`## ${oneLine(group.path)}`, "");
    for (const q of group.quotes) {
      for (const line of q.text.replace(/\r\n?/g, "\n").split("\n")) out.push(line.trim() ? `> ${line}` : ">");
      out.push(">", `> — ${attribution(q.pseudonym, q.country, lang)}`, "");
    }
  }
  return out.join("\n");
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
