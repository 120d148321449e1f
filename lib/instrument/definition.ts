import { z } from "zod";
import { LANGS, type TText } from "@/lib/i18n/text";

/**
 * An instrument version is data: this schema is the one contract shared by the server (saving,
 * publishing, checking answers), the editor and the renderer. Structural rules live here; rules
 * that need the whole definition (unique codes, condition targets, translations) live in check.ts.
 */

export const ZText = z.object({
  ru: z.string().max(5000),
  en: z.string().max(5000),
  source: z.enum(LANGS).default("ru"),
  confirmed: z.string().max(16).optional(),
}) satisfies z.ZodType<TText>;

export const ZCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "must start with a letter and use only letters, digits and _ (at most 40)");

export const ZCondition = z.object({
  /** Code of an earlier item. */
  item: ZCode,
  /**
   * equals: the single choice is / the number or scale value is `value`;
   * includes: the multiple choice includes `value`;
   * gte / lte: the scale or number value is at least / at most `value`.
   */
  op: z.enum(["equals", "includes", "gte", "lte"]),
  value: z.union([z.string().max(200), z.number()]),
});
export type TCondition = z.infer<typeof ZCondition>;

export const ZOption = z.object({
  code: ZCode,
  label: ZText,
  /** "Other (please specify)": choosing it opens a text field. */
  other: z.boolean().optional(),
  /** "Hard to say": choosing it clears every other choice (multiple choice). */
  exclusive: z.boolean().optional(),
  /** Kept in place when the options are shuffled. */
  anchored: z.boolean().optional(),
});
export type TOption = z.infer<typeof ZOption>;

const base = {
  code: ZCode,
  text: ZText,
  help: ZText.optional(),
  required: z.boolean().default(false),
  /** Shown only when every condition holds. */
  showIf: z.array(ZCondition).max(10).optional(),
};

const ZScaleBounds = {
  min: z.number().int().min(-100).max(100),
  max: z.number().int().min(-100).max(100),
  minLabel: ZText.optional(),
  maxLabel: ZText.optional(),
  /** Offers "cannot assess", stored apart from the numbers and excluded from means. */
  cannotAssess: z.boolean().optional(),
};

export const ZSingleItem = z.object({ ...base, type: z.literal("single"), options: z.array(ZOption).max(100), shuffle: z.boolean().optional() });
export const ZMultiItem = z.object({
  ...base,
  type: z.literal("multi"),
  options: z.array(ZOption).max(100),
  minSelect: z.number().int().min(0).max(100).optional(),
  maxSelect: z.number().int().min(1).max(100).optional(),
  shuffle: z.boolean().optional(),
});
export const ZScaleItem = z.object({ ...base, type: z.literal("scale"), ...ZScaleBounds });
export const ZMatrixRow = z.object({ code: ZCode, label: ZText });
export const ZMatrixItem = z.object({
  ...base,
  type: z.literal("matrix"),
  ...ZScaleBounds,
  rows: z.array(ZMatrixRow).max(100),
  /** Set when the rows are the pairs of these countries (see lib/study/countries.ts). */
  pairsOf: z.array(z.string().length(2)).max(20).optional(),
});
export const ZRankingItem = z.object({
  ...base,
  type: z.literal("ranking"),
  options: z.array(ZOption).max(100),
  /** How many of the options the respondent ranks. */
  topK: z.number().int().min(1).max(100),
  shuffle: z.boolean().optional(),
});
export const ZNumberItem = z.object({
  ...base,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(true),
  unit: ZText.optional(),
});
export const ZTextItem = z.object({ ...base, type: z.literal("text"), multiline: z.boolean().default(false), maxLength: z.number().int().min(1).max(20_000).default(500) });
export const ZDisplayItem = z.object({ ...base, type: z.literal("display") });

export const ZItem = z.discriminatedUnion("type", [ZSingleItem, ZMultiItem, ZScaleItem, ZMatrixItem, ZRankingItem, ZNumberItem, ZTextItem, ZDisplayItem]);
export type TItem = z.output<typeof ZItem>;
export type TItemInput = z.input<typeof ZItem>;
export type TItemType = TItem["type"];
export const ITEM_TYPES: TItemType[] = ["single", "multi", "scale", "matrix", "ranking", "number", "text", "display"];

export const ZSection = z.object({
  code: ZCode,
  title: ZText,
  intro: ZText.optional(),
  showIf: z.array(ZCondition).max(10).optional(),
  items: z.array(ZItem).max(200),
});
export type TSection = z.output<typeof ZSection>;

export const ZQuestionnaire = z.object({
  kind: z.literal("questionnaire"),
  title: ZText,
  intro: ZText.optional(),
  sections: z.array(ZSection).max(50),
});
export type TQuestionnaire = z.output<typeof ZQuestionnaire>;
export type TQuestionnaireInput = z.input<typeof ZQuestionnaire>;

export const ZProbe = z.object({ code: ZCode, text: ZText });
export const ZGuideQuestion = z.object({ code: ZCode, text: ZText, probes: z.array(ZProbe).max(30) });
export const ZGuideBlock = z.object({
  code: ZCode,
  title: ZText,
  intro: ZText.optional(),
  suggestedMinutes: z.number().int().min(1).max(600).optional(),
  questions: z.array(ZGuideQuestion).max(50),
});
export const ZGuide = z.object({
  kind: z.literal("guide"),
  title: ZText,
  intro: ZText.optional(),
  blocks: z.array(ZGuideBlock).max(30),
});
export type TGuide = z.output<typeof ZGuide>;
export type TGuideInput = z.input<typeof ZGuide>;

/** What an instrument version holds: a questionnaire or an interview guide. */
export const ZDefinition = z.discriminatedUnion("kind", [ZQuestionnaire, ZGuide]);
export type TDefinition = z.output<typeof ZDefinition>;
export type TDefinitionInput = z.input<typeof ZDefinition>;

