import { describe, expect, it } from "vitest";
import { checkDefinition, formatPath, type TProblem } from "@/lib/instrument/check";
import type { TCondition, TGuideInput, TItemInput, TQuestionnaireInput } from "@/lib/instrument/definition";
import { confirmedText, textFingerprint, type TText } from "@/lib/i18n/text";

// ── Small builders: every text is translated and confirmed, so a definition built from them is valid.

const t = (s: string): TText => confirmedText(`${s} (ru)`, `${s} (en)`);
const opt = (code: string, flags: { other?: boolean; exclusive?: boolean; anchored?: boolean } = {}) => ({ code, label: t(code), ...flags });
const opts = (...codes: string[]) => codes.map((c) => opt(c));

const single = (code: string, options = opts(`${code}_1`, `${code}_2`), extra: Record<string, unknown> = {}): TItemInput =>
  ({ code, type: "single", text: t(code), options, ...extra }) as TItemInput;
const multi = (code: string, options = opts(`${code}_1`, `${code}_2`, `${code}_3`), extra: Record<string, unknown> = {}): TItemInput =>
  ({ code, type: "multi", text: t(code), options, ...extra }) as TItemInput;
const scale = (code: string, min = 1, max = 5, extra: Record<string, unknown> = {}): TItemInput => ({ code, type: "scale", text: t(code), min, max, ...extra }) as TItemInput;
const matrix = (code: string, rows = [`${code}_r1`, `${code}_r2`], extra: Record<string, unknown> = {}): TItemInput =>
  ({ code, type: "matrix", text: t(code), min: 1, max: 5, rows: rows.map((r) => ({ code: r, label: t(r) })), ...extra }) as TItemInput;
const ranking = (code: string, options = opts(`${code}_1`, `${code}_2`, `${code}_3`), topK = 2): TItemInput =>
  ({ code, type: "ranking", text: t(code), options, topK }) as TItemInput;
const number = (code: string, extra: Record<string, unknown> = {}): TItemInput => ({ code, type: "number", text: t(code), ...extra }) as TItemInput;
const text = (code: string): TItemInput => ({ code, type: "text", text: t(code) });
const display = (code: string): TItemInput => ({ code, type: "display", text: t(code) });

const showIf = (item: TItemInput, ...conditions: TCondition[]): TItemInput => ({ ...item, showIf: conditions });
const section = (code: string, items: TItemInput[], extra: { showIf?: TCondition[] } = {}) => ({ code, title: t(code), items, ...extra });
const questionnaire = (...sections: ReturnType<typeof section>[]): TQuestionnaireInput => ({ kind: "questionnaire", title: t("Questionnaire"), sections });
/** One section S1 holding the given items. */
const q1 = (...items: TItemInput[]) => questionnaire(section("S1", items));

const guide = (): TGuideInput => ({
  kind: "guide",
  title: t("Guide"),
  intro: t("Intro"),
  blocks: [
    {
      code: "B1",
      title: t("B1"),
      suggestedMinutes: 10,
      questions: [
        { code: "B1_Q1", text: t("B1_Q1"), probes: [{ code: "B1_Q1_P1", text: t("probe") }] },
        { code: "B1_Q2", text: t("B1_Q2"), probes: [] },
      ],
    },
    { code: "B2", title: t("B2"), questions: [{ code: "B2_Q1", text: t("B2_Q1"), probes: [] }] },
  ],
});

const problems = (input: unknown) => checkDefinition(input).problems;
const kindsAt = (input: unknown) => problems(input).map((p) => ({ path: p.path, kind: p.kind }));

/** A questionnaire using every item type and every kind of condition, with no problem. */
const fullQuestionnaire = (): TQuestionnaireInput =>
  questionnaire(
    section("S1", [
      display("D1"),
      single("Q1", [opt("Q1_Y"), opt("Q1_N"), opt("Q1_O", { other: true, anchored: true })], { required: true, shuffle: true }),
      multi("Q2", [opt("Q2_A"), opt("Q2_B"), opt("Q2_C"), opt("Q2_X", { exclusive: true, anchored: true })], { minSelect: 1, maxSelect: 2 }),
      scale("Q3", 1, 10, { cannotAssess: true, minLabel: t("low"), maxLabel: t("high") }),
    ]),
    section(
      "S2",
      [
        showIf(matrix("Q4"), { item: "Q3", op: "gte", value: 5 }),
        showIf(ranking("Q5"), { item: "Q2", op: "includes", value: "Q2_A" }),
        showIf(number("Q6", { min: 0, max: 100, unit: t("years") }), { item: "Q3", op: "lte", value: 3 }, { item: "Q3", op: "equals", value: 2 }),
        showIf(text("Q7"), { item: "Q6", op: "gte", value: 1 }),
      ],
      { showIf: [{ item: "Q1", op: "equals", value: "Q1_Y" }] },
    ),
  );

describe("checkDefinition: valid definitions", () => {
  it("a questionnaire with every item type and condition has no problem", () => {
    const result = checkDefinition(fullQuestionnaire());
    expect(result.problems).toEqual([]);
    expect(result.definition?.kind).toBe("questionnaire");
  });

  it("an interview guide has no problem", () => {
    const result = checkDefinition(guide());
    expect(result.problems).toEqual([]);
    expect(result.definition?.kind).toBe("guide");
  });

  it("applies defaults to the returned definition", () => {
    const d = checkDefinition(q1(text("T1"), number("N1")));
    expect(d.definition).not.toBeNull();
    if (d.definition?.kind !== "questionnaire") throw new Error("expected a questionnaire");
    expect(d.definition.sections[0]!.items[0]).toMatchObject({ required: false, multiline: false, maxLength: 500 });
    expect(d.definition.sections[0]!.items[1]).toMatchObject({ required: false, integer: true });
  });
});

describe("checkDefinition: duplicate codes", () => {
  it("item vs item, in different sections", () => {
    expect(kindsAt(questionnaire(section("S1", [text("A")]), section("S2", [text("B"), text("A")])))).toEqual([
      { path: "sections[1].items[1].code", kind: "duplicate" },
    ]);
    const [p] = problems(questionnaire(section("S1", [text("A")]), section("S2", [text("B"), text("A")])));
    expect(p!.message).toContain("sections[0].items[0].code");
  });

  it("an option code that is also an item code", () => {
    expect(kindsAt(q1(text("Q1_2"), single("Q1")))).toEqual([{ path: "sections[0].items[1].options[1].code", kind: "duplicate" }]);
  });

  it("two options of one item", () => {
    expect(kindsAt(q1(single("Q1", opts("A", "B", "A"))))).toEqual([{ path: "sections[0].items[0].options[2].code", kind: "duplicate" }]);
  });

  it("a matrix row code that repeats another row or an item", () => {
    expect(kindsAt(q1(matrix("M", ["R1", "R1"])))).toEqual([{ path: "sections[0].items[0].rows[1].code", kind: "duplicate" }]);
    expect(kindsAt(q1(text("R2"), matrix("M", ["R1", "R2"])))).toEqual([{ path: "sections[0].items[1].rows[1].code", kind: "duplicate" }]);
  });

  it("a section code that repeats an item code", () => {
    expect(kindsAt(questionnaire(section("S1", [text("S2")]), section("S2", [text("T")])))).toEqual([{ path: "sections[1].code", kind: "duplicate" }]);
  });

  it("duplicate codes in a guide (block, question, probe)", () => {
    const g = guide();
    g.blocks[1]!.code = "B1";
    g.blocks[1]!.questions[0]!.code = "B1_Q1_P1";
    expect(kindsAt(g)).toEqual([
      { path: "blocks[1].code", kind: "duplicate" },
      { path: "blocks[1].questions[0].code", kind: "duplicate" },
    ]);
  });
});

describe("checkDefinition: conditions", () => {
  it("a condition pointing to an item that does not exist", () => {
    expect(kindsAt(q1(single("A"), showIf(text("B"), { item: "Nope", op: "equals", value: "x" })))).toEqual([
      { path: "sections[0].items[1].showIf[0]", kind: "condition" },
    ]);
  });

  it("a condition pointing to a later item", () => {
    expect(kindsAt(q1(showIf(text("A"), { item: "B", op: "equals", value: "B_1" }), single("B")))).toEqual([
      { path: "sections[0].items[0].showIf[0]", kind: "condition" },
    ]);
  });

  it("a condition pointing to the item itself is a cycle (reported once)", () => {
    expect(kindsAt(q1(showIf(single("A"), { item: "A", op: "equals", value: "A_1" })))).toEqual([{ path: "sections[0].items[0].showIf[0]", kind: "cycle" }]);
  });

  it("a cycle between two items", () => {
    const result = kindsAt(
      q1(showIf(single("A"), { item: "B", op: "equals", value: "B_1" }), showIf(single("B"), { item: "A", op: "equals", value: "A_1" })),
    );
    expect(result).toEqual([
      { path: "sections[0].items[0].showIf[0]", kind: "condition" },
      { path: "sections[0].items[0].showIf", kind: "cycle" },
    ]);
  });

  it("a cycle among three items is reported once", () => {
    const result = problems(
      questionnaire(
        section("S1", [showIf(single("A"), { item: "C", op: "equals", value: "C_1" })]),
        section("S2", [showIf(single("B"), { item: "A", op: "equals", value: "A_1" }), showIf(single("C"), { item: "B", op: "equals", value: "B_1" })]),
      ),
    ).filter((p) => p.kind === "cycle");
    expect(result).toHaveLength(1);
    expect(result[0]!.path).toBe("sections[0].items[0].showIf");
    expect(result[0]!.message).toContain("A → C → B → A");
  });

  it("a section condition on an item of the same or a later section", () => {
    expect(kindsAt(questionnaire(section("S1", [single("A")], { showIf: [{ item: "A", op: "equals", value: "A_1" }] })))).toEqual([
      { path: "sections[0].showIf[0]", kind: "condition" },
    ]);
    expect(
      kindsAt(questionnaire(section("S1", [text("T")], { showIf: [{ item: "B", op: "equals", value: "B_1" }] }), section("S2", [single("B")]))),
    ).toEqual([{ path: "sections[0].showIf[0]", kind: "condition" }]);
  });

  it("an operator that does not fit the item, an unknown option, a non-numeric value", () => {
    expect(
      kindsAt(
        q1(
          single("A"),
          multi("B"),
          scale("C"),
          text("D"),
          showIf(text("E1"), { item: "A", op: "includes", value: "A_1" }),
          showIf(text("E2"), { item: "A", op: "equals", value: "A_9" }),
          showIf(text("E3"), { item: "B", op: "includes", value: "B_9" }),
          showIf(text("E4"), { item: "C", op: "gte", value: "3" }),
          showIf(text("E5"), { item: "D", op: "equals", value: "x" }),
          showIf(text("E6"), { item: "B", op: "equals", value: "B_1" }),
        ),
      ),
    ).toEqual([
      { path: "sections[0].items[4].showIf[0]", kind: "condition" },
      { path: "sections[0].items[5].showIf[0]", kind: "condition" },
      { path: "sections[0].items[6].showIf[0]", kind: "condition" },
      { path: "sections[0].items[7].showIf[0]", kind: "condition" },
      { path: "sections[0].items[8].showIf[0]", kind: "condition" },
      { path: "sections[0].items[9].showIf[0]", kind: "condition" },
    ]);
  });
});

describe("checkDefinition: bounds", () => {
  it("scale min greater than (or equal to) max", () => {
    expect(kindsAt(q1(scale("A", 5, 1)))).toEqual([{ path: "sections[0].items[0].min", kind: "bounds" }]);
    expect(kindsAt(q1(scale("A", 3, 3)))).toEqual([{ path: "sections[0].items[0].min", kind: "bounds" }]);
  });

  it("matrix min greater than max", () => {
    expect(kindsAt(q1(matrix("M", ["R1"], { min: 7, max: 2 })))).toEqual([{ path: "sections[0].items[0].min", kind: "bounds" }]);
  });

  it("number min greater than max (equal is fine)", () => {
    expect(kindsAt(q1(number("N", { min: 10, max: 1 })))).toEqual([{ path: "sections[0].items[0].min", kind: "bounds" }]);
    expect(kindsAt(q1(number("N", { min: 4, max: 4 })))).toEqual([]);
  });

  it("multi minSelect greater than maxSelect, or than the number of options", () => {
    expect(kindsAt(q1(multi("M", undefined, { minSelect: 3, maxSelect: 2 })))).toEqual([{ path: "sections[0].items[0].minSelect", kind: "bounds" }]);
    expect(kindsAt(q1(multi("M", undefined, { minSelect: 4 })))).toEqual([{ path: "sections[0].items[0].minSelect", kind: "bounds" }]);
  });

  it("ranking topK greater than the number of options", () => {
    expect(kindsAt(q1(ranking("R", opts("R_1", "R_2"), 3)))).toEqual([{ path: "sections[0].items[0].topK", kind: "bounds" }]);
  });

  it("a required display text; two 'other' options", () => {
    expect(kindsAt(q1({ ...display("D"), required: true }))).toEqual([{ path: "sections[0].items[0].required", kind: "bounds" }]);
    expect(kindsAt(q1(single("A", [opt("A_1"), opt("A_2", { other: true }), opt("A_3", { other: true })])))).toEqual([
      { path: "sections[0].items[0].options", kind: "bounds" },
    ]);
  });
});

describe("checkDefinition: empty lists", () => {
  it("an empty choice list, at its exact path", () => {
    const def = questionnaire(section("S1", [text("T")]), section("S2", [text("U")]), section("S3", [text("A"), text("B"), text("C"), text("D"), single("E", [])]));
    expect(kindsAt(def)).toEqual([{ path: "sections[2].items[4].options", kind: "empty" }]);
    expect(kindsAt(q1(multi("M", [])))).toEqual([{ path: "sections[0].items[0].options", kind: "empty" }]);
    expect(kindsAt(q1(ranking("R", [], 1)))).toEqual([{ path: "sections[0].items[0].options", kind: "empty" }]);
  });

  it("a single choice with one option, a matrix without rows, no sections", () => {
    expect(kindsAt(q1(single("A", opts("A_1"))))).toEqual([{ path: "sections[0].items[0].options", kind: "empty" }]);
    expect(kindsAt(q1(matrix("M", [])))).toEqual([{ path: "sections[0].items[0].rows", kind: "empty" }]);
    expect(kindsAt(questionnaire())).toEqual([{ path: "sections", kind: "empty" }]);
  });

  it("a guide without blocks, or a block without questions", () => {
    expect(kindsAt({ ...guide(), blocks: [] })).toEqual([{ path: "blocks", kind: "empty" }]);
    const g = guide();
    g.blocks[1]!.questions = [];
    expect(kindsAt(g)).toEqual([{ path: "blocks[1].questions", kind: "empty" }]);
  });
});

describe("checkDefinition: translations", () => {
  it("a missing English text", () => {
    const def = q1(single("A", [opt("A_1"), { code: "A_2", label: { ru: "Да", en: "", source: "ru" } }]));
    const found = problems(def);
    expect(found.map((p) => ({ path: p.path, kind: p.kind }))).toEqual([{ path: "sections[0].items[0].options[1].label", kind: "translation-missing" }]);
    expect(found[0]!.message).toContain("English");
  });

  it("a missing Russian text", () => {
    const def = q1({ ...text("A"), text: { ru: "  ", en: "Question", source: "en", confirmed: textFingerprint("Question") } });
    const found = problems(def);
    expect(found.map((p) => ({ path: p.path, kind: p.kind }))).toEqual([{ path: "sections[0].items[0].text", kind: "translation-missing" }]);
    expect(found[0]!.message).toContain("Russian");
  });

  it("both languages missing gives one problem per language", () => {
    expect(kindsAt({ ...q1(text("A")), title: { ru: "", en: "", source: "ru" } })).toEqual([
      { path: "title", kind: "translation-missing" },
      { path: "title", kind: "translation-missing" },
    ]);
  });

  it("a text never confirmed is stale", () => {
    expect(kindsAt({ ...q1(text("A")), intro: { ru: "Привет", en: "Hello" } })).toEqual([{ path: "intro", kind: "translation-stale" }]);
  });

  it("changing the source text after confirmation makes the translation stale; confirming again makes it ok", () => {
    const def = q1(scale("A", 1, 5, { minLabel: confirmedText("Низко", "Low") }));
    expect(problems(def)).toEqual([]);

    const edited = structuredClone(def);
    (edited.sections[0]!.items[0] as { minLabel: TText }).minLabel.ru = "Очень низко";
    const found = problems(edited);
    expect(found.map((p) => ({ path: p.path, kind: p.kind }))).toEqual([{ path: "sections[0].items[0].minLabel", kind: "translation-stale" }]);
    expect(found[0]!.message).toContain("English translation is out of date");

    (edited.sections[0]!.items[0] as { minLabel: TText }).minLabel = confirmedText("Очень низко", "Very low");
    expect(problems(edited)).toEqual([]);
  });

  it("with English as the source, a change of the English text is stale; a change of the Russian one is not", () => {
    const base = q1({ ...text("A"), text: confirmedText("Вопрос", "Question", "en") });
    expect(problems(base)).toEqual([]);
    const ruChanged = structuredClone(base);
    ruChanged.sections[0]!.items[0]!.text.ru = "Другой вопрос";
    expect(problems(ruChanged)).toEqual([]);
    const enChanged = structuredClone(base);
    enChanged.sections[0]!.items[0]!.text.en = "Another question";
    const found = problems(enChanged);
    expect(found.map((p) => ({ path: p.path, kind: p.kind }))).toEqual([{ path: "sections[0].items[0].text", kind: "translation-stale" }]);
    expect(found[0]!.message).toContain("Russian translation is out of date");
  });

  it("guide texts are checked too", () => {
    const g = guide();
    g.blocks[0]!.questions[0]!.probes[0]!.text = { ru: "Зонд", en: "", source: "ru" };
    expect(kindsAt(g)).toEqual([{ path: "blocks[0].questions[0].probes[0].text", kind: "translation-missing" }]);
  });
});

describe("checkDefinition: structure", () => {
  it("a bad code gives a structure problem at the code's path, and no definition", () => {
    const result = checkDefinition(q1(text("A"), text("1abc")));
    expect(result.definition).toBeNull();
    expect(result.problems.map((p) => ({ path: p.path, kind: p.kind }))).toEqual([{ path: "sections[0].items[1].code", kind: "structure" }]);
    expect(result.problems[0]!.message).toMatch(/must start with a letter/);
  });

  it("an unknown item type", () => {
    expect(kindsAt(q1(text("A"), { code: "B", type: "slider", text: t("B") } as unknown as TItemInput))).toEqual([
      { path: "sections[0].items[1].type", kind: "structure" },
    ]);
  });

  it("an unknown kind, a non-object, a scale bound out of range, a missing text", () => {
    expect(kindsAt({ kind: "survey" })).toEqual([{ path: "kind", kind: "structure" }]);
    expect(kindsAt(null)).toEqual([{ path: "(definition)", kind: "structure" }]);
    expect(kindsAt(q1(scale("A", 1, 500)))).toEqual([{ path: "sections[0].items[0].max", kind: "structure" }]);
    expect(kindsAt(q1({ code: "A", type: "text" } as unknown as TItemInput))).toEqual([{ path: "sections[0].items[0].text", kind: "structure" }]);
  });

  it("every structure problem is listed", () => {
    const def = questionnaire(section("S1", [text("_a"), { code: "B", type: "bogus" } as unknown as TItemInput]), section("9S", [scale("C", 0.5, 5)]));
    expect(kindsAt(def)).toEqual(
      expect.arrayContaining([
        { path: "sections[0].items[0].code", kind: "structure" },
        { path: "sections[0].items[1].type", kind: "structure" },
        { path: "sections[1].code", kind: "structure" },
        { path: "sections[1].items[0].min", kind: "structure" },
      ]),
    );
    expect(problems(def)).toHaveLength(4);
  });

  it("formatPath joins keys and indexes", () => {
    expect(formatPath(["sections", 2, "items", 4, "options"])).toBe("sections[2].items[4].options");
    expect(formatPath([])).toBe("");
  });
});

describe("checkDefinition: several problems at once", () => {
  it("lists every problem, of every kind", () => {
    const def = questionnaire(
      section("S1", [
        single("A", []),
        scale("B", 5, 1),
        showIf(text("C"), { item: "Z", op: "equals", value: 1 }),
        text("A"),
        { ...text("E"), text: { ru: "Вопрос", en: "", source: "ru" } },
        { ...text("F"), help: { ...confirmedText("Подсказка", "Hint"), ru: "Новая подсказка" } },
        showIf(single("G"), { item: "G", op: "equals", value: "G_1" }),
        multi("H", undefined, { minSelect: 3, maxSelect: 1 }),
        ranking("R", opts("R_1"), 2),
        number("N", { min: 3, max: 2 }),
      ]),
    );
    const found: Array<Pick<TProblem, "path" | "kind">> = kindsAt(def);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: "sections[0].items[3].code", kind: "duplicate" },
        { path: "sections[0].items[0].options", kind: "empty" },
        { path: "sections[0].items[1].min", kind: "bounds" },
        { path: "sections[0].items[7].minSelect", kind: "bounds" },
        { path: "sections[0].items[8].topK", kind: "bounds" },
        { path: "sections[0].items[9].min", kind: "bounds" },
        { path: "sections[0].items[2].showIf[0]", kind: "condition" },
        { path: "sections[0].items[6].showIf[0]", kind: "cycle" },
        { path: "sections[0].items[4].text", kind: "translation-missing" },
        { path: "sections[0].items[5].help", kind: "translation-stale" },
      ]),
    );
    expect(found).toHaveLength(10);
  });
});
