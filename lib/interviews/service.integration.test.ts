import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { createCode } from "@/lib/codebook/service";
import { db } from "@/lib/db";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import {
  cancelInterview,
  createInterview,
  finishInterview,
  getInterview,
  listInterviews,
  listOwnInterviews,
  recordInterviewConsent,
  reopenInterview,
  saveNote,
  setNoteCodes,
} from "@/lib/interviews/service";
import { NOTE_MAX_CHARS, type TSaveNote } from "@/lib/interviews/schemas";
import { createQuote, deleteQuote, listQuotes, setQuoteCodes } from "@/lib/quotes/service";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, joinStudy, makeGuide, makeInterview, makeNamedExpert, makeStaff, makeStudy } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});


const staff = async (role: "COORDINATOR" | "INTERVIEWER") => {
  const { id } = await makeStaff(prisma, role);
  return actorFor(prisma, id);
};

/** A study with a published guide, an expert with a real name and e-mail, an interviewer and a coordinator, and one planned interview. */
async function setup(options: { plannedAt?: Date } = {}) {
  const interviewer = await staff("INTERVIEWER");
  const coordinator = await staff("COORDINATOR");
  const study = await makeStudy(prisma, { id: interviewer.userId, role: "INTERVIEWER" }, { id: coordinator.userId, role: "COORDINATOR" });
  const guide = await makeGuide(prisma, study.id);
  const expert = await makeNamedExpert(prisma, study.id, { country: "AM", expertGroup: "SCIENTIST" });
  const interview = await makeInterview(prisma, { expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: options.plannedAt });
  return { study, guide, expert, interviewer, coordinator, interview };
}

/** As setup, with oral consent recorded. */
async function consented() {
  const s = await setup();
  await recordInterviewConsent(s.interviewer, s.interview.id);
  return s;
}

const note = (over: Partial<TSaveNote> = {}): TSaveNote => ({
  mutationId: randomUUID(),
  questionCode: "Q1",
  baseRevision: 0,
  text: "The expert says borders are slow.",
  probesAsked: [],
  skipped: false,
  ...over,
});

const interviewRow = (id: string) => prisma.interview.findUniqueOrThrow({ where: { id } });
const noteRow = (interviewId: string, questionCode = "Q1") => prisma.interviewNote.findUnique({ where: { interviewId_questionCode: { interviewId, questionCode } } });

describe("interviews: assignment", () => {
  it("a coordinator assigns an interview; the list shows it with the expert's real name, the interviewer and the guide", async () => {
    const { study, guide, expert, interviewer, coordinator } = await setup({ plannedAt: new Date("2030-01-01T09:00:00Z") });
    const plannedAt = "2029-12-31T10:30:00+02:00";
    const { id } = await createInterview(coordinator, { expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt, mode: "PHONE" });
    const row = await interviewRow(id);
    expect(row).toMatchObject({ expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, mode: "PHONE", status: "PLANNED", createdById: coordinator.userId, consentAt: null });
    expect(row.plannedAt.toISOString()).toBe("2029-12-31T08:30:00.000Z");
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "interview.create", actorId: coordinator.userId } })).toBe(1);

    const { interviews } = await listInterviews(coordinator);
    const ofStudy = interviews.filter((i) => i.guide.versionId === guide.versionId);
    expect(ofStudy.map((i) => i.id)[0]).toBe(id); // sorted by plannedAt: 2029-12-31 before 2030-01-01
    expect(ofStudy).toHaveLength(2);
    const times = interviews.map((i) => i.plannedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const instrument = await prisma.instrument.findFirstOrThrow({ where: { studyId: study.id, kind: "GUIDE" } });
    expect(ofStudy[0]).toMatchObject({
      id,
      mode: "PHONE",
      status: "PLANNED",
      expert: { id: expert.expertId, pseudonym: expert.pseudonym, name: expert.name, country: "AM", expertGroup: "SCIENTIST" },
      interviewer: { id: interviewer.userId, name: interviewer.name },
      guide: { versionId: guide.versionId, name: instrument.name, number: 1 },
    });
  });

  it("only coordinators assign, list, reopen and cancel", async () => {
    const { guide, expert, interviewer, interview } = await setup();
    const expertActor = await actorFor(prisma, expert.userId);
    const before = await prisma.interview.count({ where: { expertId: expert.expertId } });
    for (const actor of [interviewer, expertActor]) {
      const input = { expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: new Date().toISOString(), mode: "VIDEO" as const };
      for (const [name, call] of [
        ["createInterview", () => createInterview(actor, input)],
        ["listInterviews", () => listInterviews(actor)],
        ["reopenInterview", () => reopenInterview(actor, interview.id)],
        ["cancelInterview", () => cancelInterview(actor, interview.id)],
      ] as const) {
        expect({ name, role: actor.role, status: (await rejection(call())).status }).toEqual({ name, role: actor.role, status: 403 });
      }
    }
    expect(await prisma.interview.count({ where: { expertId: expert.expertId } })).toBe(before);
    expect((await interviewRow(interview.id)).status).toBe("PLANNED");
  });

  it("refuses unknown ids (404) and the wrong interviewer or version (400), writing nothing", async () => {
    const { study, guide, expert, interviewer, coordinator } = await setup();
    const otherStudy = await makeStudy(prisma);
    const otherGuide = await makeGuide(prisma, otherStudy.id);
    const draftGuide = await makeGuide(prisma, study.id, { publish: false });
    const questionnaire = await createInstrumentWith(prisma, {
      studyId: study.id,
      kind: "questionnaire",
      name: `Q ${randomUUID()}`,
      definition: ZQuestionnaire.parse({
        kind: "questionnaire",
        title: confirmedText("А", "A"),
        sections: [{ code: "S1", title: confirmedText("Р", "S"), items: [{ code: "N1", type: "number", text: confirmedText("Ч", "N") }] }],
      }),
      actorId: null,
      publish: true,
    });
    const disabled = await makeStaff(prisma, "INTERVIEWER");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const base = { expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: "2030-05-01T10:00:00Z", mode: "IN_PERSON" as const };
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ["unknown expert", { expertId: randomUUID() }, 404],
      ["unknown interviewer", { interviewerId: randomUUID() }, 404],
      ["unknown version", { versionId: randomUUID() }, 404],
      ["a coordinator as interviewer", { interviewerId: coordinator.userId }, 400],
      ["an expert as interviewer", { interviewerId: expert.userId }, 400],
      ["a disabled interviewer", { interviewerId: disabled.id }, 400],
      ["a draft guide", { versionId: draftGuide.versionId }, 400],
      ["a questionnaire", { versionId: questionnaire.versionId }, 400],
      ["another study's guide", { versionId: otherGuide.versionId }, 400],
      ["a malformed id", { expertId: "not-a-uuid" }, 400],
      ["a malformed date", { plannedAt: "tomorrow" }, 400],
      ["an unknown mode", { mode: "TELEPATHY" }, 400],
    ];
    for (const [name, change, status] of cases) {
      const error = await rejection(createInterview(coordinator, { ...base, ...change } as typeof base));
      expect({ name, status: error.status }).toEqual({ name, status });
    }
    expect(await prisma.interview.count({ where: { expertId: expert.expertId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { actorId: coordinator.userId } })).toBe(0);
  });
});

describe("interviews: experts out of the panel", () => {
  it("a rejected, declined or withdrawn expert gets no interview (409 naming the expert), and nothing is written", async () => {
    const { study, guide, interviewer, coordinator } = await setup();
    for (const status of ["REJECTED", "DECLINED", "WITHDRAWN"] as const) {
      const expert = await makeNamedExpert(prisma, study.id);
      await prisma.expert.update({ where: { id: expert.expertId }, data: { status } });
      const error = await rejection(createInterview(coordinator, { expertId: expert.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: "2030-05-01T10:00:00Z", mode: "VIDEO" }));
      expect({ status, code: error.status, details: error.details }).toEqual({ status, code: 409, details: [{ path: "expertId", message: "expertUnavailable" }] });
      expect(error.message).toContain(status.toLowerCase());
      expect(await prisma.interview.count({ where: { expertId: expert.expertId } })).toBe(0);
    }
    expect(await prisma.auditEvent.count({ where: { actorId: coordinator.userId, action: "interview.create" } })).toBe(0);
  });
});

describe("interviews: the interviewer's own list", () => {
  it("lists only the interviewer's interviews, by planned date, filtered by status, with no real names", async () => {
    const { guide, expert, interviewer, coordinator, interview, study } = await setup({ plannedAt: new Date("2030-03-01T10:00:00Z") });
    const second = await makeNamedExpert(prisma, study.id, { country: "KZ", expertGroup: "OFFICIAL" });
    const early = await makeInterview(prisma, { expertId: second.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: new Date("2030-01-01T10:00:00Z") });
    const cancelled = await makeInterview(prisma, { expertId: second.expertId, interviewerId: interviewer.userId, versionId: guide.versionId, plannedAt: new Date("2030-02-01T10:00:00Z") });
    await cancelInterview(coordinator, cancelled.id);
    const someoneElse = await staff("INTERVIEWER");
    await joinStudy(prisma, study.id, { id: someoneElse.userId, role: "INTERVIEWER" });
    await makeInterview(prisma, { expertId: expert.expertId, interviewerId: someoneElse.userId, versionId: guide.versionId, plannedAt: new Date("2029-01-01T10:00:00Z") });

    const all = await listOwnInterviews(interviewer);
    expect(all.interviews.map((i) => i.id)).toEqual([early.id, cancelled.id, interview.id]);
    expect(all.interviews[0]).toEqual({
      id: early.id,
      plannedAt: new Date("2030-01-01T10:00:00Z"),
      mode: "VIDEO",
      status: "PLANNED",
      expert: { pseudonym: second.pseudonym, country: "KZ", expertGroup: "OFFICIAL" },
      guideName: (await prisma.instrument.findFirstOrThrow({ where: { studyId: study.id, kind: "GUIDE" } })).name,
      // The guide's title in both languages, for lists in the page's language.
      guideTitle: ((await prisma.instrumentVersion.findUniqueOrThrow({ where: { id: guide.versionId } })).content as { title: unknown }).title,
    });
    expect((await listOwnInterviews(interviewer, { status: "CANCELLED" })).interviews.map((i) => i.id)).toEqual([cancelled.id]);
    expect((await listOwnInterviews(interviewer, { status: "PLANNED" })).interviews.map((i) => i.id)).toEqual([early.id, interview.id]);
    expect((await listOwnInterviews(interviewer, { status: "DONE" })).interviews).toEqual([]);
    expect((await rejection(listOwnInterviews(interviewer, { status: "BOGUS" as "DONE" }))).status).toBe(400);

    const json = JSON.stringify(all);
    for (const secret of [expert.name, expert.email, second.name, second.email]) expect(json).not.toContain(secret);
    expect((await listOwnInterviews(someoneElse)).interviews).toHaveLength(1);
    for (const actor of [coordinator, await actorFor(prisma, expert.userId)]) expect((await rejection(listOwnInterviews(actor))).status).toBe(403);
  });
});

describe("interviews: access", () => {
  it("another interviewer's interview is 404 on every function, and nothing is written", async () => {
    const { interviewer, interview, coordinator, study } = await consented();
    await saveNote(interviewer, interview.id, note());
    const code = await createCode(coordinator, study.id, { code: `C${Date.now()}`, nameRu: "Код", nameEn: "Code" });
    const quote = await createQuote(interviewer, interview.id, { questionCode: "Q1", start: 0, end: 10, text: "The expert" });
    const other = await staff("INTERVIEWER");
    await joinStudy(prisma, study.id, { id: other.userId, role: "INTERVIEWER" });
    const snapshot = async () => ({
      interview: await interviewRow(interview.id),
      notes: await prisma.interviewNote.findMany({ where: { interviewId: interview.id } }),
      mutations: await prisma.noteMutation.count({ where: { interviewId: interview.id } }),
      quotes: await prisma.quote.findMany({ where: { interviewId: interview.id }, include: { codes: true } }),
      noteCodes: await prisma.noteCode.count({ where: { interviewId: interview.id } }),
    });
    const before = await snapshot();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["getInterview", () => getInterview(other, interview.id)],
      ["recordInterviewConsent", () => recordInterviewConsent(other, interview.id)],
      ["saveNote", () => saveNote(other, interview.id, note({ baseRevision: 1, text: "overwritten" }))],
      ["finishInterview", () => finishInterview(other, interview.id)],
      ["setNoteCodes", () => setNoteCodes(other, interview.id, "Q1", { codeIds: [code.id] })],
      ["createQuote", () => createQuote(other, interview.id, { questionCode: "Q1", start: 0, end: 3, text: "The" })],
      ["setQuoteCodes", () => setQuoteCodes(other, quote.id, { codeIds: [code.id] })],
      ["deleteQuote", () => deleteQuote(other, quote.id)],
    ];
    for (const [name, call] of calls) {
      const error = await rejection(call());
      expect({ name, status: error.status }).toEqual({ name, status: 404 });
    }
    expect(await snapshot()).toEqual(before);
    expect((await listQuotes(other)).quotes).toEqual([]);
    // An unknown id is the same 404.
    expect((await rejection(getInterview(interviewer, randomUUID()))).status).toBe(404);
    expect((await rejection(getInterview(interviewer, "not-a-uuid"))).status).toBe(404);
  });

  it("experts, and actors of any other role, are refused by the role checks (403)", async () => {
    const { interviewer, interview, expert } = await consented();
    await saveNote(interviewer, interview.id, note());
    const quote = await createQuote(interviewer, interview.id, { questionCode: "Q1", start: 0, end: 3, text: "The" });
    const expertActor = await actorFor(prisma, expert.userId);
    const nobody = { userId: randomUUID(), sessionId: randomUUID(), role: "ANONYMOUS", name: "", language: "en" } as unknown as TActor;
    for (const actor of [expertActor, nobody]) {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ["listOwnInterviews", () => listOwnInterviews(actor)],
        ["getInterview", () => getInterview(actor, interview.id)],
        ["recordInterviewConsent", () => recordInterviewConsent(actor, interview.id)],
        ["saveNote", () => saveNote(actor, interview.id, note({ baseRevision: 1 }))],
        ["finishInterview", () => finishInterview(actor, interview.id)],
        ["setNoteCodes", () => setNoteCodes(actor, interview.id, "Q1", { codeIds: [] })],
        ["createQuote", () => createQuote(actor, interview.id, { questionCode: "Q1", start: 0, end: 3, text: "The" })],
        ["deleteQuote", () => deleteQuote(actor, quote.id)],
        ["setQuoteCodes", () => setQuoteCodes(actor, quote.id, { codeIds: [] })],
        ["listQuotes", () => listQuotes(actor)],
      ];
      for (const [name, call] of calls) {
        const error = await rejection(call());
        expect({ name, role: actor.role, status: error.status }).toEqual({ name, role: actor.role, status: 403 });
      }
    }
    expect(await prisma.quote.count({ where: { interviewId: interview.id } })).toBe(1);
    expect((await noteRow(interview.id))?.revision).toBe(1);
  });

  it("consent, notes and finishing are the interviewer's: a coordinator gets 403", async () => {
    const { coordinator, interview } = await setup();
    for (const call of [() => recordInterviewConsent(coordinator, interview.id), () => saveNote(coordinator, interview.id, note()), () => finishInterview(coordinator, interview.id)]) {
      expect((await rejection(call())).status).toBe(403);
    }
    expect(await interviewRow(interview.id)).toMatchObject({ status: "PLANNED", consentAt: null });
  });
});

describe("interviews: the workspace", () => {
  it("shows the guide, notes, quotes and codebook, naming the expert only by pseudonym and country", async () => {
    const { interviewer, coordinator, interview, expert, study, guide } = await consented();
    const code = await createCode(coordinator, study.id, { code: "BARRIERS", nameRu: "Барьеры", nameEn: "Barriers" });
    await saveNote(interviewer, interview.id, note({ text: "Customs take days.", probesAsked: ["Q1_P2"] }));
    await setNoteCodes(interviewer, interview.id, "Q1", { codeIds: [code.id] });
    const quote = await createQuote(interviewer, interview.id, { questionCode: "Q1", start: 0, end: 7, text: "Customs", codeIds: [code.id] });

    const detail = await getInterview(interviewer, interview.id);
    expect(detail).toMatchObject({
      id: interview.id,
      status: "IN_PROGRESS",
      mode: "VIDEO",
      studyId: study.id,
      durationSeconds: 0,
      finishedAt: null,
      expert: { pseudonym: expert.pseudonym, country: "AM", expertGroup: "SCIENTIST" },
      guide: { versionId: guide.versionId },
      notes: { Q1: { text: "Customs take days.", probesAsked: ["Q1_P2"], skipped: false, revision: 1, codeIds: [code.id] } },
      quotes: [{ id: quote.id, questionCode: "Q1", start: 0, end: 7, text: "Customs", codeIds: [code.id] }],
      codes: [{ id: code.id, code: "BARRIERS", nameRu: "Барьеры", nameEn: "Barriers", children: [] }],
    });
    expect(detail.consentAt).toBeInstanceOf(Date);
    expect(detail.guide.definition.blocks.map((b) => b.code)).toEqual(["B1", "B2"]);
    expect(Object.keys(detail.expert).sort()).toEqual(["country", "expertGroup", "pseudonym"]);
    const json = JSON.stringify(detail);
    expect(json).not.toContain(expert.name);
    expect(json).not.toContain(expert.email);
    expect(json).not.toContain(expert.userId);

    // A coordinator sees any interview the same way.
    expect(await getInterview(coordinator, interview.id)).toEqual(detail);
  });
});

describe("interviews: consent and notes", () => {
  it("refuses notes before oral consent; consent starts the interview and is recorded once", async () => {
    const { interviewer, interview } = await setup();
    const error = await rejection(saveNote(interviewer, interview.id, note()));
    expect({ status: error.status, code: error.code }).toEqual({ status: 403, code: "consent_required" });
    expect(await noteRow(interview.id)).toBeNull();
    expect(await interviewRow(interview.id)).toMatchObject({ status: "PLANNED", startedAt: null });

    const { consentAt } = await recordInterviewConsent(interviewer, interview.id);
    const row = await interviewRow(interview.id);
    expect(row).toMatchObject({ status: "IN_PROGRESS", consentAt, startedAt: consentAt });
    expect(await recordInterviewConsent(interviewer, interview.id)).toEqual({ consentAt });
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: "interview.consent" } })).toBe(1);
    expect(await saveNote(interviewer, interview.id, note())).toEqual({ status: "saved", revision: 1, replay: false });
  });

  it("the first save of a consented, still planned interview sets startedAt and IN_PROGRESS; saves set first and last worked times", async () => {
    const { interviewer, interview } = await setup();
    await prisma.interview.update({ where: { id: interview.id }, data: { consentAt: new Date() } });
    const before = Date.now();
    expect(await saveNote(interviewer, interview.id, note({ text: "one" }))).toEqual({ status: "saved", revision: 1, replay: false });
    const started = await interviewRow(interview.id);
    expect(started.status).toBe("IN_PROGRESS");
    expect(started.startedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const first = (await noteRow(interview.id))!;
    expect(first.firstWorkedAt).toEqual(first.lastWorkedAt);

    await new Promise((r) => setTimeout(r, 20));
    expect(await saveNote(interviewer, interview.id, note({ text: "two", baseRevision: 1 }))).toMatchObject({ status: "saved", revision: 2 });
    const second = (await noteRow(interview.id))!;
    expect(second.firstWorkedAt).toEqual(first.firstWorkedAt);
    expect(second.lastWorkedAt!.getTime()).toBeGreaterThan(first.lastWorkedAt!.getTime());
    expect((await interviewRow(interview.id)).startedAt).toEqual(started.startedAt);
  });

  it("stores text, probes asked (each once) and skipped, per question", async () => {
    const { interviewer, interview } = await consented();
    await saveNote(interviewer, interview.id, note({ text: "About borders", probesAsked: ["Q1_P2", "Q1_P1", "Q1_P2"] }));
    await saveNote(interviewer, interview.id, note({ questionCode: "Q2", text: "", skipped: true }));
    expect(await noteRow(interview.id)).toMatchObject({ text: "About borders", probesAsked: ["Q1_P2", "Q1_P1"], skipped: false, revision: 1 });
    expect(await noteRow(interview.id, "Q2")).toMatchObject({ text: "", probesAsked: [], skipped: true, revision: 1 });
  });

  it("the same mutation id sent twice, or five times at once, is applied once", async () => {
    const { interviewer, interview } = await consented();
    const mutationId = randomUUID();
    expect(await saveNote(interviewer, interview.id, note({ mutationId }))).toEqual({ status: "saved", revision: 1, replay: false });
    expect(await saveNote(interviewer, interview.id, note({ mutationId }))).toEqual({ status: "saved", revision: 1, replay: true });
    expect(await prisma.noteMutation.count({ where: { interviewId: interview.id } })).toBe(1);

    const concurrent = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => saveNote(interviewer, interview.id, note({ mutationId: concurrent, questionCode: "Q3", text: "at once" }))));
    for (const r of results) expect(r).toMatchObject({ status: "saved", revision: 1 });
    expect(results.filter((r) => r.status === "saved" && !r.replay)).toHaveLength(1);
    expect(await prisma.noteMutation.count({ where: { id: concurrent } })).toBe(1);
    expect(await noteRow(interview.id, "Q3")).toMatchObject({ revision: 1, mutationId: concurrent, text: "at once" });
  });

  it("a save from a stale base is a conflict carrying the stored note, and changes nothing", async () => {
    const { interviewer, interview } = await consented();
    const first = randomUUID();
    await saveNote(interviewer, interview.id, note({ mutationId: first, text: "stored", probesAsked: ["Q1_P1"] }));
    const stale = randomUUID();
    const conflict = { status: "conflict", revision: 1, note: { text: "stored", probesAsked: ["Q1_P1"], skipped: false } };
    expect(await saveNote(interviewer, interview.id, note({ mutationId: stale, text: "older tab" }))).toEqual(conflict);
    expect(await saveNote(interviewer, interview.id, note({ text: "future", baseRevision: 7 }))).toEqual(conflict);
    expect(await noteRow(interview.id)).toMatchObject({ text: "stored", revision: 1, mutationId: first });
    expect(await prisma.noteMutation.count({ where: { id: stale } })).toBe(0);
    expect(await saveNote(interviewer, interview.id, note({ questionCode: "Q2", baseRevision: 3 }))).toEqual({
      status: "conflict",
      revision: 0,
      note: { text: "", probesAsked: [], skipped: false },
    });
    // Concurrent saves from one base: exactly one wins.
    const results = await Promise.all([1, 2, 3, 4].map((n) => saveNote(interviewer, interview.id, note({ text: `tab ${n}`, baseRevision: 1 }))));
    expect(results.filter((r) => r.status === "saved")).toHaveLength(1);
    expect((await noteRow(interview.id))?.revision).toBe(2);
    // A mutation id already used for another question is refused.
    expect((await rejection(saveNote(interviewer, interview.id, note({ mutationId: first, questionCode: "Q2" })))).status).toBe(409);
    expect(await noteRow(interview.id, "Q2")).toBeNull();
  });

  it("unknown questions, probes that are not the question's, and oversized text are 400 with nothing changed", async () => {
    const { interviewer, interview } = await consented();
    await saveNote(interviewer, interview.id, note({ text: "kept" }));
    const snapshot = async () => ({ notes: await prisma.interviewNote.findMany({ where: { interviewId: interview.id } }), mutations: await prisma.noteMutation.count({ where: { interviewId: interview.id } }) });
    const before = await snapshot();
    const cases: Array<[string, Partial<TSaveNote>]> = [
      ["unknown question", { questionCode: "Q9" }],
      ["a block code", { questionCode: "B1" }],
      ["a probe code as question", { questionCode: "Q1_P1" }],
      ["unknown probe", { probesAsked: ["Q1_P9"], baseRevision: 1 }],
      ["another question's probe", { probesAsked: ["Q3_P1"], baseRevision: 1 }],
      ["oversized text", { text: "x".repeat(NOTE_MAX_CHARS + 1), baseRevision: 1 }],
      ["negative base", { baseRevision: -1 }],
      ["bad mutation id", { mutationId: "123" }],
    ];
    for (const [name, change] of cases) {
      const error = await rejection(saveNote(interviewer, interview.id, note(change)));
      expect({ name, status: error.status }).toEqual({ name, status: 400 });
    }
    expect(await snapshot()).toEqual(before);
    expect(await saveNote(interviewer, interview.id, note({ text: "y".repeat(NOTE_MAX_CHARS), baseRevision: 1 }))).toMatchObject({ status: "saved", revision: 2 });
  });
});

describe("interviews: finishing, reopening and cancelling", () => {
  it("finish makes the interview DONE with its duration; notes are then read-only (409 finished)", async () => {
    const { interviewer, interview } = await consented();
    const mutationId = randomUUID();
    await saveNote(interviewer, interview.id, note({ mutationId }));
    const startedAt = new Date(Date.now() - 90_000);
    await prisma.interview.update({ where: { id: interview.id }, data: { startedAt } });

    const result = await finishInterview(interviewer, interview.id);
    const row = await interviewRow(interview.id);
    expect(row).toMatchObject({ status: "DONE", finishedAt: result.finishedAt, durationSeconds: result.durationSeconds });
    expect(result.durationSeconds).toBe(Math.round((result.finishedAt.getTime() - startedAt.getTime()) / 1000));
    expect(result.durationSeconds).toBeGreaterThanOrEqual(90);
    expect(result.durationSeconds).toBeLessThan(120);
    expect(await finishInterview(interviewer, interview.id)).toEqual(result);

    const error = await rejection(saveNote(interviewer, interview.id, note({ baseRevision: 1, text: "late" })));
    expect({ status: error.status, code: error.code }).toEqual({ status: 409, code: "finished" });
    // A replay of a save made before finishing is still acknowledged.
    expect(await saveNote(interviewer, interview.id, note({ mutationId }))).toEqual({ status: "saved", revision: 1, replay: true });
    expect((await noteRow(interview.id))?.text).toBe("The expert says borders are slow.");
    expect((await listOwnInterviews(interviewer, { status: "DONE" })).interviews.map((i) => i.id)).toEqual([interview.id]);
  });

  it("finishing needs consent", async () => {
    const { interviewer, interview } = await setup();
    expect((await rejection(finishInterview(interviewer, interview.id))).code).toBe("consent_required");
    expect((await interviewRow(interview.id)).status).toBe("PLANNED");
  });

  it("a coordinator reopens a finished interview (audited), and notes can be saved again", async () => {
    const { interviewer, coordinator, interview } = await consented();
    await saveNote(interviewer, interview.id, note());
    expect((await rejection(reopenInterview(coordinator, interview.id))).status).toBe(409);
    const done = await finishInterview(interviewer, interview.id);
    expect(await reopenInterview(coordinator, interview.id)).toEqual({ status: "IN_PROGRESS" });
    expect(await interviewRow(interview.id)).toMatchObject({ status: "IN_PROGRESS", finishedAt: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: interview.id, action: "interview.reopen" } });
    expect(audit).toMatchObject({
      actorId: coordinator.userId,
      entity: "Interview",
      before: { status: "DONE", finishedAt: done.finishedAt.toISOString(), durationSeconds: done.durationSeconds },
      after: { status: "IN_PROGRESS", finishedAt: null },
    });
    expect(await saveNote(interviewer, interview.id, note({ baseRevision: 1, text: "after reopening" }))).toMatchObject({ status: "saved", revision: 2 });
    expect((await rejection(reopenInterview(interviewer, interview.id))).status).toBe(403);
  });

  it("note edits made while a finished interview is reopened are audited with before and after; earlier ones are not", async () => {
    const { interviewer, coordinator, interview } = await consented();
    await saveNote(interviewer, interview.id, note({ text: "First version." }));
    await saveNote(interviewer, interview.id, note({ baseRevision: 1, text: "Second version." }));
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: "interview.note.edit" } })).toBe(0);
    await finishInterview(interviewer, interview.id);
    await reopenInterview(coordinator, interview.id);
    const mutationId = randomUUID();
    await saveNote(interviewer, interview.id, note({ mutationId, baseRevision: 2, text: "Corrected after review.", probesAsked: ["Q1_P1"], skipped: false }));
    // A replay of the same save is not a second edit.
    await saveNote(interviewer, interview.id, note({ mutationId, baseRevision: 2, text: "Corrected after review.", probesAsked: ["Q1_P1"] }));
    const events = await prisma.auditEvent.findMany({ where: { entityId: interview.id, action: "interview.note.edit" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: interviewer.userId,
      entity: "Interview",
      before: { questionCode: "Q1", revision: 2, text: "Second version.", probesAsked: [], skipped: false },
      after: { questionCode: "Q1", revision: 3, text: "Corrected after review.", probesAsked: ["Q1_P1"], skipped: false },
    });
    // Finished again: no more edits, nothing more audited.
    await finishInterview(interviewer, interview.id);
    expect((await rejection(saveNote(interviewer, interview.id, note({ baseRevision: 3, text: "x" })))).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: "interview.note.edit" } })).toBe(1);
  });

  it("a quote's offsets move with an edit that inserts text before it; an edit of the passage itself flags it", async () => {
    const { interviewer, interview } = await consented();
    const text = "Borders are slow. Customs take days.";
    await saveNote(interviewer, interview.id, note({ text }));
    const passage = "Customs take days.";
    const { id } = await createQuote(interviewer, interview.id, { questionCode: "Q1", start: text.indexOf(passage), end: text.indexOf(passage) + passage.length, text: passage });
    const edited = `On Monday: ${text}`;
    await saveNote(interviewer, interview.id, note({ baseRevision: 1, text: edited }));
    let quote = await prisma.quote.findUniqueOrThrow({ where: { id } });
    expect(edited.slice(quote.start, quote.end)).toBe(passage);
    expect(quote.noteChanged).toBe(false);
    const detail = await getInterview(interviewer, interview.id);
    expect(detail.quotes.find((q) => q.id === id)).toMatchObject({ start: quote.start, end: quote.end, noteChanged: false });
    // The passage itself edited: it is no longer in the note as quoted.
    await saveNote(interviewer, interview.id, note({ baseRevision: 2, text: edited.replace("take days", "takes weeks") }));
    quote = await prisma.quote.findUniqueOrThrow({ where: { id } });
    expect(quote).toMatchObject({ text: passage, noteChanged: true });
    expect((await getInterview(interviewer, interview.id)).quotes.find((q) => q.id === id)?.noteChanged).toBe(true);
  });

  it("a coordinator cancels an interview that is not finished (audited); it then takes no consent or notes", async () => {
    const { interviewer, coordinator, interview } = await setup();
    expect(await cancelInterview(coordinator, interview.id)).toEqual({ status: "CANCELLED" });
    expect(await cancelInterview(coordinator, interview.id)).toEqual({ status: "CANCELLED" });
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: "interview.cancel" } })).toBe(1);
    for (const call of [() => recordInterviewConsent(interviewer, interview.id), () => finishInterview(interviewer, interview.id)]) {
      const error = await rejection(call());
      expect({ status: error.status, code: error.code }).toEqual({ status: 409, code: "finished" });
    }
    await prisma.interview.update({ where: { id: interview.id }, data: { consentAt: new Date() } });
    expect((await rejection(saveNote(interviewer, interview.id, note()))).code).toBe("finished");
    expect(await noteRow(interview.id)).toBeNull();

    const other = await consented();
    await finishInterview(other.interviewer, other.interview.id);
    expect((await rejection(cancelInterview(other.coordinator, other.interview.id))).status).toBe(409);
    expect((await interviewRow(other.interview.id)).status).toBe("DONE");
  });
});

describe("interviews: coding notes", () => {
  it("replaces a question's codes (even before any notes, and after finishing); codes must be the study's", async () => {
    const { interviewer, coordinator, interview, study } = await consented();
    const a = await createCode(coordinator, study.id, { code: "A", nameRu: "А", nameEn: "A" });
    const b = await createCode(coordinator, study.id, { code: "B", nameRu: "Б", nameEn: "B" });
    const otherStudy = await makeStudy(prisma, { id: coordinator.userId, role: "COORDINATOR" });
    const foreign = await createCode(coordinator, otherStudy.id, { code: "A", nameRu: "А", nameEn: "A" });

    expect(await setNoteCodes(interviewer, interview.id, "Q2", { codeIds: [a.id, b.id, a.id] })).toEqual({ codeIds: [a.id, b.id] });
    expect(await noteRow(interview.id, "Q2")).toMatchObject({ revision: 0, text: "" });
    expect(await saveNote(interviewer, interview.id, note({ questionCode: "Q2", text: "now with notes" }))).toMatchObject({ status: "saved", revision: 1 });
    expect((await getInterview(interviewer, interview.id)).notes.Q2).toMatchObject({ text: "now with notes", revision: 1, codeIds: expect.arrayContaining([a.id, b.id]) });

    for (const [name, call] of [
      ["foreign code", () => setNoteCodes(interviewer, interview.id, "Q2", { codeIds: [a.id, foreign.id] })],
      ["unknown code", () => setNoteCodes(interviewer, interview.id, "Q2", { codeIds: [randomUUID()] })],
      ["unknown question", () => setNoteCodes(interviewer, interview.id, "NOPE", { codeIds: [a.id] })],
    ] as const) {
      expect({ name, status: (await rejection(call())).status }).toEqual({ name, status: 400 });
    }
    expect(await prisma.noteCode.count({ where: { interviewId: interview.id, questionCode: "Q2" } })).toBe(2);
    expect(await prisma.interviewNote.count({ where: { interviewId: interview.id, questionCode: "NOPE" } })).toBe(0);

    await finishInterview(interviewer, interview.id);
    expect(await setNoteCodes(coordinator, interview.id, "Q2", { codeIds: [b.id] })).toEqual({ codeIds: [b.id] });
    expect(await setNoteCodes(interviewer, interview.id, "Q2", { codeIds: [] })).toEqual({ codeIds: [] });
    expect(await prisma.noteCode.count({ where: { interviewId: interview.id } })).toBe(0);
  });
});
