import { z } from "zod";

/** What the dashboard, its JSON routes and the aggregate export are filtered by (all in the URL). */
export const ZFilters = z.object({
  version: z.uuid().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  group: z.enum(["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"]).optional(),
  /** "all" includes responses still in progress; the default counts submitted ones only. */
  status: z.enum(["submitted", "all"]).default("submitted"),
  lang: z.enum(["ru", "en"]).optional(),
  /** The wave (or round) number; absent: the latest (lib/study/study-waves.ts). */
  wave: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type TFiltersInput = z.output<typeof ZFilters>;

export type TFilters = { versionId?: string; country?: string; group?: string; includeInProgress: boolean; wave?: number };

export function toFilters(input: TFiltersInput): TFilters {
  return { versionId: input.version, country: input.country, group: input.group, includeInProgress: input.status === "all", wave: input.wave };
}

export const ZCrossTabQuery = ZFilters.extend({ item: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), by: z.enum(["country", "group"]).default("country") });
export const ZHeatmapQuery = ZFilters.extend({ item: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/).optional() });
export const ZTextsQuery = ZFilters.extend({ item: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/) });
export const ZSuppression = z.object({ k: z.number().int().min(1).max(100) });
/** Decimals of the study's percentages: none, one (the default) or two. */
export const ZPercentDecimals = z.object({ decimals: z.number().int().min(0).max(2) });
export type TPercentDecimals = z.input<typeof ZPercentDecimals>;

/**
 * A figure before suppression: its value and the number of respondents it is built on. Formats:
 * int (a count), pct (a percentage 0–100), dec (a mean, SD, median or rank).
 */
export type TFormat = "int" | "pct" | "dec";
export type TNum = {
  v: number | null;
  n: number;
  f: TFormat;
  withN?: true;
  /** The count this figure is (or is built on), as a figure key (figures.ts), where protect.ts decides about it. */
  id?: string;
  /** A percentage's base, as a figure key. */
  of?: string;
};
/**
 * A figure as shown: either a number (with the n it is built on, where the table shows it), or
 * suppressed with neither, never both: built on fewer than k respondents ("< k"), or `hidden` so
 * that such a figure cannot be worked out from others ("–"). v null and not suppressed: no figure ("—").
 */
export type TCell = { v: number | null; f: TFormat; n?: number; suppressed?: true; hidden?: true };

/** Column headings: a message key of the "results" namespace, optionally after a label (a country, a group). */
export type TColumn = { key: string; label?: string };

export type TTable<C = TCell> = {
  /** Unique on the page, e.g. "Q2", "Q2.dist", "crosstab.Q2.country", "heatmap.Q5.all". */
  id: string;
  /** What the table is: a message key ("stats", "distribution", "options", "rows", …). */
  kind: string;
  bases: Array<{ key: string; label?: string; cell: C }>;
  /** The heading of the label column (a message key). */
  labelKey: string;
  columns: TColumn[];
  rows: Array<{ code: string; label: string; cells: C[] }>;
  /** Which column a bar chart of this table plots, if any. */
  chart?: number;
};

export type TItemSummary<C = TCell> = {
  code: string;
  type: string;
  title: string;
  /** Where the versions in scope differ for this item: "textChanged", "optionsChanged", "typeChanged", "onlySome". */
  notes: string[];
  tables: Array<TTable<C>>;
  /** Respondents who gave a text (text items) or an "other" text (choice items); the list is on request. */
  texts?: C;
};

export type TSummary<C = TCell> = { k: number; respondents: C; items: Array<TItemSummary<C>> };
export type THeatmap<C = TCell> = { item: string; title: string; countries: string[]; tables: Array<TTable<C>> } | null;

export const ZExportQuery = ZFilters.extend({
  crossItem: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/).optional(),
  by: z.enum(["country", "group"]).default("country"),
});
