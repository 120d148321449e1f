import { parse } from "csv-parse/sync";
import type { TDb } from "@/lib/db/types";
import { COUNTRIES } from "@/lib/study/countries";
import { ZExpertFields, type TExpertFields } from "./schemas";

/**
 * Bulk CSV import of experts. The header row names the columns, in any order and case:
 *
 *   name, email, country, group, organisation, position, degree, publications,
 *   experience_years, leadership_role, language, track, notes
 *
 * name, email, country and group are required. Countries may be ISO codes (RU, RUS) or names in
 * English or Russian; groups SCIENTIST/OFFICIAL/BUSINESS/NONPROFIT or their usual names; language
 * ru/en (or Russian/English); track QUESTIONNAIRE/INTERVIEW/BOTH. Values are case-insensitive.
 */
export const IMPORT_COLUMNS = [
  "name",
  "email",
  "country",
  "group",
  "organisation",
  "position",
  "degree",
  "publications",
  "experience_years",
  "leadership_role",
  "language",
  "track",
  "notes",
] as const;
type TColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: TColumn[] = ["name", "email", "country", "group"];

/** The expert field each column fills (problems name the column, as the file does). */
const FIELD_OF: Record<TColumn, keyof TExpertFields> = {
  name: "name",
  email: "email",
  country: "country",
  group: "expertGroup",
  organisation: "organisation",
  position: "position",
  degree: "degree",
  publications: "publications",
  experience_years: "experienceYears",
  leadership_role: "leadershipRole",
  language: "language",
  track: "track",
  notes: "notes",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<keyof TExpertFields, TColumn>;

const key = (s: string) => s.trim().toLowerCase().replace(/[\s\-.]+/g, "_");

const HEADER_ALIASES: Record<string, TColumn> = {
  full_name: "name", fullname: "name", фио: "name", имя: "name",
  e_mail: "email", mail: "email", почта: "email", электронная_почта: "email",
  страна: "country",
  expert_group: "group", expertgroup: "group", группа: "group",
  organization: "organisation", org: "organisation", организация: "organisation",
  job_title: "position", title: "position", должность: "position",
  степень: "degree", учёная_степень: "degree", ученая_степень: "degree",
  публикации: "publications",
  experience: "experience_years", experienceyears: "experience_years", years: "experience_years", опыт: "experience_years",
  leadership: "leadership_role", leadershiprole: "leadership_role",
  lang: "language", язык: "language",
  трек: "track",
  note: "notes", comment: "notes", comments: "notes", примечания: "notes",
};

const ALPHA3: Record<string, string> = { RU: "rus", BY: "blr", KZ: "kaz", AM: "arm", KG: "kgz" };
const COUNTRY_ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries(COUNTRIES).flatMap(([code, names]) =>
    [code, ALPHA3[code] ?? "", names.short.ru, names.short.en, names.formal.ru, names.formal.en].filter(Boolean).map((n) => [key(n), code]),
  ),
);
Object.assign(COUNTRY_ALIASES, { russian_federation: "RU", kyrgyz_republic: "KG", kirghizia: "KG", киргизия: "KG", белоруссия: "BY", byelorussia: "BY" });

const GROUP_ALIASES: Record<string, string> = {
  scientist: "SCIENTIST", scientists: "SCIENTIST", science: "SCIENTIST", academic: "SCIENTIST", researcher: "SCIENTIST", учёный: "SCIENTIST", ученый: "SCIENTIST", учёные: "SCIENTIST", ученые: "SCIENTIST", наука: "SCIENTIST",
  official: "OFFICIAL", officials: "OFFICIAL", government: "OFFICIAL", state: "OFFICIAL", чиновник: "OFFICIAL", госслужащий: "OFFICIAL", власть: "OFFICIAL",
  business: "BUSINESS", business_community: "BUSINESS", entrepreneur: "BUSINESS", бизнес: "BUSINESS", предприниматель: "BUSINESS",
  nonprofit: "NONPROFIT", non_profit: "NONPROFIT", ngo: "NONPROFIT", nko: "NONPROFIT", non_profit_leader: "NONPROFIT", нко: "NONPROFIT",
};
const LANGUAGE_ALIASES: Record<string, string> = { ru: "ru", rus: "ru", russian: "ru", русский: "ru", en: "en", eng: "en", english: "en", английский: "en" };
const TRACK_ALIASES: Record<string, string> = {
  questionnaire: "QUESTIONNAIRE", survey: "QUESTIONNAIRE", анкета: "QUESTIONNAIRE",
  interview: "INTERVIEW", интервью: "INTERVIEW",
  both: "BOTH", оба: "BOTH",
};

/** Maps a value through an alias table; an unknown value passes unchanged so validation names it. */
const through = (aliases: Record<string, string>) => (v: string) => (v.trim() === "" ? undefined : (aliases[key(v)] ?? v.trim()));
const NORMALISE: Partial<Record<TColumn, (v: string) => string | undefined>> = {
  country: through(COUNTRY_ALIASES),
  group: through(GROUP_ALIASES),
  language: through(LANGUAGE_ALIASES),
  track: through(TRACK_ALIASES),
};

const ENUM_COLUMNS = new Set(["country", "group", "language", "track"]);

export type TImportProblem = { row: number; field: string; message: string };
export type TImportRow = { row: number; values: Record<TColumn, string>; expert: TExpertFields | null };
export type TImportReport = { rows: TImportRow[]; problems: TImportProblem[] };

/**
 * Parses and validates a CSV file. Row numbers are the file's line numbers (the header is line 1),
 * so a coordinator finds the row in a spreadsheet. Duplicate e-mails within the file are flagged
 * on every later occurrence.
 */
export function parseExpertCsv(csv: string): TImportReport {
  const problems: TImportProblem[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ row: line, field: "file", message: `The file is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ row: 1, field: "file", message: "The file is empty." }] };

  const columns: Array<TColumn | null> = header.record.map((h) => {
    const k = key(h);
    return (IMPORT_COLUMNS as readonly string[]).includes(k) ? (k as TColumn) : (HEADER_ALIASES[k] ?? null);
  });
  header.record.forEach((h, i) => {
    if (columns[i] === null && h.trim() !== "") problems.push({ row: 1, field: h, message: `Unknown column "${h}". Known columns: ${IMPORT_COLUMNS.join(", ")}.` });
  });
  for (const c of REQUIRED) if (!columns.includes(c)) problems.push({ row: 1, field: c, message: `The required column "${c}" is missing.` });
  if (problems.length) return { rows: [], problems };

  const firstRowOf = new Map<string, number>();
  const rows = body.map(({ record, info }): TImportRow => {
    // info.lines is the record's last line; quoted line breaks inside it come before.
    const row = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ""])) as Record<TColumn, string>;
    const input: Record<string, string | undefined> = {};
    columns.forEach((c, i) => {
      if (!c) return;
      const raw = record[i] ?? "";
      values[c] = raw;
      input[FIELD_OF[c]] = NORMALISE[c] ? NORMALISE[c](raw) : raw === "" ? undefined : raw;
    });
    const parsed = ZExpertFields.safeParse(input);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = COLUMN_OF[issue.path[0] as keyof TExpertFields] ?? String(issue.path[0]);
        if (seen.has(field)) continue;
        seen.add(field);
        const raw = values[field as TColumn] ?? "";
        const message = raw === "" && REQUIRED.includes(field as TColumn) ? "This value is required." : ENUM_COLUMNS.has(field) ? `${issue.message} Got "${raw}".` : issue.message;
        problems.push({ row, field, message });
      }
      return { row, values, expert: null };
    }
    const first = firstRowOf.get(parsed.data.email);
    if (first !== undefined) problems.push({ row, field: "email", message: `The same e-mail is already on row ${first} of this file.` });
    else firstRowOf.set(parsed.data.email, row);
    return { row, values, expert: parsed.data };
  });
  if (rows.length === 0) problems.push({ row: 2, field: "file", message: "The file has a header but no experts." });
  return { rows, problems };
}

/**
 * E-mails that cannot join this study's panel, with the reason: already on it, or a staff
 * account's address.
 */
export async function panelConflicts(db: TDb, studyId: string, emails: string[]): Promise<Map<string, string>> {
  const conflicts = new Map<string, string>();
  if (emails.length === 0) return conflicts;
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: { email: true, role: true, expertProfiles: { where: { studyId }, select: { pseudonym: true } } },
  });
  for (const user of users) {
    if (user.role !== "EXPERT") conflicts.set(user.email, "This e-mail belongs to a staff account.");
    else if (user.expertProfiles[0]) conflicts.set(user.email, `Already on this study's panel as Expert ${user.expertProfiles[0].pseudonym}.`);
  }
  return conflicts;
}

/** Adds the problems only the database can tell (panelConflicts) to a parsed file's report. */
export async function checkAgainstPanel(db: TDb, studyId: string, report: TImportReport): Promise<TImportReport> {
  const conflicts = await panelConflicts(db, studyId, report.rows.flatMap((r) => (r.expert ? [r.expert.email] : [])));
  const problems = [...report.problems];
  for (const r of report.rows) {
    const message = r.expert && conflicts.get(r.expert.email);
    if (message) problems.push({ row: r.row, field: "email", message });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows: report.rows, problems };
}
