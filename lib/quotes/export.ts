import { stringify } from "csv-stringify/sync";
import { guardCell } from "@/lib/csv/guard";
import { COUNTRIES } from "@/lib/study/countries";

/** Exports of quotes, grouped by code: CSV for analysis, Markdown for reading. Pure. */

export type TLang = "ru" | "en";

/** "Expert 4 (Republic of Armenia)" / "Эксперт 4 (Республика Армения)": how an expert is named outside the coordinator's panel. */
export function attribution(pseudonym: number, country: string, lang: TLang): string {
  const name = COUNTRIES[country]?.formal[lang] ?? country;
  return `${lang === "ru" ? "Эксперт" : "Expert"} ${pseudonym} (${name})`;
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

/**
 * A line of text as Markdown that shows exactly that text: HTML (tags, entities) cannot render, as
 * `&`, `<` and `>` become entities, and nothing becomes a link, an image, emphasis, code or a table
 * cell, as the punctuation that makes them (\ ` * _ [ ] | ~) is escaped with a backslash; nor a
 * heading, list or rule, as a marker at the start of the line is escaped too.
 */
export function markdownText(line: string): string {
  const escaped = line
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[\\`*_[\]|~]/g, "\\$&");
  return escaped.replace(/^(\s*)([#+\-=]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/^(\d+)?([#+\-=.)])$/, (__, digits: string | undefined, c: string) => `${digits ?? ""}\\${c}`)}`);
}

/** Markdown: a heading per code, each quote as a block quote ending with its attribution. Every text is escaped (markdownText). */
export function quotesMarkdown(groups: readonly TExportGroup[], lang: TLang, title = lang === "ru" ? "Цитаты" : "Quotes"): string {
  const out: string[] = [`# ${markdownText(oneLine(title))}`, ""];
  for (const group of groups) {
    if (group.quotes.length === 0) continue;
    out.push(`## ${markdownText(oneLine(group.path))}`, "");
    for (const q of group.quotes) {
      for (const line of q.text.replace(/\r\n?/g, "\n").split("\n")) out.push(line.trim() ? `> ${markdownText(line)}` : ">");
      out.push(">", `> — ${markdownText(attribution(q.pseudonym, q.country, lang))}`, "");
    }
  }
  return out.join("\n");
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
