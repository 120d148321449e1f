import { describe, expect, it } from "vitest";
import { checkDefinition } from "@/lib/instrument/check";
import { ITEM_TYPES, ZGuide, ZQuestionnaire } from "@/lib/instrument/definition";
import { allItems, isAnswerable } from "@/lib/instrument/items";
import { eaeuGuide } from "@/prisma/seed/eaeu/guide";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";

describe("the demo study's instruments", () => {
  const questionnaire = ZQuestionnaire.parse(eaeuQuestionnaire);
  const guide = ZGuide.parse(eaeuGuide);

  it("are free of problems, so they can be published, in both languages", () => {
    expect(checkDefinition(questionnaire).problems).toEqual([]);
    expect(checkDefinition(guide).problems).toEqual([]);
  });

  it("the questionnaire has more than 50 answerable items and uses every item type", () => {
    const items = allItems(questionnaire);
    expect(items.filter(isAnswerable).length).toBeGreaterThanOrEqual(53);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
  });

  it("rates every pair of the five member states on 1–10", () => {
    const pairs = allItems(questionnaire).find((i) => i.type === "matrix" && i.pairsOf?.length === 5);
    expect(pairs).toMatchObject({ min: 1, max: 10, cannotAssess: true });
    expect(pairs?.type === "matrix" && pairs.rows.map((r) => r.label.en)).toEqual([
      "Russia – Belarus",
      "Russia – Kazakhstan",
      "Russia – Armenia",
      "Russia – Kyrgyzstan",
      "Belarus – Kazakhstan",
      "Belarus – Armenia",
      "Belarus – Kyrgyzstan",
      "Kazakhstan – Armenia",
      "Kazakhstan – Kyrgyzstan",
      "Armenia – Kyrgyzstan",
    ]);
  });

  it("the guide has the paper's four blocks, each with questions and probes", () => {
    expect(guide.blocks).toHaveLength(4);
    for (const block of guide.blocks) {
      expect(block.questions.length).toBeGreaterThan(0);
      expect(block.questions.every((q) => q.probes.length > 0)).toBe(true);
    }
  });
});
