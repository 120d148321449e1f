import type { TItem } from "@/lib/instrument/definition";
import { allItems, isAnswerable } from "@/lib/instrument/items";
import { pick, type TLang } from "@/lib/i18n/text";
import { COUNTRIES, EAEU_COUNTRIES } from "@/lib/study/countries";
import { pairRows, type TAggRow, type TCrossBy, type TScopeVersion } from "@/lib/aggregates/query";
import { binOf, figureKey, histogramRange } from "@/lib/aggregates/figures";
import type { THeatmap, TItemSummary, TNum, TSummary, TTable } from "@/lib/aggregates/types";

/**
 * Pure shaping of the grouped rows the queries return into the tables the dashboard, its charts and
 * the CSV export show. Figures carry the n they are built on; suppression (suppress.ts) then decides
 * what may be shown.
 */

export const GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;

/**
 * Figure keys (protect.ts): a cell counting `feature` in the view's box carries `id`; a percentage
 * also `of`, its base's key. `fig` makes them for one box ("" leaves them out).
 */
type TFig = (feature: string) => string | undefined;
const figOf = (box: string | undefined): TFig => (feature) => (box === undefined ? undefined : figureKey(box, feature));
const withId = (cell: TNum, id?: string, of?: string): TNum => (id === undefined ? cell : of === undefined ? { ...cell, id } : { ...cell, id, of });

const int = (v: number, id?: string): TNum => withId({ v, n: v, f: "int" }, id);
const pct = (count: number, base: number, id?: string, of?: string): TNum => withId({ v: base > 0 ? (100 * count) / base : null, n: count, f: "pct" }, id, of);
const dec = (v: number | null, n: number, id?: string): TNum => withId({ v: n > 0 ? v : null, n, f: "dec" }, id);
/** A cell that is not a figure (the heatmap's diagonal): never suppressed, shown as "—". */
export const EMPTY: TNum = { v: null, n: Number.MAX_SAFE_INTEGER, f: "dec" };

export type TCombinedItem = { item: TItem; notes: string[] };

const optionsOf = (i: TItem) => ("options" in i ? i.options.map((o) => [o.code, o.label, Boolean(o.other)]) : "rows" in i ? i.rows.map((r) => [r.code, r.label]) : null);

/**
 * The items of the versions in scope, combined by code: each item as the newest version has it,
 * with a note where the versions differ (its text, its options or rows, its type) or where only some
 * versions ask it. Versions are given newest first.
 */
export function combineVersions(versions: readonly TScopeVersion[]): TCombinedItem[] {
  const out = new Map<string, TCombinedItem>();
  const seenIn = new Map<string, number>();
  for (const v of versions) {
    for (const item of allItems(v.q)) {
      if (!isAnswerable(item)) continue;
      seenIn.set(item.code, (seenIn.get(item.code) ?? 0) + 1);
      const first = out.get(item.code);
      if (!first) {
        out.set(item.code, { item, notes: [] });
        continue;
      }
      const note = (key: string) => !first.notes.includes(key) && first.notes.push(key);
      if (first.item.type !== item.type) note("typeChanged");
      if (JSON.stringify([first.item.text.ru, first.item.text.en]) !== JSON.stringify([item.text.ru, item.text.en])) note("textChanged");
      if (JSON.stringify(optionsOf(first.item)) !== JSON.stringify(optionsOf(item))) note("optionsChanged");
    }
  }
  for (const [code, c] of out) if ((seenIn.get(code) ?? 0) < versions.length) c.notes.push("onlySome");
  return [...out.values()];
}

type TIndex = Map<string, TAggRow[]>;

function index(rows: readonly TAggRow[]): TIndex {
  const out: TIndex = new Map();
  for (const r of rows) {
    const key = `${r.q}:${r.item ?? ""}`;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function optionTable(item: Extract<TItem, { type: "single" | "multi" }>, lang: TLang, n: number, counts: Map<string, number>, fig: TFig): TTable<TNum> {
  const answers = [...counts.values()].reduce((s, c) => s + c, 0);
  const multi = item.type === "multi";
  return {
    id: item.code,
    kind: "options",
    labelKey: "option",
    bases: multi ? [{ key: "baseRespondents", cell: int(n, fig("base")) }, { key: "baseAnswers", cell: int(answers, fig("N")) }] : [{ key: "baseRespondents", cell: int(n, fig("base")) }],
    columns: multi ? [{ key: "count" }, { key: "pctRespondents" }, { key: "pctAnswers" }] : [{ key: "count" }, { key: "pctRespondents" }],
    rows: item.options.map((o) => {
      const c = counts.get(o.code) ?? 0;
      const id = fig(`o:${o.code}`);
      return { code: o.code, label: pick(o.label, lang), cells: multi ? [int(c, id), pct(c, n, id, fig("base")), pct(c, answers, id, fig("N"))] : [int(c, id), pct(c, n, id, fig("base"))] };
    }),
    // The paper charts multiple choice as % of all answers, single choice as % of respondents.
    chart: multi ? 2 : 1,
  };
}

function itemSummary(c: TCombinedItem, ix: TIndex, lang: TLang, fig: TFig, ranges: TRanges): TItemSummary<TNum> {
  const { item } = c;
  // Number items have no row of their own: their respondents are their numbers.
  const nRow = ix.get(`n:${item.code}`)?.[0] ?? (item.type === "number" ? ix.get(`num:${item.code}`)?.[0] : undefined);
  const n = num(nRow?.n);
  const base: TItemSummary<TNum> = { code: item.code, type: item.type, title: pick(item.text, lang), notes: c.notes, tables: [] };
  const rowsOf = (q: string) => ix.get(`${q}:${item.code}`) ?? [];
  switch (item.type) {
    case "single":
    case "multi": {
      const counts = new Map(rowsOf("opt").map((r) => [r.k ?? "", num(r.n)]));
      base.tables.push(optionTable(item, lang, n, counts, fig));
      if (item.options.some((o) => o.other)) base.texts = int(num(nRow?.x), fig("t"));
      break;
    }
    case "scale":
    case "number": {
      const s = rowsOf("num")[0];
      const values = num(s?.n);
      // A scale's values are its distribution; a number item's are its distinct values with their counts.
      const counts: Array<[number, number]> = rowsOf(item.type === "scale" ? "dist" : "val").map((r) => [Number(r.k), num(r.n)]);
      const median = medianOf(counts);
      const nId = fig("n");
      const cells = [int(values, nId), dec(numOrNull(s?.mean), values, nId), dec(numOrNull(s?.sd), values, nId), dec(median, values, nId)];
      const columns = [{ key: "n" }, { key: "mean" }, { key: "sd" }, { key: "median" }];
      if (item.type === "scale" && item.cannotAssess) {
        cells.push(int(num(nRow?.x), fig("na")));
        columns.push({ key: "cannotAssess" });
      }
      base.tables.push({ id: item.code, kind: "stats", labelKey: "item", bases: [{ key: "baseRespondents", cell: int(n, fig(item.type === "number" ? "n" : "base")) }], columns, rows: [{ code: item.code, label: item.code, cells }] });
      let distRows: TTable<TNum>["rows"];
      if (item.type === "scale") {
        const byValue = new Map(counts);
        distRows = [];
        for (let v = item.min; v <= item.max; v++) distRows.push({ code: String(v), label: String(v), cells: [int(byValue.get(v) ?? 0, fig(`v:${v}`)), pct(byValue.get(v) ?? 0, values, fig(`v:${v}`), nId)] });
      } else {
        // The bins of the whole study's values (protect.ts), so every view bins alike.
        const range = ranges.get(item.code);
        distRows = histogram(counts, range ? { min: range.lo, max: range.hi } : item).map(({ bin, lo, hi, n: count }) => {
          const width = (hi - lo) / 10;
          const from = lo + width * (bin - 1);
          const label = `${round(from)}–${round(bin === 10 ? hi : from + width)}`;
          return { code: String(bin), label, cells: [int(count, fig(`b:${bin}`)), pct(count, values, fig(`b:${bin}`), nId)] };
        });
      }
      base.tables.push({ id: `${item.code}.dist`, kind: "distribution", labelKey: "value", bases: [{ key: "baseValues", cell: int(values, nId) }], columns: [{ key: "count" }, { key: "pctValues" }], rows: distRows, chart: 1 });
      break;
    }
    case "matrix": {
      const byRow = new Map(rowsOf("row").map((r) => [r.k ?? "", r]));
      const columns = [{ key: "n" }, { key: "mean" }, { key: "sd" }];
      if (item.cannotAssess) columns.push({ key: "cannotAssess" });
      base.tables.push({
        id: item.code,
        kind: "rows",
        labelKey: "row",
        bases: [{ key: "baseRespondents", cell: int(n, fig("base")) }],
        columns,
        rows: item.rows.map((row) => {
          const r = byRow.get(row.code);
          const values = num(r?.n);
          const id = fig(`r:${row.code}:n`);
          const cells = [int(values, id), dec(numOrNull(r?.mean), values, id), dec(numOrNull(r?.sd), values, id)];
          if (item.cannotAssess) cells.push(int(num(r?.x), fig(`r:${row.code}:na`)));
          return { code: row.code, label: pick(row.label, lang), cells };
        }),
        chart: 1,
      });
      break;
    }
    case "ranking": {
      const byOption = new Map(rowsOf("rank").map((r) => [r.k ?? "", r]));
      base.tables.push({
        id: item.code,
        kind: "ranking",
        labelKey: "option",
        bases: [{ key: "baseRespondents", cell: int(n, fig("base")) }],
        columns: [{ key: "rankedBy" }, { key: "meanRank" }, { key: "firstPlaces" }, { key: "firstShare" }],
        rows: item.options.map((o) => {
          const r = byOption.get(o.code);
          const ranked = num(r?.n);
          const firsts = num(r?.x);
          const [k, f] = [fig(`k:${o.code}`), fig(`f:${o.code}`)];
          return { code: o.code, label: pick(o.label, lang), cells: [int(ranked, k), dec(numOrNull(r?.mean), ranked, k), int(firsts, f), pct(firsts, n, f, fig("base"))] };
        }),
        chart: 3,
      });
      break;
    }
    case "text":
      base.tables.push({ id: item.code, kind: "texts", labelKey: "item", bases: [], columns: [{ key: "textsGiven" }], rows: [{ code: item.code, label: item.code, cells: [int(n, fig("n"))] }] });
      base.texts = int(n, fig("n"));
      break;
    case "display":
      break;
  }
  return base;
}

/** The median (as percentile_cont(0.5): the mean of the two middle values when their number is even) of a distribution of [value, count]. */
export function medianOf(distribution: Array<[number, number]>): number | null {
  const sorted = distribution.filter(([, c]) => c > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((s, [, c]) => s + c, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) if ((seen += c) > rank) return v;
    return sorted[sorted.length - 1]![0];
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}

/**
 * Ten equal bins over the item's declared range, with the values counted into each; bins without
 * values are left out. Where the item declares no bound, the smallest or largest value is rounded
 * outward to a power of ten below the spread of the values, so that no bin label gives away one
 * respondent's exact answer (their count may be suppressed, the labels never are).
 */
export function histogram(counts: ReadonlyArray<[number, number]>, declared: { min?: number; max?: number } = {}): Array<{ bin: number; lo: number; hi: number; n: number }> {
  const present = counts.filter(([, c]) => c > 0);
  const range = histogramRange(present, declared);
  if (!range) return [];
  const { lo, hi } = range;
  const bins = new Map<number, number>();
  for (const [v, c] of present) {
    const bin = binOf(v, lo, hi);
    bins.set(bin, (bins.get(bin) ?? 0) + c);
  }
  return [...bins].sort(([a], [b]) => a - b).map(([bin, n]) => ({ bin, lo, hi, n }));
}

const round = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export type TRanges = ReadonlyMap<string, { lo: number; hi: number }>;

/**
 * The summary of `items` from the grouped rows of one view. `box` (boxKey of the view's filters)
 * gives every count its figure key, for protect.ts; `ranges` are the number items' bins.
 */
export function shapeSummary(items: readonly TCombinedItem[], rows: readonly TAggRow[], lang: TLang, k: number, box?: string, ranges: TRanges = new Map()): TSummary<TNum> {
  const ix = index(rows);
  const respondents = num(ix.get("resp:")?.[0]?.n);
  return { k, respondents: int(respondents), items: items.map((c) => itemSummary(c, ix, lang, figOf(box), ranges)) };
}

export function columnLabel(by: TCrossBy, code: string, lang: TLang): string {
  if (by === "country") return COUNTRIES[code] ? pick(COUNTRIES[code].short, lang) : code;
  return code;
}

function columnOrder(by: TCrossBy, present: Iterable<string>): string[] {
  const known: readonly string[] = by === "country" ? EAEU_COUNTRIES : GROUPS;
  const set = new Set(present);
  return [...known.filter((c) => set.has(c)), ...[...set].filter((c) => !known.includes(c)).sort()];
}

/** The cross-tab of one item: a row per option (or scale value), per column the count and column %. */
export function shapeCrossTab(item: TItem, by: TCrossBy, rows: readonly TAggRow[], lang: TLang, groupLabel: (g: string) => string, boxOf?: (column: string) => string | undefined): TTable<TNum> {
  const bases = new Map(rows.filter((r) => r.q === "base").map((r) => [r.g ?? "", num(r.n)]));
  const cells = new Map(rows.filter((r) => r.q === "cell").map((r) => [`${r.k}|${r.g}`, num(r.n)]));
  const cols = columnOrder(by, bases.keys());
  let keys: Array<{ code: string; label: string }>;
  if (item.type === "single" || item.type === "multi") keys = item.options.map((o) => ({ code: o.code, label: pick(o.label, lang) }));
  else if (item.type === "scale") {
    keys = [];
    for (let v = item.min; v <= item.max; v++) keys.push({ code: String(v), label: String(v) });
    if (item.cannotAssess) keys.push({ code: "NA", label: "NA" });
  } else {
    keys = [...new Set(rows.filter((r) => r.q === "cell").map((r) => r.k ?? ""))].sort((a, b) => Number(a) - Number(b)).map((k) => ({ code: k, label: k }));
  }
  const label = (c: string) => (by === "country" ? columnLabel(by, c, lang) : groupLabel(c));
  return {
    id: `crosstab.${item.code}.${by}`,
    kind: "crosstab",
    labelKey: item.type === "scale" || item.type === "number" ? "value" : "option",
    bases: cols.map((c) => ({ key: "baseColumn", label: label(c), cell: int(bases.get(c) ?? 0, figOf(boxOf?.(c))("base")) })),
    columns: cols.flatMap((c) => [{ key: "count", label: label(c) }, { key: "pctColumn", label: label(c) }]),
    rows: keys.map(({ code, label: l }) => ({
      code,
      label: l,
      cells: cols.flatMap((c) => {
        const count = cells.get(`${code}|${c}`) ?? 0;
        const fig = figOf(boxOf?.(c));
        const id = fig(code === "NA" && item.type === "scale" ? "na" : item.type === "scale" ? `v:${code}` : `o:${code}`);
        return [int(count, id), pct(count, bases.get(c) ?? 0, id, fig("base"))];
      }),
    })),
  };
}

/**
 * The pair heatmap: for all raters, raters from one of the pair's countries ("own") and raters from
 * elsewhere ("other"), a country × country table of mean ratings with n per cell (symmetric, the
 * diagonal empty); and a table of the pairs with all three side by side and the "cannot assess" count.
 */
export function shapeHeatmap(item: Extract<TItem, { type: "matrix" }>, rows: readonly TAggRow[], lang: TLang, boxOf?: (side: "all" | "own" | "other", a: string, b: string) => string | undefined): NonNullable<THeatmap<TNum>> {
  const pairs = pairRows(item);
  const countries = (item.pairsOf ?? []).filter((c) => [...pairs.values()].some(([a, b]) => a === c || b === c));
  const stat = new Map(rows.map((r) => [`${r.k}|${r.g}`, { n: num(r.n), mean: numOrNull(r.mean), na: num(r.x) }]));
  const of = (row: string, who: "all" | "own" | "other") => {
    if (who !== "all") return stat.get(`${row}|${who}`) ?? { n: 0, mean: null, na: 0 };
    const a = stat.get(`${row}|own`) ?? { n: 0, mean: null, na: 0 };
    const b = stat.get(`${row}|other`) ?? { n: 0, mean: null, na: 0 };
    const n = a.n + b.n;
    return { n, mean: n ? ((a.mean ?? 0) * a.n + (b.mean ?? 0) * b.n) / n : null, na: a.na + b.na };
  };
  const rowOf = (x: string, y: string) => [...pairs].find(([, [a, b]]) => (a === x && b === y) || (a === y && b === x))?.[0];
  const name = (c: string) => columnLabel("country", c, lang);
  const grid = (who: "all" | "own" | "other"): TTable<TNum> => ({
    id: `heatmap.${item.code}.${who}`,
    kind: `heatmap_${who}`,
    labelKey: "country",
    bases: [],
    columns: countries.map((c) => ({ key: "meanN", label: name(c) })),
    rows: countries.map((x) => ({
      code: x,
      label: name(x),
      cells: countries.map((y) => {
        const row = x === y ? undefined : rowOf(x, y);
        if (!row) return EMPTY;
        const s = of(row, who);
        const [a, b] = pairs.get(row)!;
        return { ...dec(s.mean, s.n, figOf(boxOf?.(who, a, b))(`r:${row}:n`)), withN: true as const };
      }),
    })),
  });
  const list: TTable<TNum> = {
    id: `heatmap.${item.code}.pairs`,
    kind: "pairs",
    labelKey: "pair",
    bases: [],
    columns: [{ key: "meanAll" }, { key: "nAll" }, { key: "meanOwn" }, { key: "nOwn" }, { key: "meanOther" }, { key: "nOther" }, { key: "cannotAssess" }],
    rows: [...pairs].map(([row, [a, b]]) => {
      const [all, own, other] = [of(row, "all"), of(row, "own"), of(row, "other")];
      const id = (who: "all" | "own" | "other", feature = `r:${row}:n`) => figOf(boxOf?.(who, a, b))(feature);
      return {
        code: row,
        label: `${name(a)} – ${name(b)}`,
        cells: [dec(all.mean, all.n, id("all")), int(all.n, id("all")), dec(own.mean, own.n, id("own")), int(own.n, id("own")), dec(other.mean, other.n, id("other")), int(other.n, id("other")), int(all.na, id("all", `r:${row}:na`))],
      };
    }),
    chart: 0,
  };
  return { item: item.code, title: pick(item.text, lang), countries, tables: [grid("all"), grid("own"), grid("other"), list] };
}
