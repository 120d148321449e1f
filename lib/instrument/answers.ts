import { z } from "zod";
import { allItems, isAnswerable, type TCondition, type TItem, type TQuestionnaire } from "@/lib/instrument/definition";

/**
 * Answers, one per item code. These schemas are shared by the server (every save and the final
 * submission) and the questionnaire forms (through zodResolver). Messages are keys of the
 * "answers" message namespace, so each side shows them in the respondent's language.
 *
 * Two levels: `answerSchema` says whether a value is *valid* (a save of it is accepted);
 * `completenessError` says whether a valid value is *complete* enough to submit.
 */

export const OTHER_TEXT_MAX = 500;

export const ZSingleAnswer = z.object({ choice: z.string(), other: z.string().max(OTHER_TEXT_MAX, "tooLong").optional() }).strict();
export const ZMultiAnswer = z.object({ choices: z.array(z.string()).max(100), other: z.string().max(OTHER_TEXT_MAX, "tooLong").optional() }).strict();
export const ZScaleAnswer = z.union([z.object({ value: z.number() }).strict(), z.object({ cannotAssess: z.literal(true) }).strict()]);
export const ZMatrixAnswer = z.object({ rows: z.record(z.string(), z.union([z.number(), z.literal("NA")])) }).strict();
export const ZRankingAnswer = z.object({ order: z.array(z.string()).max(100) }).strict();
export const ZNumberAnswer = z.object({ value: z.number() }).strict();
export const ZTextAnswer = z.object({ text: z.string() }).strict();

export type TSingleAnswer = z.infer<typeof ZSingleAnswer>;
export type TMultiAnswer = z.infer<typeof ZMultiAnswer>;
export type TScaleAnswer = z.infer<typeof ZScaleAnswer>;
export type TMatrixAnswer = z.infer<typeof ZMatrixAnswer>;
export type TRankingAnswer = z.infer<typeof ZRankingAnswer>;
export type TNumberAnswer = z.infer<typeof ZNumberAnswer>;
export type TTextAnswer = z.infer<typeof ZTextAnswer>;
export type TAnswerValue = TSingleAnswer | TMultiAnswer | TScaleAnswer | TMatrixAnswer | TRankingAnswer | TNumberAnswer | TTextAnswer;
export type TAnswers = Record<string, TAnswerValue | undefined>;

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

const schemas = new WeakMap<TItem, z.ZodType<TAnswerValue>>();

/**
 * The schema a value for this item must satisfy to be stored; made once per item object (the
 * definitions of published versions are cached, so an autosave reuses its item's schema).
 */
export function answerSchema(item: TItem): z.ZodType<TAnswerValue> {
  let schema = schemas.get(item);
  if (!schema) schemas.set(item, (schema = makeAnswerSchema(item)));
  return schema;
}

function makeAnswerSchema(item: TItem): z.ZodType<TAnswerValue> {
  switch (item.type) {
    case "single": {
      const codes = new Set(item.options.map((o) => o.code));
      const other = item.options.find((o) => o.other)?.code;
      return ZSingleAnswer.superRefine((v, ctx) => {
        if (!codes.has(v.choice)) ctx.addIssue({ code: "custom", path: ["choice"], message: "unknownOption" });
        if (v.other !== undefined && v.choice !== other) ctx.addIssue({ code: "custom", path: ["other"], message: "otherNotChosen" });
      });
    }
    case "multi": {
      const codes = new Set(item.options.map((o) => o.code));
      const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.code));
      const other = item.options.find((o) => o.other)?.code;
      return ZMultiAnswer.superRefine((v, ctx) => {
        if (v.choices.some((c) => !codes.has(c))) ctx.addIssue({ code: "custom", path: ["choices"], message: "unknownOption" });
        if (new Set(v.choices).size !== v.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "duplicateChoice" });
        if (item.maxSelect !== undefined && v.choices.length > item.maxSelect) ctx.addIssue({ code: "custom", path: ["choices"], message: "tooMany" });
        if (v.choices.length > 1 && v.choices.some((c) => exclusive.has(c))) ctx.addIssue({ code: "custom", path: ["choices"], message: "exclusiveWithOthers" });
        if (v.other !== undefined && (!other || !v.choices.includes(other))) ctx.addIssue({ code: "custom", path: ["other"], message: "otherNotChosen" });
      });
    }
    case "scale":
      return ZScaleAnswer.superRefine((v, ctx) => {
        if ("cannotAssess" in v) {
          if (!item.cannotAssess) ctx.addIssue({ code: "custom", path: ["cannotAssess"], message: "invalid" });
        } else if (!Number.isInteger(v.value) || !inRange(v.value, item.min, item.max)) {
          ctx.addIssue({ code: "custom", path: ["value"], message: "outOfRange" });
        }
      });
    case "matrix": {
      const rows = new Set(item.rows.map((r) => r.code));
      return ZMatrixAnswer.superRefine((v, ctx) => {
        for (const [row, value] of Object.entries(v.rows)) {
          if (!rows.has(row)) ctx.addIssue({ code: "custom", path: ["rows", row], message: "unknownRow" });
          else if (value === "NA" ? !item.cannotAssess : !Number.isInteger(value) || !inRange(value, item.min, item.max)) {
            ctx.addIssue({ code: "custom", path: ["rows", row], message: "outOfRange" });
          }
        }
      });
    }
    case "ranking": {
      const codes = new Set(item.options.map((o) => o.code));
      return ZRankingAnswer.superRefine((v, ctx) => {
        if (v.order.some((c) => !codes.has(c))) ctx.addIssue({ code: "custom", path: ["order"], message: "unknownOption" });
        if (new Set(v.order).size !== v.order.length) ctx.addIssue({ code: "custom", path: ["order"], message: "duplicateChoice" });
        if (v.order.length > item.topK) ctx.addIssue({ code: "custom", path: ["order"], message: "tooMany" });
      });
    }
    case "number":
      return ZNumberAnswer.superRefine((v, ctx) => {
        if (!Number.isFinite(v.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "notANumber" });
        else if (item.integer && !Number.isInteger(v.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "notInteger" });
        else if (!inRange(v.value, item.min, item.max)) ctx.addIssue({ code: "custom", path: ["value"], message: "outOfRange" });
      });
    case "text":
      return ZTextAnswer.superRefine((v, ctx) => {
        if (v.text.length > item.maxLength) ctx.addIssue({ code: "custom", path: ["text"], message: "tooLong" });
      });
    case "display":
      return z.never({ error: "notAnswerable" });
  }
}

/** Whether a stored value counts as an answer (an empty text or selection does not). */
export function isAnswered(item: TItem, value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  switch (item.type) {
    case "multi":
      return (value as TMultiAnswer).choices.length > 0;
    case "matrix":
      return Object.keys((value as TMatrixAnswer).rows).length > 0;
    case "ranking":
      return (value as TRankingAnswer).order.length > 0;
    case "text":
      return (value as TTextAnswer).text.trim() !== "";
    default:
      return true;
  }
}

/** For a valid value: what still keeps it from being complete, as a message key, or null. */
export function completenessError(item: TItem, value: TAnswerValue | undefined): string | null {
  if (!isAnswered(item, value)) return item.required ? "required" : null;
  switch (item.type) {
    case "single": {
      const v = value as TSingleAnswer;
      const other = item.options.find((o) => o.other)?.code;
      return v.choice === other && !v.other?.trim() ? "otherMissing" : null;
    }
    case "multi": {
      const v = value as TMultiAnswer;
      const other = item.options.find((o) => o.other)?.code;
      if (item.minSelect !== undefined && v.choices.length < item.minSelect && !v.choices.some((c) => item.options.find((o) => o.code === c)?.exclusive)) return "tooFew";
      return other && v.choices.includes(other) && !v.other?.trim() ? "otherMissing" : null;
    }
    case "matrix":
      return item.required && Object.keys((value as TMatrixAnswer).rows).length < item.rows.length ? "rowsMissing" : null;
    case "ranking":
      return item.required && (value as TRankingAnswer).order.length < Math.min(item.topK, item.options.length) ? "rankingIncomplete" : null;
    default:
      return null;
  }
}

function holds(condition: TCondition, value: TAnswerValue | undefined): boolean {
  if (value === undefined) return false;
  switch (condition.op) {
    case "equals":
      if ("choice" in value) return value.choice === condition.value;
      return "value" in value && value.value === condition.value;
    case "includes":
      return "choices" in value && value.choices.includes(String(condition.value));
    case "gte":
      return "value" in value && typeof condition.value === "number" && value.value >= condition.value;
    case "lte":
      return "value" in value && typeof condition.value === "number" && value.value <= condition.value;
  }
}

/**
 * The codes of the items a respondent sees given their answers, in order. Conditions point only
 * to earlier items, so one pass suffices; the answer of a hidden item counts as absent.
 */
export function visibleItemCodes(q: TQuestionnaire, answers: TAnswers): Set<string> {
  const visible = new Set<string>();
  const effective = (code: string) => (visible.has(code) ? answers[code] : undefined);
  for (const section of q.sections) {
    if (!(section.showIf ?? []).every((c) => holds(c, effective(c.item)))) continue;
    for (const item of section.items) {
      if ((item.showIf ?? []).every((c) => holds(c, effective(c.item)))) visible.add(item.code);
    }
  }
  return visible;
}

export type TResponseProblem = { item: string; error: string };

/**
 * The server's check of a whole response before submission: every answer valid for its item,
 * every visible required item answered and complete. Answers to hidden items are ignored.
 */
export function checkResponse(q: TQuestionnaire, answers: TAnswers): { problems: TResponseProblem[]; visible: Set<string> } {
  const visible = visibleItemCodes(q, answers);
  const problems: TResponseProblem[] = [];
  const known = new Set(allItems(q).map((i) => i.code));
  for (const code of Object.keys(answers)) if (!known.has(code)) problems.push({ item: code, error: "unknownItem" });
  for (const item of allItems(q)) {
    if (!visible.has(item.code)) continue;
    const value = answers[item.code];
    if (!isAnswerable(item)) {
      if (value !== undefined) problems.push({ item: item.code, error: "notAnswerable" });
      continue;
    }
    if (value !== undefined) {
      const parsed = answerSchema(item).safeParse(value);
      if (!parsed.success) {
        problems.push({ item: item.code, error: parsed.error.issues[0]?.message ?? "invalid" });
        continue;
      }
    }
    const incomplete = completenessError(item, value);
    if (incomplete) problems.push({ item: item.code, error: incomplete });
  }
  return { problems, visible };
}

/** Progress as the expert sees it: required visible items answered, out of all required visible items. */
export function progress(q: TQuestionnaire, answers: TAnswers): { answered: number; total: number } {
  const visible = visibleItemCodes(q, answers);
  const required = allItems(q).filter((i) => i.required && isAnswerable(i) && visible.has(i.code));
  const done = (i: TItem) => {
    const value = answers[i.code];
    return (value === undefined || answerSchema(i).safeParse(value).success) && completenessError(i, value) === null;
  };
  return { answered: required.filter(done).length, total: required.length };
}

/**
 * The whole response as one zod schema (for react-hook-form's zodResolver on the review step): it
 * runs the same `checkResponse` the server runs on submission, one issue per failing item.
 */
export function responseSchema(q: TQuestionnaire) {
  return z.record(z.string(), z.any()).superRefine((answers, ctx) => {
    for (const p of checkResponse(q, answers as TAnswers).problems) ctx.addIssue({ code: "custom", path: [p.item], message: p.error });
  });
}
