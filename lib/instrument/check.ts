import type { z } from "zod";
import { ZDefinition, type TCondition, type TDefinition, type TGuide, type TItem, type TQuestionnaire } from "@/lib/instrument/definition";
import { LANGS, translationState, type TText } from "@/lib/i18n/text";

export type TProblemKind = "structure" | "duplicate" | "condition" | "cycle" | "bounds" | "empty" | "translation-missing" | "translation-stale";
export type TProblem = { path: string; kind: TProblemKind; message: string };

const LANG_NAME = { ru: "Russian", en: "English" } as const;

/** `["sections", 2, "items", 4, "options"]` → `sections[2].items[4].options` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function structureProblems(error: z.ZodError): TProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path) || "(definition)", kind: "structure", message: issue.message }));
}

function isText(value: unknown): value is TText {
  return typeof value === "object" && value !== null && "ru" in value && "en" in value && "source" in value;
}

/** Every text missing a language, and every translation made stale by a later change of its source. */
export function translationProblems(node: unknown, path: Array<string | number> = []): TProblem[] {
  if (isText(node)) {
    const { state, missing } = translationState(node);
    if (state === "missing") {
      return missing.map((lang) => ({ path: formatPath(path), kind: "translation-missing" as const, message: `the ${LANG_NAME[lang]} text is missing` }));
    }
    if (state === "stale") {
      const target = LANGS.find((l) => l !== node.source)!;
      return [
        {
          path: formatPath(path),
          kind: "translation-stale",
          message: `the ${LANG_NAME[target]} translation is out of date: the ${LANG_NAME[node.source]} text changed after it was last confirmed`,
        },
      ];
    }
    return [];
  }
  if (Array.isArray(node)) return node.flatMap((child, i) => translationProblems(child, [...path, i]));
  if (typeof node === "object" && node !== null) {
    return Object.entries(node).flatMap(([key, child]) => translationProblems(child, [...path, key]));
  }
  return [];
}

function duplicateProblems(codes: Array<{ code: string; path: string }>): TProblem[] {
  const first = new Map<string, string>();
  const problems: TProblem[] = [];
  for (const { code, path } of codes) {
    const earlier = first.get(code);
    if (earlier) problems.push({ path, kind: "duplicate", message: `duplicate code "${code}" (also used at ${earlier})` });
    else first.set(code, path);
  }
  return problems;
}

function questionnaireCodes(q: TQuestionnaire) {
  const codes: Array<{ code: string; path: string }> = [];
  q.sections.forEach((s, si) => {
    codes.push({ code: s.code, path: `sections[${si}].code` });
    s.items.forEach((item, ii) => {
      const at = `sections[${si}].items[${ii}]`;
      codes.push({ code: item.code, path: `${at}.code` });
      if ("options" in item) item.options.forEach((o, oi) => codes.push({ code: o.code, path: `${at}.options[${oi}].code` }));
      if (item.type === "matrix") item.rows.forEach((r, ri) => codes.push({ code: r.code, path: `${at}.rows[${ri}].code` }));
    });
  });
  return codes;
}

const OPS_BY_TYPE: Partial<Record<TItem["type"], TCondition["op"][]>> = {
  single: ["equals"],
  multi: ["includes"],
  scale: ["equals", "gte", "lte"],
  number: ["equals", "gte", "lte"],
};

function conditionProblems(q: TQuestionnaire): TProblem[] {
  const problems: TProblem[] = [];
  const position = new Map<string, { index: number; section: number; item: TItem }>();
  let index = 0;
  q.sections.forEach((s, si) => s.items.forEach((item) => position.set(item.code, { index: index++, section: si, item })));

  const checkOne = (c: TCondition, path: string, owner: { index: number; section: number; isSection: boolean; code: string }) => {
    const target = position.get(c.item);
    if (!target) {
      problems.push({ path, kind: "condition", message: `the condition points to "${c.item}", which is not an item of this questionnaire` });
      return;
    }
    if (!owner.isSection && c.item === owner.code) {
      problems.push({ path, kind: "cycle", message: `the item "${owner.code}" depends on its own answer` });
      return;
    }
    const later = owner.isSection ? target.section >= owner.section : target.index >= owner.index;
    if (later) {
      problems.push({ path, kind: "condition", message: `the condition points to "${c.item}", which comes later; a condition may only depend on earlier items` });
    }
    const ops = OPS_BY_TYPE[target.item.type];
    if (!ops?.includes(c.op)) {
      problems.push({ path, kind: "condition", message: `"${c.op}" cannot be used with "${c.item}", a ${target.item.type} item` });
      return;
    }
    if ((target.item.type === "single" || target.item.type === "multi") && !target.item.options.some((o) => o.code === c.value)) {
      problems.push({ path, kind: "condition", message: `"${String(c.value)}" is not an option of "${c.item}"` });
    }
    if ((target.item.type === "scale" || target.item.type === "number") && typeof c.value !== "number") {
      problems.push({ path, kind: "condition", message: `the value compared with "${c.item}" must be a number` });
    }
  };

  index = 0;
  q.sections.forEach((s, si) => {
    s.showIf?.forEach((c, ci) => checkOne(c, `sections[${si}].showIf[${ci}]`, { index, section: si, isSection: true, code: s.code }));
    s.items.forEach((item, ii) => {
      item.showIf?.forEach((c, ci) => checkOne(c, `sections[${si}].items[${ii}].showIf[${ci}]`, { index, section: si, isSection: false, code: item.code }));
      index++;
    });
  });
  problems.push(...cycleProblems(q));
  return problems;
}

/** Cycles through conditions (A shows if B, B shows if A), reported once each. */
function cycleProblems(q: TQuestionnaire): TProblem[] {
  const deps = new Map<string, string[]>();
  const pathOf = new Map<string, string>();
  q.sections.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      deps.set(item.code, (item.showIf ?? []).map((c) => c.item).filter((t) => t !== item.code));
      pathOf.set(item.code, `sections[${si}].items[${ii}].showIf`);
    }),
  );
  const problems: TProblem[] = [];
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (code: string, stack: string[]) => {
    if (state.get(code) === "done") return;
    if (state.get(code) === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(code)), code];
      const key = [...new Set(cycle)].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        problems.push({ path: pathOf.get(code)!, kind: "cycle", message: `conditions form a cycle: ${cycle.join(" → ")}` });
      }
      return;
    }
    state.set(code, "visiting");
    for (const next of deps.get(code) ?? []) if (deps.has(next)) visit(next, [...stack, code]);
    state.set(code, "done");
  };
  for (const code of deps.keys()) visit(code, []);
  return problems;
}

function itemProblems(item: TItem, at: string): TProblem[] {
  const problems: TProblem[] = [];
  const bound = (message: string, field: string) => problems.push({ path: `${at}.${field}`, kind: "bounds", message });
  if ((item.type === "single" || item.type === "multi" || item.type === "ranking") && item.options.length === 0) {
    problems.push({ path: `${at}.options`, kind: "empty", message: "the choice list is empty" });
  }
  if (item.type === "single" && item.options.length === 1) {
    problems.push({ path: `${at}.options`, kind: "empty", message: "a single choice needs at least two options" });
  }
  if (item.type === "matrix" && item.rows.length === 0) problems.push({ path: `${at}.rows`, kind: "empty", message: "the matrix has no rows" });
  if ((item.type === "scale" || item.type === "matrix") && item.min >= item.max) bound(`min (${item.min}) must be less than max (${item.max})`, "min");
  if (item.type === "number" && item.min !== undefined && item.max !== undefined && item.min > item.max) bound(`min (${item.min}) is greater than max (${item.max})`, "min");
  if (item.type === "multi") {
    if (item.minSelect !== undefined && item.maxSelect !== undefined && item.minSelect > item.maxSelect) {
      bound(`minSelect (${item.minSelect}) is greater than maxSelect (${item.maxSelect})`, "minSelect");
    }
    if (item.minSelect !== undefined && item.options.length > 0 && item.minSelect > item.options.length) {
      bound(`minSelect (${item.minSelect}) is more than the ${item.options.length} options`, "minSelect");
    }
  }
  if (item.type === "ranking" && item.options.length > 0 && item.topK > item.options.length) {
    bound(`topK (${item.topK}) is more than the ${item.options.length} options`, "topK");
  }
  if (item.type === "display" && item.required) problems.push({ path: `${at}.required`, kind: "bounds", message: "display text cannot be required" });
  if ("options" in item && item.options.filter((o) => o.other).length > 1) {
    problems.push({ path: `${at}.options`, kind: "bounds", message: "only one option can be \"other (please specify)\"" });
  }
  return problems;
}

function guideProblems(g: TGuide): TProblem[] {
  const codes: Array<{ code: string; path: string }> = [];
  const problems: TProblem[] = [];
  g.blocks.forEach((b, bi) => {
    codes.push({ code: b.code, path: `blocks[${bi}].code` });
    if (b.questions.length === 0) problems.push({ path: `blocks[${bi}].questions`, kind: "empty", message: "the block has no questions" });
    b.questions.forEach((q, qi) => {
      codes.push({ code: q.code, path: `blocks[${bi}].questions[${qi}].code` });
      q.probes.forEach((p, pi) => codes.push({ code: p.code, path: `blocks[${bi}].questions[${qi}].probes[${pi}].code` }));
    });
  });
  if (g.blocks.length === 0) problems.push({ path: "blocks", kind: "empty", message: "the guide has no blocks" });
  return [...duplicateProblems(codes), ...problems];
}

/**
 * Checks a definition and lists every problem, each with its path. A definition with structure
 * problems is unusable (`definition` is null); the others can be saved as a draft but not published.
 */
export function checkDefinition(input: unknown): { definition: TDefinition | null; problems: TProblem[] } {
  const parsed = ZDefinition.safeParse(input);
  if (!parsed.success) return { definition: null, problems: structureProblems(parsed.error) };
  const d = parsed.data;
  const problems: TProblem[] = [];
  if (d.kind === "questionnaire") {
    problems.push(...duplicateProblems(questionnaireCodes(d)));
    if (d.sections.length === 0) problems.push({ path: "sections", kind: "empty", message: "the questionnaire has no sections" });
    d.sections.forEach((s, si) => s.items.forEach((item, ii) => problems.push(...itemProblems(item, `sections[${si}].items[${ii}]`))));
    problems.push(...conditionProblems(d));
  } else {
    problems.push(...guideProblems(d));
  }
  problems.push(...translationProblems(d));
  return { definition: d, problems };
}
