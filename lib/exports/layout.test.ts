import { describe, expect, it } from "vitest";
import { CANNOT_ASSESS, NOT_ANSWERED, answerText, buildLayout, type TResponseMeta } from "@/lib/exports/layout";
import { ZQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

const t = (s: string) => confirmedText(`${s} ru`, `${s} en`);
const version = (options: string[], text = "Choice"): TQuestionnaireInput => ({
  kind: "questionnaire",
  title: t("Q"),
  sections: [
    {
      code: "S",
      title: t("S"),
      items: [
        { code: "C", type: "single", text: t(text), options: options.map((code) => ({ code, label: t(code) })) },
        { code: "M", type: "matrix", text: t("Matrix"), min: 1, max: 5, cannotAssess: true, rows: [{ code: "M_A", label: t("A") }, { code: "M_B", label: t("B") }] },
      ],
    },
  ],
});
const meta: TResponseMeta = {
  responseId: "r",
  pseudonym: 7,
  wave: 1,
  country: "AM",
  expertGroup: "OFFICIAL",
  status: "SUBMITTED",
  version: 1,
  startedAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-02T00:00:00Z"),
  submittedAt: null,
};

describe("export layout", () => {
  it("combines versions by code: the newest version's options first, older-only options after, each difference named", () => {
    const layout = buildLayout([
      { number: 1, definition: ZQuestionnaire.parse(version(["OLD", "KEEP"], "Old wording")) },
      { number: 2, definition: ZQuestionnaire.parse(version(["KEEP", "NEW"])) },
    ]);
    const item = layout.items.find((i) => i.code === "C")!;
    expect(item.options.map((o) => [o.code, o.value, o.versions])).toEqual([
      ["KEEP", 1, [1, 2]],
      ["NEW", 2, [2]],
      ["OLD", 3, [1]],
    ]);
    expect(item.text).toEqual({ ru: "Choice ru", en: "Choice en" });
    expect(item.differences).toEqual(["text differs in version 1", "option NEW: only in version(s) 2", "option OLD: only in version(s) 1"]);
    // An answer from version 1 keeps its meaning: OLD is code 3 in the combined list.
    const row = layout.row(meta, new Map([["C", { choice: "OLD" }], ["M", { rows: { M_B: "NA" } }]]));
    const names = layout.variables.map((v) => v.name);
    expect(Object.fromEntries(names.map((n, i) => [n, row[i]]))).toMatchObject({ pseudonym: 7, C: 3, M_A: NOT_ANSWERED, M_B: CANNOT_ASSESS, submitted_at: null });
  });

  it("the long format's text keeps matrix rows in questionnaire order", () => {
    expect(answerText({ rows: { M_B: 2, M_A: "NA" } }, ["M_A", "M_B"]).value).toBe("M_A=cannot_assess;M_B=2");
    expect(answerText({ choices: ["X", "Y"], other: "z" })).toEqual({ value: "X;Y", other: "z" });
  });
});
