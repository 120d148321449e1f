import { describe, expect, it } from "vitest";
import { completenessError, isAnswered, progress, sectionProgress, visibleItemCodes } from "@/lib/instrument/answer-rules";
import { answerSchema, checkResponse, OTHER_TEXT_MAX, type TAnswers } from "@/lib/instrument/answers";
import { ZItem, ZQuestionnaire, type TCondition, type TItem, type TItemInput, type TQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";

// ── Builders: items are parsed with the real schema, so defaults (required, integer, maxLength) apply.

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
type TFlags = { other?: boolean; exclusive?: boolean; anchored?: boolean };
const opt = (code: string, flags: TFlags = {}) => ({ code, label: t(code), ...flags });
const item = (input: Record<string, unknown>): TItem => ZItem.parse({ text: t(String(input.code)), ...input });

const single = (extra: Record<string, unknown> = {}) =>
  item({ code: "S", type: "single", options: [opt("a"), opt("b"), opt("o", { other: true })], ...extra });
const multi = (extra: Record<string, unknown> = {}) =>
  item({ code: "M", type: "multi", options: [opt("a"), opt("b"), opt("c"), opt("o", { other: true }), opt("x", { exclusive: true })], ...extra });
const scale = (extra: Record<string, unknown> = {}) => item({ code: "SC", type: "scale", min: 1, max: 5, ...extra });
const matrix = (extra: Record<string, unknown> = {}) =>
  item({ code: "MX", type: "matrix", min: 0, max: 10, rows: [{ code: "r1", label: t("r1") }, { code: "r2", label: t("r2") }], ...extra });
const ranking = (extra: Record<string, unknown> = {}) => item({ code: "R", type: "ranking", options: [opt("a"), opt("b"), opt("c")], topK: 2, ...extra });
const number = (extra: Record<string, unknown> = {}) => item({ code: "N", type: "number", ...extra });
const text = (extra: Record<string, unknown> = {}) => item({ code: "T", type: "text", maxLength: 10, ...extra });
const display = () => item({ code: "D", type: "display" });

/** The message keys a value is refused with ([] when accepted). */
function errors(of: TItem, value: unknown): string[] {
  const parsed = answerSchema(of).safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}
const accepts = (of: TItem, value: unknown) => expect(errors(of, value), JSON.stringify(value)).toEqual([]);
const refuses = (of: TItem, value: unknown, key?: string) => {
  const found = errors(of, value);
  expect(found.length, `${JSON.stringify(value)} should be refused`).toBeGreaterThan(0);
  if (key) expect(found).toContain(key);
};

describe("answerSchema: single choice", () => {
  const s = single();
  it("accepts a known option, and 'other' text with the other option", () => {
    accepts(s, { choice: "a" });
    accepts(s, { choice: "o", other: "mine" });
    accepts(s, { choice: "o" });
  });
  it("refuses unknown options, other text without 'other', too long other text", () => {
    refuses(s, { choice: "zzz" }, "unknownOption");
    refuses(s, { choice: "a", other: "mine" }, "otherNotChosen");
    refuses(single({ options: [opt("a"), opt("b")] }), { choice: "a", other: "" }, "otherNotChosen");
    accepts(s, { choice: "o", other: "x".repeat(OTHER_TEXT_MAX) });
    refuses(s, { choice: "o", other: "x".repeat(OTHER_TEXT_MAX + 1) }, "tooLong");
  });
  it("refuses extra keys and wrong types", () => {
    refuses(s, { choice: "a", extra: 1 });
    refuses(s, { choices: ["a"] });
    refuses(s, { choice: 1 });
    refuses(s, "a");
    refuses(s, null);
    refuses(s, { value: 3 });
  });
});

describe("answerSchema: multiple choice", () => {
  const m = multi({ maxSelect: 2 });
  it("accepts known options up to maxSelect, an exclusive option alone, 'other' text with 'other'", () => {
    accepts(m, { choices: [] });
    accepts(m, { choices: ["a", "b"] });
    accepts(m, { choices: ["x"] });
    accepts(m, { choices: ["a", "o"], other: "mine" });
  });
  it("refuses unknown options, duplicates, too many, exclusive with others, other text without 'other'", () => {
    refuses(m, { choices: ["a", "zzz"] }, "unknownOption");
    refuses(m, { choices: ["a", "a"] }, "duplicateChoice");
    refuses(m, { choices: ["a", "b", "c"] }, "tooMany");
    refuses(multi(), { choices: ["x", "a"] }, "exclusiveWithOthers");
    refuses(m, { choices: ["a"], other: "mine" }, "otherNotChosen");
    refuses(m, { choices: ["o"], other: "x".repeat(OTHER_TEXT_MAX + 1) }, "tooLong");
  });
  it("without maxSelect any number of known options is valid", () => {
    accepts(multi(), { choices: ["a", "b", "c", "o"] });
  });
  it("refuses extra keys and wrong types", () => {
    refuses(m, { choices: ["a"], extra: true });
    refuses(m, { choices: "a" });
    refuses(m, { choice: "a" });
    refuses(m, { choices: [1] });
  });
});

describe("answerSchema: scale", () => {
  it("accepts integers within the bounds", () => {
    accepts(scale(), { value: 1 });
    accepts(scale(), { value: 5 });
    accepts(scale({ min: -3, max: 3 }), { value: -3 });
  });
  it("refuses values out of range and non-integers", () => {
    refuses(scale(), { value: 0 }, "outOfRange");
    refuses(scale(), { value: 6 }, "outOfRange");
    refuses(scale(), { value: 2.5 }, "outOfRange");
  });
  it("allows 'cannot assess' only when the item offers it", () => {
    accepts(scale({ cannotAssess: true }), { cannotAssess: true });
    refuses(scale(), { cannotAssess: true }, "invalid");
    refuses(scale({ cannotAssess: true }), { cannotAssess: false });
    refuses(scale({ cannotAssess: true }), { cannotAssess: true, value: 3 });
  });
  it("refuses extra keys and wrong types", () => {
    refuses(scale(), { value: 3, note: "x" });
    refuses(scale(), { value: "3" });
    refuses(scale(), {});
    refuses(scale(), 3);
  });
});

describe("answerSchema: matrix", () => {
  it("accepts known rows with values in range, partial answers", () => {
    accepts(matrix(), { rows: { r1: 0, r2: 10 } });
    accepts(matrix(), { rows: { r2: 4 } });
    accepts(matrix(), { rows: {} });
  });
  it("refuses unknown rows, values out of range, non-integers", () => {
    refuses(matrix(), { rows: { r1: 3, r9: 3 } }, "unknownRow");
    refuses(matrix(), { rows: { r1: 11 } }, "outOfRange");
    refuses(matrix(), { rows: { r1: -1 } }, "outOfRange");
    refuses(matrix(), { rows: { r1: 2.5 } }, "outOfRange");
  });
  it("reports the offending row in the issue path", () => {
    const parsed = answerSchema(matrix()).safeParse({ rows: { r1: 3, r9: 3 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([["rows", "r9"]]);
  });
  it("allows 'NA' (cannot assess) only when the item offers it", () => {
    accepts(matrix({ cannotAssess: true }), { rows: { r1: "NA", r2: 5 } });
    refuses(matrix(), { rows: { r1: "NA" } }, "outOfRange");
  });
  it("refuses extra keys and wrong types", () => {
    refuses(matrix(), { rows: { r1: 1 }, extra: 1 });
    refuses(matrix(), { rows: { r1: "5" } });
    refuses(matrix(), { rows: "r1" });
    refuses(matrix(), { r1: 1 });
  });
});

describe("answerSchema: ranking", () => {
  it("accepts up to topK distinct known options", () => {
    accepts(ranking(), { order: ["c", "a"] });
    accepts(ranking(), { order: ["b"] });
    accepts(ranking(), { order: [] });
  });
  it("refuses unknown options, duplicates, too many ranked", () => {
    refuses(ranking(), { order: ["a", "zzz"] }, "unknownOption");
    refuses(ranking(), { order: ["a", "a"] }, "duplicateChoice");
    refuses(ranking(), { order: ["a", "b", "c"] }, "tooMany");
  });
  it("refuses extra keys and wrong types", () => {
    refuses(ranking(), { order: ["a"], extra: 1 });
    refuses(ranking(), { order: "a" });
    refuses(ranking(), { order: [1, 2] });
  });
});

describe("answerSchema: number", () => {
  it("accepts integers in range by default, decimals when allowed, any value without bounds", () => {
    accepts(number({ min: 0, max: 10 }), { value: 10 });
    accepts(number({ min: 0, max: 10, integer: false }), { value: 2.5 });
    accepts(number(), { value: -1_000_000 });
    accepts(number({ min: 5 }), { value: 1_000 });
  });
  it("refuses values out of range and non-integers where integer", () => {
    refuses(number({ min: 0, max: 10 }), { value: 11 }, "outOfRange");
    refuses(number({ min: 0, max: 10 }), { value: -1 }, "outOfRange");
    refuses(number({ max: 10 }), { value: 11 }, "outOfRange");
    refuses(number(), { value: 2.5 }, "notInteger");
    refuses(number({ min: 0, max: 10, integer: false }), { value: 10.5 }, "outOfRange");
  });
  it("refuses non-finite numbers, extra keys and wrong types", () => {
    refuses(number(), { value: Number.NaN });
    refuses(number(), { value: Number.POSITIVE_INFINITY });
    refuses(number(), { value: 1, unit: "kg" });
    refuses(number(), { value: "1" });
    refuses(number(), { cannotAssess: true });
  });
});

describe("answerSchema: text and display", () => {
  it("text: accepts up to maxLength, refuses longer", () => {
    accepts(text(), { text: "" });
    accepts(text(), { text: "0123456789" });
    refuses(text(), { text: "0123456789A" }, "tooLong");
    accepts(item({ code: "T", type: "text" }), { text: "x".repeat(500) });
    refuses(item({ code: "T", type: "text" }), { text: "x".repeat(501) }, "tooLong");
  });
  it("text: refuses extra keys and wrong types", () => {
    refuses(text(), { text: "a", more: "b" });
    refuses(text(), { text: 5 });
    refuses(text(), "hello");
  });
  it("display text takes no answer at all", () => {
    refuses(display(), { text: "x" }, "notAnswerable");
    refuses(display(), undefined);
    refuses(display(), {});
  });
});

describe("completenessError", () => {
  it("required: a missing or empty answer to a required item", () => {
    expect(completenessError(single({ required: true }), undefined)).toBe("required");
    expect(completenessError(single(), undefined)).toBeNull();
    expect(completenessError(text({ required: true }), { text: "   " })).toBe("required");
    expect(completenessError(text(), { text: "   " })).toBeNull();
    expect(completenessError(multi({ required: true }), { choices: [] })).toBe("required");
    expect(completenessError(matrix({ required: true }), { rows: {} })).toBe("required");
    expect(completenessError(ranking({ required: true }), { order: [] })).toBe("required");
    expect(completenessError(number({ required: true }), undefined)).toBe("required");
    expect(completenessError(scale({ required: true }), { value: 3 })).toBeNull();
    expect(completenessError(scale({ required: true, cannotAssess: true }), { cannotAssess: true })).toBeNull();
  });

  it("tooFew: fewer than minSelect choices, unless an exclusive option is chosen", () => {
    const m = multi({ minSelect: 2 });
    expect(completenessError(m, { choices: ["a"] })).toBe("tooFew");
    expect(completenessError(m, { choices: ["a", "b"] })).toBeNull();
    expect(completenessError(m, { choices: ["x"] })).toBeNull();
    expect(completenessError(m, { choices: [] })).toBeNull();
  });

  it("otherMissing: 'other' chosen without its text", () => {
    expect(completenessError(single(), { choice: "o" })).toBe("otherMissing");
    expect(completenessError(single(), { choice: "o", other: "  " })).toBe("otherMissing");
    expect(completenessError(single(), { choice: "o", other: "mine" })).toBeNull();
    expect(completenessError(single(), { choice: "a" })).toBeNull();
    expect(completenessError(multi(), { choices: ["a", "o"] })).toBe("otherMissing");
    expect(completenessError(multi(), { choices: ["a", "o"], other: "mine" })).toBeNull();
  });

  it("rowsMissing: a required matrix with unanswered rows", () => {
    expect(completenessError(matrix({ required: true }), { rows: { r1: 3 } })).toBe("rowsMissing");
    expect(completenessError(matrix({ required: true, cannotAssess: true }), { rows: { r1: 3, r2: "NA" } })).toBeNull();
    expect(completenessError(matrix(), { rows: { r1: 3 } })).toBeNull();
  });

  it("rankingIncomplete: a required ranking with fewer than topK ranked", () => {
    expect(completenessError(ranking({ required: true }), { order: ["a"] })).toBe("rankingIncomplete");
    expect(completenessError(ranking({ required: true }), { order: ["a", "b"] })).toBeNull();
    expect(completenessError(ranking(), { order: ["a"] })).toBeNull();
  });

  it("isAnswered tells an empty value from an answer", () => {
    expect(isAnswered(text(), { text: "" })).toBe(false);
    expect(isAnswered(text(), { text: "a" })).toBe(true);
    expect(isAnswered(number(), { value: 0 })).toBe(true);
    expect(isAnswered(number(), undefined)).toBe(false);
  });
});

// ── Questionnaires for visibility, checkResponse and progress.

const q = (sections: Array<{ code: string; showIf?: TCondition[]; items: TItemInput[] }>): TQuestionnaire =>
  ZQuestionnaire.parse({ kind: "questionnaire", title: t("Q"), sections: sections.map((s) => ({ title: t(s.code), ...s })) });
const cond = (item: string, op: TCondition["op"], value: string | number): TCondition => ({ item, op, value });
const entry = (input: Record<string, unknown>) => ({ text: t(String(input.code)), ...input }) as TItemInput;

/**
 * S1: A (single yes/no, required), B (multi), C (scale 1–10, cannot assess), N (number)
 *     AY shown if A = yes; BX shown if B includes x; CHI shown if C ≥ 7; CLO shown if C ≤ 3; C5 shown if C = 5;
 *     NEQ shown if N = 0.
 * S2 (shown if A = yes): S2A (required text), S2B shown if AY = y1.
 * S3: LATE (required) shown if AY = y1 (AY is itself conditional).
 */
const branching = q([
  {
    code: "S1",
    items: [
      entry({ code: "A", type: "single", required: true, options: [opt("yes"), opt("no")] }),
      entry({ code: "B", type: "multi", options: [opt("x"), opt("y")] }),
      entry({ code: "C", type: "scale", min: 1, max: 10, cannotAssess: true }),
      entry({ code: "N", type: "number" }),
      entry({ code: "AY", type: "single", required: true, options: [opt("y1"), opt("y2")], showIf: [cond("A", "equals", "yes")] }),
      entry({ code: "BX", type: "text", showIf: [cond("B", "includes", "x")] }),
      entry({ code: "CHI", type: "text", showIf: [cond("C", "gte", 7)] }),
      entry({ code: "CLO", type: "text", showIf: [cond("C", "lte", 3)] }),
      entry({ code: "C5", type: "text", showIf: [cond("C", "equals", 5)] }),
      entry({ code: "NEQ", type: "text", showIf: [cond("N", "equals", 0)] }),
    ],
  },
  { code: "S2", showIf: [cond("A", "equals", "yes")], items: [entry({ code: "S2A", type: "text", required: true }), entry({ code: "S2B", type: "text", showIf: [cond("AY", "equals", "y1")] })] },
  { code: "S3", items: [entry({ code: "LATE", type: "text", required: true, showIf: [cond("AY", "equals", "y1")] })] },
]);
const ALWAYS = ["A", "B", "C", "N"];
const visible = (answers: TAnswers) => [...visibleItemCodes(branching, answers)].sort();
const sorted = (...codes: string[]) => [...codes].sort();

describe("visibleItemCodes", () => {
  it("without answers only unconditional items are visible", () => {
    expect(visible({})).toEqual(sorted(...ALWAYS));
  });

  it("equals on a single choice, and a section condition", () => {
    expect(visible({ A: { choice: "yes" } })).toEqual(sorted(...ALWAYS, "AY", "S2A"));
    expect(visible({ A: { choice: "no" } })).toEqual(sorted(...ALWAYS));
  });

  it("includes on a multiple choice", () => {
    expect(visible({ B: { choices: ["y", "x"] } })).toEqual(sorted(...ALWAYS, "BX"));
    expect(visible({ B: { choices: ["y"] } })).toEqual(sorted(...ALWAYS));
  });

  it("gte, lte and equals on a scale; 'cannot assess' satisfies none", () => {
    expect(visible({ C: { value: 7 } })).toEqual(sorted(...ALWAYS, "CHI"));
    expect(visible({ C: { value: 10 } })).toEqual(sorted(...ALWAYS, "CHI"));
    expect(visible({ C: { value: 3 } })).toEqual(sorted(...ALWAYS, "CLO"));
    expect(visible({ C: { value: 5 } })).toEqual(sorted(...ALWAYS, "C5"));
    expect(visible({ C: { value: 6 } })).toEqual(sorted(...ALWAYS));
    expect(visible({ C: { cannotAssess: true } })).toEqual(sorted(...ALWAYS));
  });

  it("equals on a number, including zero", () => {
    expect(visible({ N: { value: 0 } })).toEqual(sorted(...ALWAYS, "NEQ"));
    expect(visible({ N: { value: 1 } })).toEqual(sorted(...ALWAYS));
  });

  it("chained conditions follow visible answers", () => {
    expect(visible({ A: { choice: "yes" }, AY: { choice: "y1" } })).toEqual(sorted(...ALWAYS, "AY", "S2A", "S2B", "LATE"));
  });

  it("the answer to a hidden item does not count for later conditions", () => {
    // AY was answered while A was "yes"; then A changed to "no": AY is hidden, and so is everything depending on it.
    expect(visible({ A: { choice: "no" }, AY: { choice: "y1" } })).toEqual(sorted(...ALWAYS));
  });

  it("every condition of an item must hold", () => {
    const two = q([
      {
        code: "S1",
        items: [
          entry({ code: "X", type: "number" }),
          entry({ code: "Y", type: "text", showIf: [cond("X", "gte", 2), cond("X", "lte", 4)] }),
        ],
      },
    ]);
    expect(visibleItemCodes(two, { X: { value: 3 } }).has("Y")).toBe(true);
    expect(visibleItemCodes(two, { X: { value: 5 } }).has("Y")).toBe(false);
    expect(visibleItemCodes(two, { X: { value: 1 } }).has("Y")).toBe(false);
  });
});

describe("checkResponse", () => {
  it("a complete response has no problem", () => {
    const answers: TAnswers = { A: { choice: "yes" }, AY: { choice: "y2" }, S2A: { text: "done" } };
    expect(checkResponse(branching, answers).problems).toEqual([]);
  });

  it("reports required visible items that are missing", () => {
    expect(checkResponse(branching, {}).problems).toEqual([{ item: "A", error: "required" }]);
    expect(checkResponse(branching, { A: { choice: "yes" } }).problems).toEqual([
      { item: "AY", error: "required" },
      { item: "S2A", error: "required" },
    ]);
    expect(checkResponse(branching, { A: { choice: "yes" }, AY: { choice: "y1" }, S2A: { text: "x" } }).problems).toEqual([{ item: "LATE", error: "required" }]);
  });

  it("hidden required items are not required, even if an answer was once given to the item they depend on", () => {
    const result = checkResponse(branching, { A: { choice: "no" }, AY: { choice: "y1" } });
    expect(result.problems).toEqual([]);
    expect(result.visible.has("LATE")).toBe(false);
    expect(result.visible.has("S2A")).toBe(false);
  });

  it("ignores invalid answers to hidden items but reports them for visible ones", () => {
    expect(checkResponse(branching, { A: { choice: "no" }, AY: { choice: "nonsense" } }).problems).toEqual([]);
    expect(checkResponse(branching, { A: { choice: "yes" }, AY: { choice: "nonsense" }, S2A: { text: "x" } }).problems).toEqual([
      { item: "AY", error: "unknownOption" },
    ]);
    expect(checkResponse(branching, { A: { choice: "no" }, C: { value: 11 } }).problems).toEqual([{ item: "C", error: "outOfRange" }]);
  });

  it("reports answers to unknown item codes", () => {
    expect(checkResponse(branching, { A: { choice: "no" }, ZZ: { text: "?" }, Q99: undefined }).problems).toEqual([
      { item: "ZZ", error: "unknownItem" },
      { item: "Q99", error: "unknownItem" },
    ]);
  });

  it("reports incomplete answers with their completeness key", () => {
    const withOther = q([
      { code: "S1", items: [entry({ code: "P", type: "single", options: [opt("a"), opt("o", { other: true })] }), entry({ code: "R", type: "ranking", required: true, topK: 2, options: [opt("a"), opt("b")] })] },
    ]);
    expect(checkResponse(withOther, { P: { choice: "o" }, R: { order: ["b"] } }).problems).toEqual([
      { item: "P", error: "otherMissing" },
      { item: "R", error: "rankingIncomplete" },
    ]);
  });
});

describe("progress", () => {
  it("counts required visible items answered completely, out of required visible items", () => {
    expect(progress(branching, {})).toEqual({ answered: 0, total: 1 });
    expect(progress(branching, { A: { choice: "no" } })).toEqual({ answered: 1, total: 1 });
    expect(progress(branching, { A: { choice: "yes" } })).toEqual({ answered: 1, total: 3 });
    expect(progress(branching, { A: { choice: "yes" }, AY: { choice: "y1" } })).toEqual({ answered: 2, total: 4 });
    expect(progress(branching, { A: { choice: "yes" }, AY: { choice: "y1" }, S2A: { text: "x" }, LATE: { text: "y" } })).toEqual({ answered: 4, total: 4 });
  });

  it("hidden items count neither as answered nor in the total", () => {
    expect(progress(branching, { A: { choice: "no" }, AY: { choice: "y1" }, S2A: { text: "x" }, LATE: { text: "y" } })).toEqual({ answered: 1, total: 1 });
  });

  it("an incomplete answer does not count as answered", () => {
    expect(progress(branching, { A: { choice: "yes" }, AY: { choice: "y1" }, S2A: { text: "  " } })).toEqual({ answered: 2, total: 4 });
  });
});

describe("sectionProgress", () => {
  it("splits the progress by section, with hidden items left out and the sums equal to the whole", () => {
    expect(sectionProgress(branching, {})).toEqual([{ answered: 0, total: 1 }, { answered: 0, total: 0 }, { answered: 0, total: 0 }]);
    const answers: TAnswers = { A: { choice: "yes" }, AY: { choice: "y1" }, S2A: { text: "x" } };
    const parts = sectionProgress(branching, answers);
    expect(parts).toEqual([{ answered: 2, total: 2 }, { answered: 1, total: 1 }, { answered: 0, total: 1 }]);
    const whole = progress(branching, answers);
    expect({ answered: parts.reduce((n, p) => n + p.answered, 0), total: parts.reduce((n, p) => n + p.total, 0) }).toEqual(whole);
  });
});
