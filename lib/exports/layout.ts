import type { TAnswerValue, TMatrixAnswer, TMultiAnswer, TRankingAnswer, TScaleAnswer, TSingleAnswer } from "@/lib/instrument/answers";
import type { TItem, TItemType, TQuestionnaire } from "@/lib/instrument/definition";
import { isAnswerable } from "@/lib/instrument/items";
import type { TText } from "@/lib/i18n/text";

/**
 * The variables of a data export, shared by every format (CSV, XLSX, SPSS, codebook). Pure.
 *
 * The versions of a questionnaire are combined by item code (and by option / row code within an
 * item): a variable exists if any version has it, and its labels come from the newest version that
 * has it. Where versions differ (text, options, rows, type), `differences` says how.
 *
 * Values: choices and scales are numeric codes, with two declared missing codes outside every
 * scale's range (-100..100): CANNOT_ASSESS for "cannot assess" and NOT_ANSWERED for an item the
 * respondent did not answer (skipped, or hidden by a condition). Numbers and texts are left empty.
 */

export const CANNOT_ASSESS = 998;
export const NOT_ANSWERED = 999;

export type TBilingual = { ru: string; en: string };
export type TCell = number | string | null;
export type TVarKind = "numeric" | "string" | "datetime";

export type TVariable = {
  name: string;
  label: TBilingual;
  kind: TVarKind;
  /** The item it comes from (none for the response's own columns). */
  item: string | null;
  valueLabels: Array<{ value: number; label: TBilingual }>;
  /** Declared missing codes (numeric variables only). */
  missing: number[];
};

export type TExportVersion = { number: number; definition: TQuestionnaire };

export type TCombinedOption = { code: string; value: number; label: TBilingual; other: boolean; versions: number[] };

/** One item across versions, as the codebook describes it. */
export type TCombinedItem = {
  code: string;
  type: TItemType;
  section: string;
  text: TBilingual;
  versions: number[];
  options: TCombinedOption[];
  rows: TCombinedOption[];
  min?: number;
  max?: number;
  cannotAssess: boolean;
  differences: string[];
  variables: string[];
};

export type TResponseMeta = {
  responseId: string;
  pseudonym: number;
  /** The wave (or Delphi round) the response belongs to. */
  wave: number;
  country: string;
  expertGroup: string;
  status: string;
  version: number;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
};

const bi = (t: TText | undefined): TBilingual => ({ ru: t?.ru || t?.en || "", en: t?.en || t?.ru || "" });
const same = (a: TBilingual, b: TBilingual) => a.ru === b.ru && a.en === b.en;
const L = (ru: string, en: string): TBilingual => ({ ru, en });

const MISSING_LABELS = {
  cannotAssess: { value: CANNOT_ASSESS, label: L("Затрудняюсь оценить", "Cannot assess") },
  notAnswered: { value: NOT_ANSWERED, label: L("Нет ответа", "Not answered") },
};

export const META_VARIABLES: TVariable[] = [
  { name: "pseudonym", label: L("Эксперт (псевдоним)", "Expert (pseudonym)"), kind: "numeric", item: null, valueLabels: [], missing: [] },
  { name: "wave", label: L("Волна (раунд)", "Wave (round)"), kind: "numeric", item: null, valueLabels: [], missing: [] },
  { name: "country", label: L("Страна", "Country"), kind: "string", item: null, valueLabels: [], missing: [] },
  { name: "expert_group", label: L("Группа экспертов", "Expert group"), kind: "string", item: null, valueLabels: [], missing: [] },
  { name: "status", label: L("Статус анкеты", "Response status"), kind: "string", item: null, valueLabels: [], missing: [] },
  { name: "version", label: L("Версия анкеты", "Questionnaire version"), kind: "numeric", item: null, valueLabels: [], missing: [] },
  { name: "started_at", label: L("Начало заполнения", "Started at"), kind: "datetime", item: null, valueLabels: [], missing: [] },
  { name: "updated_at", label: L("Последнее изменение", "Last changed at"), kind: "datetime", item: null, valueLabels: [], missing: [] },
  { name: "submitted_at", label: L("Отправлена", "Submitted at"), kind: "datetime", item: null, valueLabels: [], missing: [] },
];

function metaCells(m: TResponseMeta): TCell[] {
  return [m.pseudonym, m.wave, m.country, m.expertGroup, m.status, m.version, m.startedAt.toISOString(), m.updatedAt.toISOString(), m.submittedAt?.toISOString() ?? null];
}

/** `Q3_RU_BY` stays as it is under item Q3; `GOV` under ROLE becomes `ROLE_GOV`. */
const subName = (item: string, code: string) => (code.startsWith(`${item}_`) ? code : `${item}_${code}`);

type TExtract = (value: TAnswerValue | undefined) => TCell[];

export type TLayout = {
  variables: TVariable[];
  items: TCombinedItem[];
  versions: number[];
  /** The wide row of one response: the response's columns, then every item's variables. */
  row(meta: TResponseMeta, answers: Map<string, TAnswerValue>): TCell[];
};

/** Combines options (or rows) across versions by code, numbered 1.. in order of first appearance. */
function combineOptions(
  seen: Array<{ version: number; options: Array<{ code: string; label: TText; other?: boolean }> }>,
  differences: string[],
  what: string,
): TCombinedOption[] {
  const out = new Map<string, TCombinedOption>();
  // Newest version first, so its order and labels win; older-only options come after.
  for (const { version, options } of [...seen].sort((a, b) => b.version - a.version)) {
    for (const o of options) {
      const existing = out.get(o.code);
      if (!existing) out.set(o.code, { code: o.code, value: out.size + 1, label: bi(o.label), other: !!o.other, versions: [version] });
      else {
        existing.versions.push(version);
        if (!same(existing.label, bi(o.label))) differences.push(`${what} ${o.code}: label differs in version ${version}`);
      }
    }
  }
  const all = seen.map((s) => s.version);
  for (const o of out.values()) {
    o.versions.sort((a, b) => a - b);
    if (o.versions.length < all.length) differences.push(`${what} ${o.code}: only in version(s) ${o.versions.join(", ")}`);
  }
  return [...out.values()];
}

/** A wave of the export: its number and kind, which its value label names ("Wave 2", "Round 3"). */
export type TExportWave = { number: number; kind: "WAVE" | "DELPHI_ROUND" };

export const waveLabel = (w: TExportWave): TBilingual => (w.kind === "DELPHI_ROUND" ? L(`Раунд ${w.number}`, `Round ${w.number}`) : L(`Волна ${w.number}`, `Wave ${w.number}`));

/** Builds the combined layout of the given versions (any order); `waves` label the wave variable's values. */
export function buildLayout(versions: readonly TExportVersion[], waves: readonly TExportWave[] = []): TLayout {
  const byCode = new Map<string, Array<{ version: number; item: TItem; section: string }>>();
  const order: string[] = [];
  for (const v of [...versions].sort((a, b) => b.number - a.number)) {
    for (const section of v.definition.sections) {
      for (const item of section.items) {
        if (!isAnswerable(item)) continue;
        if (!byCode.has(item.code)) {
          byCode.set(item.code, []);
          order.push(item.code);
        }
        byCode.get(item.code)!.push({ version: v.number, item, section: section.code });
      }
    }
  }
  const waveLabels = [...waves].sort((a, b) => a.number - b.number).map((w) => ({ value: w.number, label: waveLabel(w) }));
  const variables: TVariable[] = META_VARIABLES.map((v) => (v.name === "wave" ? { ...v, valueLabels: waveLabels } : v));
  const items: TCombinedItem[] = [];
  const extracts: Array<{ code: string; extract: TExtract }> = [];
  const used = new Set(variables.map((v) => v.name.toLowerCase()));
  const unique = (name: string) => {
    let n = name.slice(0, 64);
    for (let i = 2; used.has(n.toLowerCase()); i++) n = `${name.slice(0, 60)}_${i}`;
    used.add(n.toLowerCase());
    return n;
  };

  for (const code of order) {
    const seen = byCode.get(code)!;
    const newest = seen[0]!;
    const item = newest.item;
    const differences: string[] = [];
    for (const s of seen.slice(1)) {
      if (s.item.type !== item.type) differences.push(`type is ${s.item.type} in version ${s.version}`);
      if (!same(bi(s.item.text), bi(item.text))) differences.push(`text differs in version ${s.version}`);
    }
    const options = combineOptions(
      seen.flatMap((s) => ("options" in s.item ? [{ version: s.version, options: s.item.options }] : [])),
      differences,
      "option",
    );
    const rows = combineOptions(
      seen.flatMap((s) => (s.item.type === "matrix" ? [{ version: s.version, options: s.item.rows }] : [])),
      differences,
      "row",
    );
    const cannotAssess = seen.some((s) => "cannotAssess" in s.item && !!s.item.cannotAssess);
    const text = bi(item.text);
    const combined: TCombinedItem = {
      code,
      type: item.type,
      section: newest.section,
      text,
      versions: seen.map((s) => s.version).sort((a, b) => a - b),
      options,
      rows,
      cannotAssess,
      differences,
      variables: [],
      ...("min" in item && item.min !== undefined ? { min: item.min } : {}),
      ...("max" in item && item.max !== undefined ? { max: item.max } : {}),
    };
    items.push(combined);
    const add = (v: Omit<TVariable, "item" | "name"> & { name: string }) => {
      const variable = { ...v, name: unique(v.name), item: code };
      variables.push(variable);
      combined.variables.push(variable.name);
    };
    const sub = (label: TBilingual) => L(`${text.ru} — ${label.ru}`, `${text.en} — ${label.en}`);
    const hasOther = options.some((o) => o.other);
    const otherVar = () =>
      add({ name: `${code}_other`, label: L(`${text.ru} — другое (текст)`, `${text.en} — other (text)`), kind: "string", valueLabels: [], missing: [] });

    switch (item.type) {
      case "single": {
        const value = new Map(options.map((o) => [o.code, o.value]));
        add({ name: code, label: text, kind: "numeric", valueLabels: [...options.map((o) => ({ value: o.value, label: o.label })), MISSING_LABELS.notAnswered], missing: [NOT_ANSWERED] });
        if (hasOther) otherVar();
        extracts.push({
          code,
          extract: (v) => {
            const a = v as TSingleAnswer | undefined;
            const cells: TCell[] = [a ? (value.get(a.choice) ?? NOT_ANSWERED) : NOT_ANSWERED];
            if (hasOther) cells.push(a?.other ?? null);
            return cells;
          },
        });
        break;
      }
      case "multi": {
        const chosen = L("Выбрано", "Chosen");
        const notChosen = L("Не выбрано", "Not chosen");
        for (const o of options) {
          add({
            name: subName(code, o.code),
            label: sub(o.label),
            kind: "numeric",
            valueLabels: [{ value: 0, label: notChosen }, { value: 1, label: chosen }, MISSING_LABELS.notAnswered],
            missing: [NOT_ANSWERED],
          });
        }
        if (hasOther) otherVar();
        extracts.push({
          code,
          extract: (v) => {
            const a = v as TMultiAnswer | undefined;
            const answered = !!a && a.choices.length > 0;
            const cells: TCell[] = options.map((o) => (answered ? (a.choices.includes(o.code) ? 1 : 0) : NOT_ANSWERED));
            if (hasOther) cells.push(a?.other ?? null);
            return cells;
          },
        });
        break;
      }
      case "scale": {
        add({ name: code, label: text, kind: "numeric", valueLabels: scaleLabels(seen.map((s) => s.item)), missing: [CANNOT_ASSESS, NOT_ANSWERED] });
        extracts.push({
          code,
          extract: (v) => {
            const a = v as TScaleAnswer | undefined;
            return [!a ? NOT_ANSWERED : "cannotAssess" in a ? CANNOT_ASSESS : a.value];
          },
        });
        break;
      }
      case "matrix": {
        for (const r of rows) add({ name: subName(code, r.code), label: sub(r.label), kind: "numeric", valueLabels: scaleLabels(seen.map((s) => s.item)), missing: [CANNOT_ASSESS, NOT_ANSWERED] });
        extracts.push({
          code,
          extract: (v) => {
            const a = v as TMatrixAnswer | undefined;
            return rows.map((r) => {
              const x = a?.rows[r.code];
              return x === undefined ? NOT_ANSWERED : x === "NA" ? CANNOT_ASSESS : x;
            });
          },
        });
        break;
      }
      case "ranking": {
        const notRanked = { value: 0, label: L("Не в числе выбранных", "Not ranked") };
        for (const o of options) {
          add({ name: subName(code, o.code), label: sub(o.label), kind: "numeric", valueLabels: [notRanked, MISSING_LABELS.notAnswered], missing: [NOT_ANSWERED] });
        }
        extracts.push({
          code,
          extract: (v) => {
            const a = v as TRankingAnswer | undefined;
            const answered = !!a && a.order.length > 0;
            return options.map((o) => (answered ? a.order.indexOf(o.code) + 1 : NOT_ANSWERED));
          },
        });
        break;
      }
      case "number":
        add({ name: code, label: text, kind: "numeric", valueLabels: [], missing: [] });
        extracts.push({ code, extract: (v) => [v && "value" in v ? (v.value as number) : null] });
        break;
      case "text":
        add({ name: code, label: text, kind: "string", valueLabels: [], missing: [] });
        extracts.push({ code, extract: (v) => [v && "text" in v ? v.text : null] });
        break;
      case "display":
        break;
    }
  }

  return {
    variables,
    items,
    versions: [...versions].map((v) => v.number).sort((a, b) => a - b),
    row(meta, answers) {
      const cells = metaCells(meta);
      for (const { code, extract } of extracts) {
        const value = answers.get(code);
        // An answer of another type (the item changed type between versions) counts as not answered.
        try {
          cells.push(...extract(value));
        } catch {
          cells.push(...extract(undefined));
        }
      }
      return cells;
    },
  };
}

/** Labels for the scale's end points (from the newest version that names them), plus the missing codes. */
function scaleLabels(seen: TItem[]): TVariable["valueLabels"] {
  const labels: TVariable["valueLabels"] = [];
  const first = seen[0];
  if (first && (first.type === "scale" || first.type === "matrix")) {
    if (first.minLabel) labels.push({ value: first.min, label: bi(first.minLabel) });
    if (first.maxLabel && first.max !== first.min) labels.push({ value: first.max, label: bi(first.maxLabel) });
  }
  labels.push(MISSING_LABELS.cannotAssess, MISSING_LABELS.notAnswered);
  return labels;
}

/** The value of one answer as one readable cell, for the long CSV (option codes, not numbers). */
export function answerText(value: unknown, rowOrder: readonly string[] = []): { value: string; other: string } {
  if (value === null || value === undefined) return { value: "", other: "" };
  const v = value as Record<string, unknown>;
  if ("choice" in v) return { value: String(v.choice), other: String(v.other ?? "") };
  if ("choices" in v) return { value: (v.choices as string[]).join(";"), other: String(v.other ?? "") };
  if ("cannotAssess" in v) return { value: "cannot_assess", other: "" };
  if ("rows" in v) {
    const rank = (k: string) => (rowOrder.includes(k) ? rowOrder.indexOf(k) : rowOrder.length);
    const entries = Object.entries(v.rows as Record<string, unknown>).sort(([a], [b]) => rank(a) - rank(b));
    return { value: entries.map(([k, x]) => `${k}=${x === "NA" ? "cannot_assess" : String(x)}`).join(";"), other: "" };
  }
  if ("order" in v) return { value: (v.order as string[]).join(";"), other: "" };
  if ("value" in v) return { value: String(v.value), other: "" };
  if ("text" in v) return { value: String(v.text), other: "" };
  return { value: JSON.stringify(value), other: "" };
}
