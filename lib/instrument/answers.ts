import { z } from "zod";
import { answerIssues, responseProblems } from "@/lib/instrument/answer-rules";
import type { TItem, TQuestionnaire } from "@/lib/instrument/definition";

/**
 * Answers, one per item code, as the server validates them: every save and the final submission.
 * The shapes are zod schemas; the item's own rules (known options, ranges, limits) are the plain
 * functions of answer-rules.ts, which the questionnaire page applies too.
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

const SHAPES: Record<Exclude<TItem["type"], "display">, z.ZodType<TAnswerValue>> = {
  single: ZSingleAnswer,
  multi: ZMultiAnswer,
  scale: ZScaleAnswer,
  matrix: ZMatrixAnswer,
  ranking: ZRankingAnswer,
  number: ZNumberAnswer,
  text: ZTextAnswer,
};

const schemas = new WeakMap<TItem, z.ZodType<TAnswerValue>>();

/**
 * The schema a value for this item must satisfy to be stored: the item type's shape, then the
 * item's rules. Made once per item object (the definitions of published versions are cached, so an
 * autosave reuses its item's schema).
 */
export function answerSchema(item: TItem): z.ZodType<TAnswerValue> {
  let schema = schemas.get(item);
  if (!schema) schemas.set(item, (schema = makeAnswerSchema(item)));
  return schema;
}

function makeAnswerSchema(item: TItem): z.ZodType<TAnswerValue> {
  if (item.type === "display") return z.never({ error: "notAnswerable" });
  return SHAPES[item.type].superRefine((value, ctx) => {
    for (const issue of answerIssues(item, value)) ctx.addIssue({ code: "custom", ...issue });
  });
}

/**
 * The server's check of a whole response before submission: every stored answer parsed by its
 * item's schema, every visible required item answered and complete (see `responseProblems`).
 */
export function checkResponse(q: TQuestionnaire, answers: TAnswers) {
  return responseProblems(q, answers, (item, value) => {
    const parsed = answerSchema(item).safeParse(value);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid");
  });
}
