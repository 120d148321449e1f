import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { seedCodebook } from "@/lib/codebook/seed";
import { createCode, deleteCode, listCodes, updateCode } from "@/lib/codebook/service";
import { flattenTree } from "@/lib/codebook/tree";
import { db } from "@/lib/db";
import { confirmedText } from "@/lib/i18n/text";
import { recordInterviewConsent, saveNote, setNoteCodes } from "@/lib/interviews/service";
import { CSV_COLUMNS } from "@/lib/quotes/export";
import { createQuote, deleteQuote, exportQuotes, listQuotes, setQuoteCodes } from "@/lib/quotes/service";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, joinStudy, makeGuide, makeInterview, makeNamedExpert, makeStaff, makeStudy } from "@/lib/testing/factories";
import { eaeuCodebook, type TCodebookEntry } from "@/prisma/seed/eaeu/codebook";
import { rejection } from "@/lib/testing/errors";
import { parse } from "csv-parse/sync";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});


const staff = async (role: "COORDINATOR" | "INTERVIEWER") => actorFor(prisma, (await makeStaff(prisma, role)).id);

/** The export read back as rows, as a spreadsheet would read it. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

const e = (code: string, en: string, children?: TCodebookEntry[]): TCodebookEntry => ({
  code,
  name: confirmedText(`${en} (ru)`, en),
  description: confirmedText("", ""),
  children,
});

/** Notes on Q1 (block B1) and Q3 (block B2) of an interview, with oral consent. */
async function withNotes(interviewer: TActor, interviewId: string, texts: { Q1: string; Q3: string }) {
  await recordInterviewConsent(interviewer, interviewId);
  await saveNote(interviewer, interviewId, { mutationId: randomUUID(), questionCode: "Q1", baseRevision: 0, text: texts.Q1, probesAsked: [], skipped: false });
  await saveNote(interviewer, interviewId, { mutationId: randomUUID(), questionCode: "Q3", baseRevision: 0, text: texts.Q3, probesAsked: [], skipped: false });
}

/** The quote of `text` in a note: its offsets found in the note's text. */
const quoteOf = (noteText: string, text: string, questionCode: "Q1" | "Q3", codeIds?: string[]) => {
  const start = noteText.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the note`);
  return { questionCode, start, end: start + text.length, text, codeIds };
};

/**
 * A study with a codebook (BARRIERS › {BUREAUCRACY, LAW}, FORMS), two interviewers and three experts:
 * interviewer A interviews an Armenian scientist and a Kazakh official, interviewer B a Russian businessman.
 */
async function world() {
  const study = await makeStudy(prisma);
  await prisma.$transaction((tx) =>
    seedCodebook(tx, study.id, [e("BARRIERS", "Barriers", [e("BUREAUCRACY", "Bureaucracy"), e("LAW", "Law")]), e("FORMS", "Forms")]),
  );
  const codes = Object.fromEntries((await prisma.themeCode.findMany({ where: { studyId: study.id } })).map((c) => [c.code, c.id])) as Record<
    "BARRIERS" | "BUREAUCRACY" | "LAW" | "FORMS",
    string
  >;
  const guide = await makeGuide(prisma, study.id);
  const coordinator = await staff("COORDINATOR");
  const a = await staff("INTERVIEWER");
  const b = await staff("INTERVIEWER");
  await joinStudy(prisma, study.id, { id: coordinator.userId, role: "COORDINATOR" });
  for (const i of [a, b]) await joinStudy(prisma, study.id, { id: i.userId, role: "INTERVIEWER" });
  const am = await makeNamedExpert(prisma, study.id, { country: "AM", expertGroup: "SCIENTIST" });
  const kz = await makeNamedExpert(prisma, study.id, { country: "KZ", expertGroup: "OFFICIAL" });
  const ru = await makeNamedExpert(prisma, study.id, { country: "RU", expertGroup: "BUSINESS" });
  const ivAm = await makeInterview(prisma, { expertId: am.expertId, interviewerId: a.userId, versionId: guide.versionId, plannedAt: new Date("2031-01-01T10:00:00Z") });
  const ivKz = await makeInterview(prisma, { expertId: kz.expertId, interviewerId: a.userId, versionId: guide.versionId, plannedAt: new Date("2031-01-02T10:00:00Z") });
  const ivRu = await makeInterview(prisma, { expertId: ru.expertId, interviewerId: b.userId, versionId: guide.versionId, plannedAt: new Date("2031-01-03T10:00:00Z") });
  const notes = {
    am: { Q1: "Paperwork at the border takes weeks.\nNobody answers letters.", Q3: "=cmd|' /C calc'!A0 is what they typed." },
    kz: { Q1: "Regions talk through Moscow and Astana.", Q3: "The law is unclear on regional agreements." },
    ru: { Q1: "Customs paperwork is the main barrier.", Q3: "Business leads, officials follow." },
  };
  await withNotes(a, ivAm.id, notes.am);
  await withNotes(a, ivKz.id, notes.kz);
  await withNotes(b, ivRu.id, notes.ru);
  const q = {
    amBureaucracy: await createQuote(a, ivAm.id, quoteOf(notes.am.Q1, "Paperwork at the border takes weeks.\nNobody answers letters.", "Q1", [codes.BUREAUCRACY])),
    amFormula: await createQuote(a, ivAm.id, quoteOf(notes.am.Q3, "=cmd|' /C calc'!A0", "Q3", [codes.FORMS])),
    kzBarriers: await createQuote(a, ivKz.id, quoteOf(notes.kz.Q3, "The law is unclear", "Q3", [codes.BARRIERS, codes.LAW])),
    kzUncoded: await createQuote(a, ivKz.id, quoteOf(notes.kz.Q1, "Regions talk through Moscow", "Q1")),
    ruBureaucracy: await createQuote(coordinator, ivRu.id, quoteOf(notes.ru.Q1, "Customs paperwork is the main barrier.", "Q1", [codes.BUREAUCRACY])),
  };
  const ids = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.id])) as Record<keyof typeof q, string>;
  return { study, codes, guide, coordinator, a, b, am, kz, ru, ivAm, ivKz, ivRu, notes, ids };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

/** Ids of the listed quotes that belong to this suite's world (the database is shared with other suites). */
const mine = (quotes: Array<{ id: string }>) => {
  const ours = new Set(Object.values(w.ids));
  return quotes.map((x) => x.id).filter((id) => ours.has(id));
};

describe("quotes: marking", () => {
  it("a quote must lie inside the note and match it; its codes must be the study's (400, nothing written)", async () => {
    const { a, ivAm, notes, codes } = w;
    const text = notes.am.Q1;
    const otherStudy = await makeStudy(prisma, { id: w.coordinator.userId, role: "COORDINATOR" });
    const foreign = await createCode(w.coordinator, otherStudy.id, { code: "BARRIERS", nameRu: "Б", nameEn: "B" });
    const before = await prisma.quote.count({ where: { interviewId: ivAm.id } });
    const cases: Array<[string, Parameters<typeof createQuote>[2]]> = [
      ["end past the note", { questionCode: "Q1", start: 10, end: text.length + 1, text: text.slice(10) + "!" }],
      ["empty range", { questionCode: "Q1", start: 5, end: 5, text: "x" }],
      ["reversed range", { questionCode: "Q1", start: 9, end: 4, text: "x" }],
      ["negative start", { questionCode: "Q1", start: -1, end: 4, text: "Pape" }],
      ["text not at the offsets", { questionCode: "Q1", start: 0, end: 9, text: "Nobody an" }],
      ["text differs by case", { questionCode: "Q1", start: 0, end: 9, text: "paperwork" }],
      ["question without notes", { questionCode: "Q2", start: 0, end: 3, text: "abc" }],
      ["unknown question", { questionCode: "Q9", start: 0, end: 9, text: "Paperwork" }],
      ["another study's code", { questionCode: "Q1", start: 0, end: 9, text: "Paperwork", codeIds: [foreign.id] }],
      ["unknown code", { questionCode: "Q1", start: 0, end: 9, text: "Paperwork", codeIds: [codes.LAW, randomUUID()] }],
      ["too long", { questionCode: "Q1", start: 0, end: 2001, text: "x".repeat(2001) }],
    ];
    for (const [name, input] of cases) {
      const error = await rejection(createQuote(a, ivAm.id, input));
      expect({ name, status: error.status }).toEqual({ name, status: 400 });
    }
    expect(await prisma.quote.count({ where: { interviewId: ivAm.id } })).toBe(before);
    // The whole note, exactly, is a valid quote.
    const whole = await createQuote(a, ivAm.id, { questionCode: "Q1", start: 0, end: text.length, text });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: whole.id } })).toMatchObject({ start: 0, end: text.length, text, createdById: a.userId });
    await deleteQuote(a, whole.id);
  });

  it("codes are replaced and quotes deleted by the interview's interviewer or a coordinator; others get 404", async () => {
    const { a, b, coordinator, ivKz, notes, codes } = w;
    const extra = await createQuote(a, ivKz.id, quoteOf(notes.kz.Q1, "Astana", "Q1", [codes.FORMS]));
    expect((await rejection(setQuoteCodes(b, extra.id, { codeIds: [codes.LAW] }))).status).toBe(404);
    expect((await rejection(deleteQuote(b, extra.id))).status).toBe(404);
    expect(await setQuoteCodes(a, extra.id, { codeIds: [codes.LAW, codes.BARRIERS, codes.LAW] })).toEqual({ codeIds: [codes.LAW, codes.BARRIERS] });
    expect(await setQuoteCodes(coordinator, extra.id, { codeIds: [codes.FORMS] })).toEqual({ codeIds: [codes.FORMS] });
    expect((await rejection(setQuoteCodes(a, extra.id, { codeIds: [randomUUID()] }))).status).toBe(400);
    expect((await prisma.quoteCode.findMany({ where: { quoteId: extra.id } })).map((c) => c.codeId)).toEqual([codes.FORMS]);
    expect(await deleteQuote(coordinator, extra.id)).toEqual({ ok: true });
    expect(await prisma.quote.count({ where: { id: extra.id } })).toBe(0);
    expect((await rejection(deleteQuote(a, extra.id))).status).toBe(404);
    expect(await prisma.quoteCode.count({ where: { quoteId: extra.id } })).toBe(0);
  });
});

describe("quotes: browsing", () => {
  it("names experts by pseudonym and formal country name, in English and Russian", async () => {
    const { a, am, ids, codes } = w;
    const en = (await listQuotes(a, { lang: "en" })).quotes.find((x) => x.id === ids.amBureaucracy)!;
    expect(en).toEqual({
      id: ids.amBureaucracy,
      text: "Paperwork at the border takes weeks.\nNobody answers letters.",
      attribution: `Expert ${am.pseudonym} (Republic of Armenia)`,
      pseudonym: am.pseudonym,
      country: "AM",
      expertGroup: "SCIENTIST",
      interviewId: w.ivAm.id,
      questionCode: "Q1",
      blockCode: "B1",
      codes: [{ id: codes.BUREAUCRACY, code: "BUREAUCRACY", nameRu: "Bureaucracy (ru)", nameEn: "Bureaucracy" }],
    });
    const ru = (await listQuotes(a, { lang: "ru" })).quotes.find((x) => x.id === ids.amBureaucracy)!;
    expect(ru.attribution).toBe(`Эксперт ${am.pseudonym} (Республика Армения)`);
  });

  it("an interviewer sees only the quotes of their own interviews, never a real name; a coordinator sees all", async () => {
    const { a, b, coordinator, ids, am, kz, ru } = w;
    const ofA = await listQuotes(a);
    expect(ofA.quotes.map((x) => x.id)).toEqual([ids.amBureaucracy, ids.amFormula, ids.kzUncoded, ids.kzBarriers]);
    expect((await listQuotes(b)).quotes.map((x) => x.id)).toEqual([ids.ruBureaucracy]);
    expect(mine((await listQuotes(coordinator)).quotes)).toEqual([ids.amBureaucracy, ids.amFormula, ids.kzUncoded, ids.kzBarriers, ids.ruBureaucracy]);
    const json = JSON.stringify(ofA) + JSON.stringify(await listQuotes(b)) + (await exportQuotes(a, { format: "csv" })).body + (await exportQuotes(a, { format: "md" })).body;
    for (const expert of [am, kz, ru]) {
      expect(json).not.toContain(expert.name);
      expect(json).not.toContain(expert.email);
    }
  });

  it("filters by code (with the codes below it), block, country and group", async () => {
    const { coordinator, a, ids, codes } = w;
    const list = async (actor: TActor, filters: Parameters<typeof listQuotes>[1]) => mine((await listQuotes(actor, filters)).quotes);
    expect(await list(coordinator, { code: codes.BUREAUCRACY })).toEqual([ids.amBureaucracy, ids.ruBureaucracy]);
    expect(await list(coordinator, { code: codes.BARRIERS })).toEqual([ids.amBureaucracy, ids.kzBarriers, ids.ruBureaucracy]);
    expect(await list(coordinator, { code: codes.LAW })).toEqual([ids.kzBarriers]);
    expect(await list(coordinator, { code: codes.FORMS })).toEqual([ids.amFormula]);
    expect(await list(coordinator, { code: randomUUID() })).toEqual([]);
    expect(await list(coordinator, { block: "B2" })).toEqual([ids.amFormula, ids.kzBarriers]);
    expect(await list(coordinator, { block: "B1", country: "RU" })).toEqual([ids.ruBureaucracy]);
    expect(await list(coordinator, { country: "kz" })).toEqual([ids.kzUncoded, ids.kzBarriers]);
    expect(await list(coordinator, { group: "OFFICIAL" })).toEqual([ids.kzUncoded, ids.kzBarriers]);
    expect(await list(coordinator, { group: "SCIENTIST", code: codes.BARRIERS })).toEqual([ids.amBureaucracy]);
    expect(await list(a, { code: codes.BUREAUCRACY })).toEqual([ids.amBureaucracy]);
    expect(await list(a, { country: "RU" })).toEqual([]);
    for (const bad of [{ code: "nope" }, { group: "PRESIDENTS" }, { country: "ARM" }]) {
      expect((await rejection(listQuotes(coordinator, bad as Parameters<typeof listQuotes>[1]))).status).toBe(400);
    }
  });
});

describe("quotes: export", () => {
  it("CSV: one row per quote and code in codebook order, uncoded last, formula cells guarded, parses back", async () => {
    const { a, am, kz, ivAm, ivKz } = w;
    const file = await exportQuotes(a, { format: "csv", lang: "en" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(/^quotes-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(file.body.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["BARRIERS", "Barriers", "The law is unclear"],
      ["BUREAUCRACY", "Barriers › Bureaucracy", "Paperwork at the border takes weeks.\nNobody answers letters."],
      ["LAW", "Barriers › Law", "The law is unclear"],
      ["FORMS", "Forms", "'=cmd|' /C calc'!A0"],
      ["", "Uncoded", "Regions talk through Moscow"],
    ]);
    expect(rows[1]).toEqual([
      "BUREAUCRACY",
      "Barriers › Bureaucracy",
      "Paperwork at the border takes weeks.\nNobody answers letters.",
      `Expert ${am.pseudonym} (Republic of Armenia)`,
      "AM",
      "SCIENTIST",
      "B1",
      "Q1",
      ivAm.id,
    ]);
    expect(rows[4]).toEqual(["", "Uncoded", "Regions talk through Moscow", `Expert ${kz.pseudonym} (Republic of Kazakhstan)`, "KZ", "OFFICIAL", "B1", "Q1", ivKz.id]);
  });

  it("Markdown groups quotes by code with their attribution, in Russian when asked", async () => {
    const { a, am } = w;
    const file = await exportQuotes(a, { format: "md", lang: "ru" });
    expect(file.contentType).toBe("text/markdown; charset=utf-8");
    const md = file.body;
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual(["## Barriers (ru)", "## Barriers (ru) › Bureaucracy (ru)", "## Barriers (ru) › Law (ru)", "## Forms (ru)", "## Без кода"]);
    expect(md).toContain(
      `## Barriers (ru) › Bureaucracy (ru)\n\n> Paperwork at the border takes weeks.\n> Nobody answers letters.\n>\n> — Эксперт ${am.pseudonym} (Республика Армения)\n`,
    );
  });

  it("exports only what the actor may see, with the browser's filters", async () => {
    const { b, coordinator, codes } = w;
    const ofB = parseCsv((await exportQuotes(b, { format: "csv" })).body.slice(1));
    expect(ofB.slice(1).map((r) => r[2])).toEqual(["Customs paperwork is the main barrier."]);
    const law = parseCsv((await exportQuotes(coordinator, { format: "csv", lang: "en", code: codes.LAW })).body.slice(1));
    // The quote tagged LAW (and BARRIERS) is listed under each of its codes.
    expect(law.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["BARRIERS", "The law is unclear"],
      ["LAW", "The law is unclear"],
    ]);
  });
});

describe("codebook", () => {
  it("creates codes in tree order, keeps codes unique per study (409) and refuses a parent from another study (400)", async () => {
    const coordinator = await staff("COORDINATOR");
    const study = await makeStudy(prisma, { id: coordinator.userId, role: "COORDINATOR" });
    const other = await makeStudy(prisma, { id: coordinator.userId, role: "COORDINATOR" });
    const barriers = await createCode(coordinator, study.id, { code: "BARRIERS", nameRu: "Барьеры", nameEn: "Barriers", descriptionEn: "What hinders" });
    await createCode(coordinator, study.id, { code: "FORMS", nameRu: "Формы", nameEn: "Forms" });
    await createCode(coordinator, study.id, { code: "LAW", parentId: barriers.id, nameRu: "Право", nameEn: "Law" });
    await createCode(coordinator, study.id, { code: "BUREAUCRACY", parentId: barriers.id, nameRu: "Бюрократия", nameEn: "Bureaucracy" });
    const { codes } = await listCodes(coordinator, study.id);
    expect(flattenTree(codes).map((f) => [f.node.code, f.depth])).toEqual([
      ["BARRIERS", 0],
      ["LAW", 1],
      ["BUREAUCRACY", 1],
      ["FORMS", 0],
    ]);
    expect(codes[0]).toMatchObject({ id: barriers.id, nameRu: "Барьеры", nameEn: "Barriers", descriptionEn: "What hinders", descriptionRu: "" });

    const duplicate = await rejection(createCode(coordinator, study.id, { code: "LAW", nameRu: "Ещё", nameEn: "Again" }));
    expect(duplicate.status).toBe(409);
    expect(await createCode(coordinator, other.id, { code: "LAW", nameRu: "Право", nameEn: "Law" })).toMatchObject({ id: expect.any(String) });
    const foreignParent = await rejection(createCode(coordinator, other.id, { code: "X", parentId: barriers.id, nameRu: "Х", nameEn: "X" }));
    expect(foreignParent.status).toBe(400);
    for (const bad of [{ code: "", nameRu: "a", nameEn: "a" }, { code: "has space", nameRu: "a", nameEn: "a" }, { code: "OK", nameRu: "", nameEn: "a" }]) {
      expect((await rejection(createCode(coordinator, study.id, bad))).status).toBe(400);
    }
    expect((await rejection(createCode(coordinator, randomUUID(), { code: "Y", nameRu: "a", nameEn: "a" }))).status).toBe(404);
    expect(await prisma.themeCode.count({ where: { studyId: study.id } })).toBe(4);
    expect(await prisma.themeCode.count({ where: { studyId: other.id } })).toBe(1);
  });

  it("updates names, code, parent and place; refuses cycles (400) and a taken code (409)", async () => {
    const coordinator = await staff("COORDINATOR");
    const study = await makeStudy(prisma, { id: coordinator.userId, role: "COORDINATOR" });
    const make = (code: string, parentId?: string) => createCode(coordinator, study.id, { code, parentId, nameRu: code, nameEn: code });
    const a = await make("A");
    const a1 = await make("A1", a.id);
    const a11 = await make("A11", a1.id);
    const b = await make("B");
    const order = async () => flattenTree((await listCodes(coordinator, study.id)).codes).map((f) => `${"-".repeat(f.depth)}${f.node.code}`);
    expect(await order()).toEqual(["A", "-A1", "--A11", "B"]);

    for (const parentId of [a.id, a1.id, a11.id]) {
      const error = await rejection(updateCode(coordinator, a.id, { parentId }));
      expect(error.status).toBe(400);
    }
    expect((await rejection(updateCode(coordinator, a.id, { parentId: randomUUID() }))).status).toBe(400);
    expect((await rejection(updateCode(coordinator, a1.id, { code: "B" }))).status).toBe(409);
    expect((await rejection(updateCode(coordinator, a1.id, {}))).status).toBe(400);
    expect((await rejection(updateCode(coordinator, randomUUID(), { nameEn: "x" }))).status).toBe(404);
    expect(await order()).toEqual(["A", "-A1", "--A11", "B"]);

    expect(await updateCode(coordinator, a1.id, { parentId: b.id, nameEn: "Moved", descriptionRu: "Описание", code: "B1" })).toEqual({ id: a1.id });
    expect(await order()).toEqual(["A", "B", "-B1", "--A11"]);
    expect(await prisma.themeCode.findUniqueOrThrow({ where: { id: a1.id } })).toMatchObject({ nameEn: "Moved", nameRu: "A1", descriptionRu: "Описание", code: "B1", parentId: b.id });
    await updateCode(coordinator, b.id, { position: 0 });
    expect(await order()).toEqual(["B", "-B1", "--A11", "A"]);
    await updateCode(coordinator, a11.id, { parentId: null, position: 1 });
    expect(await order()).toEqual(["B", "-B1", "A11", "A"]);
    expect(await prisma.auditEvent.count({ where: { entityId: a1.id, action: "code.update" } })).toBe(1);
  });

  it("deleting a code deletes the codes below it and their tags, nothing else", async () => {
    const coordinator = await staff("COORDINATOR");
    await joinStudy(prisma, w.study.id, { id: coordinator.userId, role: "COORDINATOR" });
    const { a, ivAm, notes } = w;
    const parent = await createCode(coordinator, w.study.id, { code: "TMP", nameRu: "Врем", nameEn: "Tmp" });
    const child = await createCode(coordinator, w.study.id, { code: "TMP_CHILD", parentId: parent.id, nameRu: "Врем", nameEn: "Tmp child" });
    const quote = await createQuote(a, ivAm.id, quoteOf(notes.am.Q1, "Nobody answers", "Q1", [child.id, w.codes.FORMS]));
    await setNoteCodes(a, ivAm.id, "Q1", { codeIds: [child.id] });
    expect(await deleteCode(coordinator, parent.id)).toEqual({ ok: true });
    expect(await prisma.themeCode.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(0);
    expect((await prisma.quoteCode.findMany({ where: { quoteId: quote.id } })).map((c) => c.codeId)).toEqual([w.codes.FORMS]);
    expect(await prisma.noteCode.count({ where: { interviewId: ivAm.id } })).toBe(0);
    expect(await prisma.quote.count({ where: { id: quote.id } })).toBe(1);
    expect((await rejection(deleteCode(coordinator, parent.id))).status).toBe(404);
    await deleteQuote(a, quote.id);
  });

  it("is edited by coordinators only; an interviewer reads the codebook of a study they interview for", async () => {
    const { a, study, coordinator } = w;
    const code = w.codes.FORMS;
    for (const call of [
      () => createCode(a, study.id, { code: "NOPE", nameRu: "a", nameEn: "a" }),
      () => updateCode(a, code, { nameEn: "Hacked" }),
      () => deleteCode(a, code),
    ]) {
      expect((await rejection(call())).status).toBe(403);
    }
    expect((await prisma.themeCode.findUniqueOrThrow({ where: { id: code } })).nameEn).toBe("Forms");
    expect((await listCodes(a, study.id)).codes.map((c) => c.code)).toEqual(["BARRIERS", "FORMS"]);
    expect((await rejection(listCodes(a, (await makeStudy(prisma)).id))).status).toBe(404);
    expect((await rejection(listCodes(await actorFor(prisma, w.am.userId), study.id))).status).toBe(403);
    expect((await listCodes(coordinator, study.id)).codes).toHaveLength(2);
  });

  it("seeds the demo study's codebook in order", async () => {
    const study = await makeStudy(prisma);
    const { count } = await prisma.$transaction((tx) => seedCodebook(tx, study.id, eaeuCodebook));
    const expected: string[] = [];
    const walk = (list: TCodebookEntry[]) => list.forEach((x) => (expected.push(x.code), walk(x.children ?? [])));
    walk(eaeuCodebook);
    expect(count).toBe(expected.length);
    const coordinator = await staff("COORDINATOR");
    await joinStudy(prisma, study.id, { id: coordinator.userId, role: "COORDINATOR" });
    const tree = (await listCodes(coordinator, study.id)).codes;
    expect(flattenTree(tree).map((f) => f.node.code)).toEqual(expected);
    expect(tree.map((n) => n.nameEn)).toEqual(eaeuCodebook.map((x) => x.name.en));
  });
});
