import { z } from "zod";
import type { TItem } from "@/lib/instrument/definition";

/**
 * The consensus and stability rules of a Delphi round, declared before it opens and stored with it
 * (the database freezes them once the round is no longer planned). One default per instrument, and
 * overrides per item code (a matrix row's code overrides its matrix's).
 */

const ZPercent = z.number().min(0).max(100);

/** Scale and pair ratings: IQR ≤ maxIqr and/or ≥ minShare % in the top or bottom `categories` points. */
export const ZScaleConsensus = z
  .object({
    kind: z.literal("scale"),
    maxIqr: z.number().min(0).max(200).optional(),
    minShare: ZPercent.optional(),
    categories: z.number().int().min(1).max(100).default(2),
    side: z.enum(["top", "bottom", "either"]).default("either"),
    /** Both conditions must hold ("and") or either one is enough ("or"), when both are given. */
    combine: z.enum(["and", "or"]).default("and"),
  })
  .strict()
  .refine((r) => r.maxIqr !== undefined || r.minShare !== undefined, { message: "scaleRuleEmpty", path: ["maxIqr"] });
/** Single or multiple choice: ≥ minShare % of respondents on one option. */
export const ZChoiceConsensus = z.object({ kind: z.literal("choice"), minShare: ZPercent }).strict();
/** Ranking: Kendall's W (corrected for ties) ≥ minW. */
export const ZRankingConsensus = z.object({ kind: z.literal("ranking"), minW: z.number().min(0).max(1) }).strict();
export const ZConsensusRule = z.union([ZScaleConsensus, ZChoiceConsensus, ZRankingConsensus]);

/** Between rounds: ≤ maxChangedShare % of experts changed their answer, or |ΔIQR| ≤ maxIqrChange. */
export const ZStabilityRule = z.union([
  z.object({ kind: z.literal("changed"), maxChangedShare: ZPercent }).strict(),
  z.object({ kind: z.literal("iqr"), maxIqrChange: z.number().min(0).max(200) }).strict(),
]);

export const ZItemRules = z.object({ consensus: ZConsensusRule.optional(), stability: ZStabilityRule.optional() }).strict();

export const ZRoundRules = z
  .object({
    scale: ZScaleConsensus,
    choice: ZChoiceConsensus,
    ranking: ZRankingConsensus,
    stability: ZStabilityRule,
    items: z.record(z.string().max(40), ZItemRules).default({}),
  })
  .strict();

export type TScaleConsensus = z.output<typeof ZScaleConsensus>;
export type TChoiceConsensus = z.output<typeof ZChoiceConsensus>;
export type TRankingConsensus = z.output<typeof ZRankingConsensus>;
export type TConsensusRule = z.output<typeof ZConsensusRule>;
export type TStabilityRule = z.output<typeof ZStabilityRule>;
export type TRoundRules = z.output<typeof ZRoundRules>;
export type TRoundRulesInput = z.input<typeof ZRoundRules>;

/** The default a new round starts from: IQR ≤ 1 (on 1–10, after the Delphi literature), 70 % on one option, W ≥ 0.7, ≤ 15 % changed. */
export const DEFAULT_ROUND_RULES: TRoundRules = ZRoundRules.parse({
  scale: { kind: "scale", maxIqr: 1 },
  choice: { kind: "choice", minShare: 70 },
  ranking: { kind: "ranking", minW: 0.7 },
  stability: { kind: "changed", maxChangedShare: 15 },
});

/** Which kind of consensus rule applies to an item type; null for items that have none (text, number, display). */
export function consensusKind(type: TItem["type"]): TConsensusRule["kind"] | null {
  if (type === "scale" || type === "matrix") return "scale";
  if (type === "single" || type === "multi") return "choice";
  if (type === "ranking") return "ranking";
  return null;
}

/**
 * The rules in force for one item (or one matrix row, `rowCode`): the item's override of the right
 * kind, else the instrument's default. An override of another kind than the item's is ignored.
 */
export function rulesFor(rules: TRoundRules, item: TItem, rowCode?: string): { consensus: TConsensusRule | null; stability: TStabilityRule } {
  const kind = consensusKind(item.type);
  const own = (rowCode ? rules.items[rowCode] : undefined) ?? rules.items[item.code];
  const override = own?.consensus?.kind === kind ? own.consensus : undefined;
  const consensus = kind === null ? null : (override ?? rules[kind]);
  return { consensus, stability: own?.stability ?? rules.stability };
}
