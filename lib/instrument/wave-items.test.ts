import { describe, expect, it } from "vitest";
import { askedIn, askedItemsOf } from "@/lib/instrument/wave-items";
import type { TQuestionnaire } from "@/lib/instrument/definition";

const t = (en: string) => ({ ru: en, en, source: "en" as const });
const q = {
  sections: [
    {
      code: "A",
      title: t("A"),
      items: [
        { code: "a1", type: "single", text: t("a1"), required: true, options: [{ code: "x", label: t("x") }, { code: "y", label: t("y") }] },
        { code: "a2", type: "text", text: t("a2"), required: false, showIf: [{ item: "a1", op: "equals", value: "x" }] },
      ],
    },
    { code: "B", title: t("B"), items: [{ code: "b1", type: "text", text: t("b1"), required: false, showIf: [{ item: "a1", op: "equals", value: "y" }] }] },
  ],
} as unknown as TQuestionnaire;

describe("what a wave asks", () => {
  it("a wave naming no items asks every item, unchanged", () => {
    expect(askedItemsOf(q, { itemCodes: [] })).toBe(q);
    expect(askedIn({ itemCodes: [] }, "anything")).toBe(true);
  });

  it("a subset keeps only its items, drops emptied sections and conditions on items it does not ask", () => {
    const sub = askedItemsOf(q, { itemCodes: ["b1", "a2"] });
    expect(sub.sections.map((s) => s.items.map((i) => i.code))).toEqual([["a2"], ["b1"]]);
    expect(sub.sections[0]!.items[0]!.showIf).toEqual([]);
    const only = askedItemsOf(q, { itemCodes: ["a1", "a2"] });
    expect(only.sections.map((s) => s.code)).toEqual(["A"]);
    expect(only.sections[0]!.items[1]!.showIf).toEqual([{ item: "a1", op: "equals", value: "x" }]);
    expect(askedIn({ itemCodes: ["a1"] }, "a2")).toBe(false);
  });
});
