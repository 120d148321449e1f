import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TResponseProblem } from "@/lib/instrument/answer-rules";
import { checkResponse, type TAnswers } from "@/lib/instrument/answers";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire, type TQuestionnaire, type TQuestionnaireInput } from "@/lib/instrument/definition";
import { optionOrderFor } from "@/lib/instrument/order";
import { confirmedText } from "@/lib/i18n/text";
import { getOwnAnswers, getQuestionnaireState, recordConsent, reopenResponse, saveAnswer, submitResponse } from "@/lib/responses/service";
import { LiveHub } from "@/lib/live/hub";
import { requireEnv, testPrisma } from "@/lib/testing/db";
import { actorFor, joinStudy, makeExpert, makeStaff, makeStudy } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});


// ── A small published questionnaire (every text translated and confirmed).

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const opt = (code: string, extra: { other?: boolean; exclusive?: boolean; anchored?: boolean } = {}) => ({ code, label: t(code), ...extra });

function questionnaire(): TQuestionnaireInput {
  return {
    kind: "questionnaire",
    title: t("Questionnaire"),
    sections: [
      {
        code: "S1",
        title: t("S1"),
        items: [
          { code: "INTRO", type: "display", text: t("Intro") },
          { code: "ROLE", type: "single", text: t("Role"), required: true, options: [opt("GOV"), opt("ACAD"), opt("ROLE_OTHER", { other: true })] },
          {
            code: "TOPICS",
            type: "multi",
            text: t("Topics"),
            maxSelect: 2,
            shuffle: true,
            options: [opt("T_A"), opt("T_B"), opt("T_C"), opt("T_D"), opt("T_NONE", { exclusive: true, anchored: true })],
          },
          { code: "RISK", type: "scale", text: t("Risk"), min: 1, max: 10, cannotAssess: true },
          { code: "SHARE", type: "number", text: t("Share"), required: true, min: 0, max: 100 },
          { code: "NOTE", type: "text", text: t("Note"), maxLength: 20 },
          { code: "GOV_BODY", type: "text", text: t("Which body"), required: true, showIf: [{ item: "ROLE", op: "equals", value: "GOV" }] },
        ],
      },
    ],
  };
}

const CONSENT_VERSION = 3;

/** A study with a consent text, a published questionnaire and one expert on it (no consent yet). */
async function setup() {
  const study = await makeStudy(prisma);
  await prisma.study.update({
    where: { id: study.id },
    data: { consentText: t("I agree") as Prisma.InputJsonValue, consentVersion: CONSENT_VERSION },
  });
  const definition: TQuestionnaire = ZQuestionnaire.parse(questionnaire());
  const { instrumentId, versionId } = await createInstrumentWith(prisma, {
    studyId: study.id,
    kind: "questionnaire",
    name: "Questionnaire",
    definition,
    actorId: null,
    publish: true,
  });
  const expert = await makeExpert(prisma, study.id);
  const actor = await actorFor(prisma, expert.userId);
  return { study, definition, instrumentId, versionId, expert, actor };
}

/** As setup, with the expert's consent accepted. */
async function consented() {
  const s = await setup();
  await recordConsent(s.actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "en" });
  return s;
}

/** Another expert on the same study, consent accepted. */
async function secondExpert(studyId: string) {
  const expert = await makeExpert(prisma, studyId);
  const actor = await actorFor(prisma, expert.userId);
  await recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "ru" });
  return { expert, actor };
}

/** A save as the page sends it: for the version the expert is shown. */
const save = async (actor: TActor, item: string, value: unknown, baseRevision = 0, mutationId: string = randomUUID()) =>
  saveAnswer(actor, { mutationId, versionId: (await getQuestionnaireState(actor)).questionnaire!.versionId, item, baseRevision, value });

const responseOf = (expertId: string) => prisma.response.findFirst({ where: { expertId } });
const answerRow = async (expertId: string, itemCode: string) => {
  const response = await responseOf(expertId);
  if (!response) return null;
  return prisma.answer.findUnique({ where: { responseId_itemCode: { responseId: response.id, itemCode } } });
};
const problemsOf = (error: AppError) => (error.details as { problems: TResponseProblem[] }).problems;
const issuesOf = (error: AppError) => error.details as Array<{ path: string; message: string }>;

/** A coordinator on the team of each of `studyIds`. */
const coordinator = async (...studyIds: string[]) => {
  const staff = await makeStaff(prisma, "COORDINATOR");
  for (const studyId of studyIds) await joinStudy(prisma, studyId, staff);
  return actorFor(prisma, staff.id);
};
const interviewer = async () => actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);

/** Answers every required item so that the response is complete (ROLE = ACAD hides GOV_BODY). */
async function answerRequired(actor: TActor) {
  expect(await save(actor, "ROLE", { choice: "ACAD" })).toMatchObject({ status: "saved" });
  expect(await save(actor, "SHARE", { value: 40 })).toMatchObject({ status: "saved" });
}

describe("responses: access", () => {
  it("only experts can use the expert functions", async () => {
    const { study } = await consented();
    for (const actor of [await interviewer(), await coordinator()]) {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ["getQuestionnaireState", () => getQuestionnaireState(actor)],
        ["recordConsent", () => recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "en" })],
        ["saveAnswer", () => save(actor, "ROLE", { choice: "GOV" })],
        ["submitResponse", () => submitResponse(actor)],
        ["getOwnAnswers", () => getOwnAnswers(actor)],
      ];
      for (const [name, call] of calls) {
        const error = await rejection(call());
        expect({ name, role: actor.role, status: error.status }).toEqual({ name, role: actor.role, status: 403 });
      }
    }
    expect(await prisma.response.count({ where: { instrument: { studyId: study.id } } })).toBe(0);
  });

  it("only coordinators can reopen a response", async () => {
    const { actor } = await consented();
    await answerRequired(actor);
    await submitResponse(actor);
    const response = (await prisma.response.findFirst({ where: { expert: { userId: actor.userId } } }))!;
    for (const other of [actor, await interviewer()]) {
      expect((await rejection(reopenResponse(other, response.id))).status).toBe(403);
    }
    expect((await prisma.response.findUniqueOrThrow({ where: { id: response.id } })).status).toBe("SUBMITTED");
    expect(await prisma.auditEvent.count({ where: { entityId: response.id, action: "response.reopen" } })).toBe(0);
  });
});

describe("responses: consent", () => {
  it("refuses saves before consent, refuses a stale consent text, and accepts saves after consent", async () => {
    const { actor, expert } = await setup();
    const before = await rejection(save(actor, "ROLE", { choice: "GOV" }));
    expect(before.status).toBe(403);
    expect(before.code).toBe("consent_required");

    const stale = await rejection(recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION - 1, language: "en" }));
    expect(stale.status).toBe(409);
    expect(await prisma.consent.count({ where: { expertId: expert.expertId } })).toBe(0);
    expect((await rejection(save(actor, "ROLE", { choice: "GOV" }))).code).toBe("consent_required");

    expect(await recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "en" })).toEqual({ decision: "ACCEPTED" });
    const consent = await prisma.consent.findFirstOrThrow({ where: { expertId: expert.expertId } });
    expect(consent).toMatchObject({ decision: "ACCEPTED", textVersion: CONSENT_VERSION, language: "en" });
    expect(await save(actor, "ROLE", { choice: "GOV" })).toEqual({ status: "saved", revision: 1, replay: false });
    expect((await getQuestionnaireState(actor)).consent).toMatchObject({ accepted: true, declined: false, version: CONSENT_VERSION });
  });

  it("a later decline, or a new consent text version, stops saves again", async () => {
    const { actor, study, expert } = await consented();
    expect(await save(actor, "ROLE", { choice: "GOV" })).toMatchObject({ status: "saved" });

    await prisma.study.update({ where: { id: study.id }, data: { consentVersion: CONSENT_VERSION + 1 } });
    expect((await rejection(save(actor, "NOTE", { text: "x" }))).code).toBe("consent_required");
    expect((await getQuestionnaireState(actor)).consent.accepted).toBe(false);

    await recordConsent(actor, { decision: "ACCEPTED", textVersion: CONSENT_VERSION + 1, language: "en" });
    expect(await save(actor, "NOTE", { text: "x" })).toMatchObject({ status: "saved" });
    // Distinct decidedAt timestamps, so "the last decision" is unambiguous.
    await new Promise((r) => setTimeout(r, 5));
    await recordConsent(actor, { decision: "DECLINED", textVersion: CONSENT_VERSION + 1, language: "en" });
    expect((await rejection(save(actor, "NOTE", { text: "y" }, 1))).code).toBe("consent_required");
    expect((await getQuestionnaireState(actor)).consent).toMatchObject({ accepted: false, declined: true });
    expect((await answerRow(expert.expertId, "NOTE"))?.value).toEqual({ text: "x" });
  });
});

describe("responses: starting a response", () => {
  it("reading the state creates nothing; the first save creates the response with its version and option order", async () => {
    const { actor, expert, definition, versionId, instrumentId } = await consented();

    const initial = await getQuestionnaireState(actor);
    expect(initial.questionnaire).toMatchObject({ responseId: null, status: "NOT_STARTED", versionId, answers: {} });
    expect(initial.questionnaire?.optionOrder).toEqual(optionOrderFor(definition, expert.expertId));
    expect(await getQuestionnaireState(actor)).toMatchObject({ questionnaire: { status: "NOT_STARTED" } });
    expect(await prisma.response.count({ where: { expertId: expert.expertId } })).toBe(0);

    expect(await save(actor, "RISK", { value: 7 })).toEqual({ status: "saved", revision: 1, replay: false });
    const response = await prisma.response.findFirstOrThrow({ where: { expertId: expert.expertId } });
    expect(response).toMatchObject({ instrumentId, versionId, status: "IN_PROGRESS", submittedAt: null });
    const order = optionOrderFor(definition, expert.expertId);
    expect(Object.keys(order)).toEqual(["TOPICS"]);
    expect(order.TOPICS?.at(-1)).toBe("T_NONE");
    expect(response.optionOrder).toEqual(order);

    const state = await getQuestionnaireState(actor);
    expect(state.questionnaire).toMatchObject({
      responseId: response.id,
      status: "IN_PROGRESS",
      versionId,
      optionOrder: order,
      answers: { RISK: { value: { value: 7 }, revision: 1 } },
    });
  });

  it("a response stays on the version it started with when a newer version is published", async () => {
    const { actor, expert, instrumentId, versionId, definition } = await consented();
    await save(actor, "RISK", { value: 3 });
    const changed = ZQuestionnaire.parse({
      ...questionnaire(),
      sections: [{ code: "S9", title: t("S9"), items: [{ code: "NEW_ONLY", type: "number", text: t("New"), required: true }] }],
    });
    const v2 = await prisma.instrumentVersion.create({
      data: { instrumentId, number: 2, content: changed as Prisma.InputJsonValue, status: "PUBLISHED", publishedAt: new Date() },
    });

    const state = await getQuestionnaireState(actor);
    expect(state.questionnaire?.versionId).toBe(versionId);
    expect(state.questionnaire?.definition).toEqual(definition);
    expect(await save(actor, "SHARE", { value: 10 })).toMatchObject({ status: "saved", revision: 1 });
    expect((await rejection(save(actor, "NEW_ONLY", { value: 1 }))).status).toBe(400);
    expect((await responseOf(expert.expertId))?.versionId).toBe(versionId);

    // A new expert starts on the newest published version.
    const other = await secondExpert((await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).studyId);
    expect((await getQuestionnaireState(other.actor)).questionnaire?.versionId).toBe(v2.id);
  });
});

describe("responses: live updates", () => {
  it("a saved answer is announced to the study's dashboards once it has committed; a burst makes one announcement", async () => {
    const { actor, study } = await consented();
    const hub = new LiveHub(requireEnv("DATABASE_URL"));
    const topics: string[] = [];
    hub.subscribe(study.id, (e) => topics.push(e.topic));
    try {
      await hub.ready();
      const saves = [save(actor, "ROLE", { choice: "GOV" }), save(actor, "TOPICS", { choices: ["T_A"] }), save(actor, "RISK", { value: 4 }), save(actor, "SHARE", { value: 10 }), save(actor, "NOTE", { text: "x" })];
      expect(await Promise.all(saves)).toMatchObject(Array(5).fill({ status: "saved" }));
      await expect.poll(() => topics, { timeout: 2_000 }).toContain("answers");
      await new Promise((r) => setTimeout(r, 400));
      expect(topics.filter((t) => t === "answers").length).toBeLessThan(5);
    } finally {
      await hub.close();
    }
  });
});

describe("responses: idempotent saves", () => {
  it("the same mutation id sent twice is applied once and acknowledged twice", async () => {
    const { actor, expert } = await consented();
    const mutationId = randomUUID();
    expect(await save(actor, "ROLE", { choice: "GOV" }, 0, mutationId)).toEqual({ status: "saved", revision: 1, replay: false });
    expect(await save(actor, "ROLE", { choice: "GOV" }, 0, mutationId)).toEqual({ status: "saved", revision: 1, replay: true });

    const response = (await responseOf(expert.expertId))!;
    expect(await prisma.answer.findMany({ where: { responseId: response.id } })).toMatchObject([{ itemCode: "ROLE", revision: 1, mutationId, value: { choice: "GOV" } }]);
    expect(await prisma.answerMutation.findMany({ where: { responseId: response.id } })).toMatchObject([{ id: mutationId, itemCode: "ROLE", revision: 1 }]);
  });

  // Fails today: with no Response row yet, the concurrent `tx.response.upsert` calls in saveAnswer race
  // and all but one throw Prisma P2002 (unique constraint Response_expertId_instrumentId_key).
  it("the same mutation id sent five times at once (as the first save) is applied once", async () => {
    const { actor, expert } = await consented();
    const mutationId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => save(actor, "SHARE", { value: 12 }, 0, mutationId)));
    for (const r of results) expect(r).toMatchObject({ status: "saved", revision: 1 });
    expect(results.filter((r) => r.status === "saved" && !r.replay)).toHaveLength(1);
    expect(results.filter((r) => r.status === "saved" && r.replay)).toHaveLength(4);

    expect(await prisma.response.count({ where: { expertId: expert.expertId } })).toBe(1);
    const response = (await responseOf(expert.expertId))!;
    expect(await prisma.answer.findMany({ where: { responseId: response.id } })).toMatchObject([{ itemCode: "SHARE", revision: 1, value: { value: 12 } }]);
    expect(await prisma.answerMutation.count({ where: { responseId: response.id } })).toBe(1);
    expect(await prisma.answerMutation.count({ where: { id: mutationId } })).toBe(1);
  });

  it("the same mutation id sent five times at once to an existing response is applied once", async () => {
    const { actor, expert } = await consented();
    await save(actor, "RISK", { value: 2 });
    const mutationId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => save(actor, "SHARE", { value: 12 }, 0, mutationId)));
    for (const r of results) expect(r).toMatchObject({ status: "saved", revision: 1 });
    expect(results.filter((r) => r.status === "saved" && r.replay)).toHaveLength(4);
    const row = await answerRow(expert.expertId, "SHARE");
    expect(row).toMatchObject({ revision: 1, mutationId, value: { value: 12 } });
    expect(await prisma.answerMutation.count({ where: { id: mutationId } })).toBe(1);
  });

  it("a mutation id reused for another item is refused", async () => {
    const { actor, expert } = await consented();
    const mutationId = randomUUID();
    await save(actor, "ROLE", { choice: "GOV" }, 0, mutationId);
    expect((await rejection(save(actor, "SHARE", { value: 1 }, 0, mutationId))).status).toBe(409);
    expect(await answerRow(expert.expertId, "SHARE")).toBeNull();
  });
});

describe("responses: revisions", () => {
  it("sequential saves with the right base get revisions 1, 2, 3", async () => {
    const { actor, expert } = await consented();
    expect(await save(actor, "NOTE", { text: "one" }, 0)).toEqual({ status: "saved", revision: 1, replay: false });
    expect(await save(actor, "NOTE", { text: "two" }, 1)).toEqual({ status: "saved", revision: 2, replay: false });
    expect(await save(actor, "NOTE", { text: "three" }, 2)).toEqual({ status: "saved", revision: 3, replay: false });
    expect(await answerRow(expert.expertId, "NOTE")).toMatchObject({ revision: 3, value: { text: "three" } });
    const response = (await responseOf(expert.expertId))!;
    const revisions = (await prisma.answerMutation.findMany({ where: { responseId: response.id }, orderBy: { revision: "asc" } })).map((m) => m.revision);
    expect(revisions).toEqual([1, 2, 3]);
  });

  it("a save based on an older (or unknown newer) revision is a conflict carrying the stored value, and changes nothing", async () => {
    const { actor, expert } = await consented();
    const first = randomUUID();
    await save(actor, "ROLE", { choice: "GOV" }, 0, first);
    const stale = randomUUID();
    expect(await save(actor, "ROLE", { choice: "ACAD" }, 0, stale)).toEqual({ status: "conflict", revision: 1, value: { choice: "GOV" } });
    expect(await save(actor, "ROLE", { choice: "ACAD" }, 5)).toEqual({ status: "conflict", revision: 1, value: { choice: "GOV" } });
    expect(await answerRow(expert.expertId, "ROLE")).toMatchObject({ revision: 1, mutationId: first, value: { choice: "GOV" } });
    // A refused save is not recorded, so it can be retried with the right base.
    expect(await prisma.answerMutation.count({ where: { id: stale } })).toBe(0);
    expect(await save(actor, "ROLE", { choice: "ACAD" }, 1, stale)).toEqual({ status: "saved", revision: 2, replay: false });
  });

  it("a save to a never-answered item based on a revision above 0 is a conflict with a null value", async () => {
    const { actor, expert } = await consented();
    expect(await save(actor, "RISK", { value: 1 }, 1)).toEqual({ status: "conflict", revision: 0, value: null });
    expect(await answerRow(expert.expertId, "RISK")).toBeNull();
  });

  it("concurrent saves of one item from the same base: exactly one wins, the rest conflict", async () => {
    const { actor, expert } = await consented();
    // The response exists already (the race on creating it is covered by the idempotency tests).
    await save(actor, "NOTE", { text: "first" });
    const values = [1, 2, 3, 4, 5];
    const results = await Promise.all(values.map((v) => save(actor, "RISK", { value: v }, 0)));
    const saved = results.filter((r) => r.status === "saved");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ revision: 1 });
    const row = (await answerRow(expert.expertId, "RISK"))!;
    expect(row.revision).toBe(1);
    for (const r of results) if (r.status === "conflict") expect(r).toEqual({ status: "conflict", revision: 1, value: row.value });
    expect(await prisma.answerMutation.count({ where: { responseId: row.responseId } })).toBe(2);
  });

  it("concurrent saves of different items all succeed", async () => {
    const { actor, expert } = await consented();
    await save(actor, "GOV_BODY", { text: "first" });
    const results = await Promise.all([
      save(actor, "ROLE", { choice: "ACAD" }),
      save(actor, "TOPICS", { choices: ["T_A"] }),
      save(actor, "RISK", { cannotAssess: true }),
      save(actor, "SHARE", { value: 0 }),
      save(actor, "NOTE", { text: "ok" }),
    ]);
    for (const r of results) expect(r).toEqual({ status: "saved", revision: 1, replay: false });
    expect(await prisma.response.count({ where: { expertId: expert.expertId } })).toBe(1);
    const response = (await responseOf(expert.expertId))!;
    expect(await prisma.answer.count({ where: { responseId: response.id } })).toBe(6);
  });
});

describe("responses: invalid saves", () => {
  it("bad input is a 400 naming the problem, and the stored answers stay unchanged", async () => {
    const { actor, expert } = await consented();
    const good: Array<[string, unknown]> = [
      ["ROLE", { choice: "GOV" }],
      ["TOPICS", { choices: ["T_A", "T_B"] }],
      ["RISK", { value: 5 }],
      ["SHARE", { value: 50 }],
      ["NOTE", { text: "short" }],
    ];
    for (const [item, value] of good) expect(await save(actor, item, value)).toMatchObject({ status: "saved", revision: 1 });
    const response = (await responseOf(expert.expertId))!;
    const snapshot = async () =>
      (await prisma.answer.findMany({ where: { responseId: response.id }, orderBy: { itemCode: "asc" } })).map((a) => ({
        item: a.itemCode,
        value: a.value,
        revision: a.revision,
        mutationId: a.mutationId,
      }));
    const before = await snapshot();
    const mutationsBefore = await prisma.answerMutation.count({ where: { responseId: response.id } });

    const cases: Array<{ name: string; item: string; value: unknown; path: string; message?: string }> = [
      { name: "unknown item", item: "NOPE", value: { text: "x" }, path: "item", message: "unknownItem" },
      { name: "display item", item: "INTRO", value: { text: "x" }, path: "item", message: "unknownItem" },
      { name: "wrong type (string for a single choice)", item: "ROLE", value: "GOV", path: "value" },
      { name: "wrong shape (scale answer for a number item)", item: "SHARE", value: { cannotAssess: true }, path: "value" },
      { name: "wrong type (text for a number)", item: "SHARE", value: { value: "50" }, path: "value.value" },
      { name: "number above max", item: "SHARE", value: { value: 101 }, path: "value.value", message: "outOfRange" },
      { name: "number below min", item: "SHARE", value: { value: -1 }, path: "value.value", message: "outOfRange" },
      { name: "number not an integer", item: "SHARE", value: { value: 1.5 }, path: "value.value", message: "notInteger" },
      { name: "scale above max", item: "RISK", value: { value: 11 }, path: "value.value", message: "outOfRange" },
      { name: "scale below min", item: "RISK", value: { value: 0 }, path: "value.value", message: "outOfRange" },
      { name: "unknown single option", item: "ROLE", value: { choice: "PRESIDENT" }, path: "value.choice", message: "unknownOption" },
      { name: "other text without the other option", item: "ROLE", value: { choice: "GOV", other: "x" }, path: "value.other", message: "otherNotChosen" },
      { name: "unknown multi option", item: "TOPICS", value: { choices: ["T_A", "T_Z"] }, path: "value.choices", message: "unknownOption" },
      { name: "too many selections", item: "TOPICS", value: { choices: ["T_A", "T_B", "T_C"] }, path: "value.choices", message: "tooMany" },
      { name: "exclusive with others", item: "TOPICS", value: { choices: ["T_NONE", "T_A"] }, path: "value.choices", message: "exclusiveWithOthers" },
      { name: "duplicate selections", item: "TOPICS", value: { choices: ["T_A", "T_A"] }, path: "value.choices", message: "duplicateChoice" },
      { name: "oversized text", item: "NOTE", value: { text: "x".repeat(21) }, path: "value.text", message: "tooLong" },
      { name: "unexpected field", item: "NOTE", value: { text: "ok", extra: 1 }, path: "value" },
    ];
    for (const c of cases) {
      const error = await rejection(save(actor, c.item, c.value, 1));
      expect({ name: c.name, status: error.status, code: error.code }).toEqual({ name: c.name, status: 400, code: "bad_request" });
      const issues = issuesOf(error);
      expect(Array.isArray(issues) && issues.length > 0, c.name).toBe(true);
      expect(
        issues.some((i) => i.path === c.path && (c.message === undefined || i.message === c.message)),
        `${c.name}: ${JSON.stringify(issues)}`,
      ).toBe(true);
      if (c.item !== "NOPE" && c.item !== "INTRO") expect(error.message, c.name).toContain(c.item);
    }
    expect(await snapshot()).toEqual(before);
    expect(await prisma.answerMutation.count({ where: { responseId: response.id } })).toBe(mutationsBefore);
  });

  it("an exactly-at-limit answer is accepted (boundaries are inclusive)", async () => {
    const { actor } = await consented();
    expect(await save(actor, "SHARE", { value: 100 })).toMatchObject({ status: "saved" });
    expect(await save(actor, "RISK", { value: 10 })).toMatchObject({ status: "saved" });
    expect(await save(actor, "NOTE", { text: "x".repeat(20) })).toMatchObject({ status: "saved" });
    expect(await save(actor, "TOPICS", { choices: ["T_NONE"] })).toMatchObject({ status: "saved" });
    expect(await save(actor, "ROLE", { choice: "ROLE_OTHER", other: "Consultant" })).toMatchObject({ status: "saved" });
  });

  it("an invalid first save creates no response row", async () => {
    const { actor, expert } = await consented();
    expect((await rejection(save(actor, "SHARE", { value: 1000 }))).status).toBe(400);
    expect(await prisma.response.count({ where: { expertId: expert.expertId } })).toBe(0);
  });
});

describe("responses: isolation between experts", () => {
  it("expert B's saves never touch expert A's answers", async () => {
    const a = await consented();
    const mutationA = randomUUID();
    await save(a.actor, "NOTE", { text: "from A" }, 0, mutationA);
    const rowA = await answerRow(a.expert.expertId, "NOTE");

    const b = await secondExpert(a.study.id);
    expect(await save(b.actor, "NOTE", { text: "from B" }, 0)).toEqual({ status: "saved", revision: 1, replay: false });
    expect(await save(b.actor, "NOTE", { text: "again B" }, 1)).toEqual({ status: "saved", revision: 2, replay: false });
    // Replaying A's mutation id as B is refused, not acknowledged.
    expect((await rejection(save(b.actor, "NOTE", { text: "from A" }, 0, mutationA))).status).toBe(409);

    expect(await answerRow(a.expert.expertId, "NOTE")).toEqual(rowA);
    expect(rowA).toMatchObject({ revision: 1, value: { text: "from A" }, mutationId: mutationA });
    expect(await answerRow(b.expert.expertId, "NOTE")).toMatchObject({ revision: 2, value: { text: "again B" } });
    const [responseA, responseB] = [await responseOf(a.expert.expertId), await responseOf(b.expert.expertId)];
    expect(responseA!.id).not.toBe(responseB!.id);
    expect((await getQuestionnaireState(a.actor)).questionnaire?.answers).toEqual({ NOTE: { value: { text: "from A" }, revision: 1 } });
    expect((await getQuestionnaireState(b.actor)).questionnaire?.answers).toEqual({ NOTE: { value: { text: "again B" }, revision: 2 } });
  });
});

describe("responses: clearing an answer", () => {
  it("stores JSON null with a new revision, and the item then counts as unanswered", async () => {
    const { actor, expert, definition } = await consented();
    await answerRequired(actor);
    expect(await save(actor, "SHARE", null, 1)).toEqual({ status: "saved", revision: 2, replay: false });

    const row = (await answerRow(expert.expertId, "SHARE"))!;
    expect(row.revision).toBe(2);
    expect(row.value).toBeNull();
    const [raw] = await prisma.$queryRaw<Array<{ kind: string | null }>>`
      SELECT jsonb_typeof("value") AS kind FROM "Answer" WHERE "responseId" = ${row.responseId}::uuid AND "itemCode" = 'SHARE'`;
    expect(raw?.kind).toBe("null");

    const state = await getQuestionnaireState(actor);
    expect(state.questionnaire?.answers.SHARE).toEqual({ value: null, revision: 2 });
    const answers: TAnswers = {};
    for (const [code, a] of Object.entries(state.questionnaire!.answers)) if (a.value !== null) answers[code] = a.value;
    expect(answers).not.toHaveProperty("SHARE");
    expect(checkResponse(definition, answers).problems).toEqual([{ item: "SHARE", error: "required" }]);
    expect((await getOwnAnswers(actor)).answers).not.toHaveProperty("SHARE");

    const error = await rejection(submitResponse(actor));
    expect(error.status).toBe(422);
    expect(problemsOf(error)).toEqual([{ item: "SHARE", error: "required" }]);

    // A cleared answer can be answered again from its new revision.
    expect(await save(actor, "SHARE", { value: 5 }, 2)).toEqual({ status: "saved", revision: 3, replay: false });
  });
});

describe("responses: submission", () => {
  it("refuses an incomplete response, naming every failing item", async () => {
    const { actor, expert } = await consented();
    const nothing = await rejection(submitResponse(actor));
    expect({ status: nothing.status, code: nothing.code }).toEqual({ status: 422, code: "incomplete" });
    expect(await prisma.response.count({ where: { expertId: expert.expertId } })).toBe(0);

    await save(actor, "RISK", { value: 4 });
    const first = await rejection(submitResponse(actor));
    expect({ status: first.status, code: first.code }).toEqual({ status: 422, code: "incomplete" });
    // GOV_BODY is hidden while ROLE is unanswered.
    expect(problemsOf(first)).toEqual([
      { item: "ROLE", error: "required" },
      { item: "SHARE", error: "required" },
    ]);

    await save(actor, "ROLE", { choice: "GOV" });
    const second = await rejection(submitResponse(actor));
    expect(problemsOf(second)).toEqual([
      { item: "SHARE", error: "required" },
      { item: "GOV_BODY", error: "required" },
    ]);

    await save(actor, "ROLE", { choice: "ROLE_OTHER" }, 1);
    await save(actor, "SHARE", { value: 0 });
    const third = await rejection(submitResponse(actor));
    expect(problemsOf(third)).toEqual([{ item: "ROLE", error: "otherMissing" }]);

    await save(actor, "GOV_BODY", { text: "   " });
    await save(actor, "ROLE", { choice: "GOV" }, 2);
    const fourth = await rejection(submitResponse(actor));
    expect(problemsOf(fourth)).toEqual([{ item: "GOV_BODY", error: "required" }]);

    expect((await responseOf(expert.expertId))?.status).toBe("IN_PROGRESS");
    expect((await responseOf(expert.expertId))?.submittedAt).toBeNull();
  });

  it("a hidden conditional item is not required, and its stored answer does not block submission", async () => {
    const { actor, expert } = await consented();
    await save(actor, "ROLE", { choice: "GOV" });
    await save(actor, "GOV_BODY", { text: "Ministry" });
    await save(actor, "ROLE", { choice: "ACAD" }, 1);
    await save(actor, "SHARE", { value: 99 });
    const result = await submitResponse(actor);
    expect(result.status).toBe("SUBMITTED");
    expect((await responseOf(expert.expertId))?.status).toBe("SUBMITTED");
  });

  it("submits a complete response once; a second submit is harmless; later saves are refused", async () => {
    const { actor, expert } = await consented();
    const mutationId = randomUUID();
    await save(actor, "ROLE", { choice: "GOV" }, 0, mutationId);
    await save(actor, "GOV_BODY", { text: "Ministry of Energy" });
    await save(actor, "SHARE", { value: 40 });
    await save(actor, "NOTE", { text: "  " });

    const startedAt = new Date();
    const first = await submitResponse(actor);
    expect(first.status).toBe("SUBMITTED");
    expect(first.submittedAt).toBeInstanceOf(Date);
    expect(first.submittedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    const row = (await responseOf(expert.expertId))!;
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt?.getTime()).toBe(first.submittedAt!.getTime());

    const second = await submitResponse(actor);
    expect(second).toEqual({ status: "SUBMITTED", submittedAt: row.submittedAt });
    expect((await responseOf(expert.expertId))?.submittedAt?.getTime()).toBe(row.submittedAt!.getTime());

    const late = await rejection(save(actor, "NOTE", { text: "late" }, 1));
    expect({ status: late.status, code: late.code }).toEqual({ status: 409, code: "submitted" });
    const lateNew = await rejection(save(actor, "RISK", { value: 3 }, 0));
    expect(lateNew.code).toBe("submitted");
    expect(await answerRow(expert.expertId, "NOTE")).toMatchObject({ revision: 1, value: { text: "  " } });
    expect(await answerRow(expert.expertId, "RISK")).toBeNull();
    // A replay of a save acknowledged before submission is still acknowledged.
    expect(await save(actor, "ROLE", { choice: "GOV" }, 0, mutationId)).toEqual({ status: "saved", revision: 1, replay: true });

    const own = await getOwnAnswers(actor);
    expect(own.status).toBe("SUBMITTED");
    expect(own.answers).toEqual({ ROLE: { choice: "GOV" }, GOV_BODY: { text: "Ministry of Energy" }, SHARE: { value: 40 }, NOTE: { text: "  " } });
  });

  it("concurrent submissions of a complete response all succeed with one submittedAt", async () => {
    const { actor, expert } = await consented();
    await answerRequired(actor);
    const results = await Promise.all(Array.from({ length: 4 }, () => submitResponse(actor)));
    const row = (await responseOf(expert.expertId))!;
    for (const r of results) expect(r.submittedAt?.getTime()).toBe(row.submittedAt!.getTime());
  });
});

describe("responses: reopening", () => {
  it("a coordinator reopens a submitted response, audited with before and after; the expert can save again", async () => {
    const { actor, expert } = await consented();
    await answerRequired(actor);
    const submitted = await submitResponse(actor);
    const response = (await responseOf(expert.expertId))!;
    const coord = await coordinator((await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).studyId);

    expect(await reopenResponse(coord, response.id)).toEqual({ status: "IN_PROGRESS" });
    const reopened = await prisma.response.findUniqueOrThrow({ where: { id: response.id } });
    expect(reopened.status).toBe("IN_PROGRESS");
    expect(reopened.submittedAt).toBeNull();

    const audit = await prisma.auditEvent.findMany({ where: { entity: "Response", entityId: response.id, action: "response.reopen" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: coord.userId,
      before: { status: "SUBMITTED", submittedAt: submitted.submittedAt!.toISOString() },
      after: { status: "IN_PROGRESS" },
    });

    expect((await getQuestionnaireState(actor)).questionnaire?.status).toBe("IN_PROGRESS");
    expect(await save(actor, "SHARE", { value: 41 }, 1)).toEqual({ status: "saved", revision: 2, replay: false });
    expect(await save(actor, "NOTE", { text: "added" })).toEqual({ status: "saved", revision: 1, replay: false });
    expect((await submitResponse(actor)).status).toBe("SUBMITTED");
  });

  it("reopening a response that is not submitted is a conflict and writes no audit entry; an unknown id is 404", async () => {
    const { actor, expert } = await consented();
    await save(actor, "RISK", { value: 1 });
    const response = (await responseOf(expert.expertId))!;
    const coord = await coordinator((await prisma.expert.findUniqueOrThrow({ where: { id: expert.expertId } })).studyId);
    expect((await rejection(reopenResponse(coord, response.id))).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: response.id, action: "response.reopen" } })).toBe(0);

    await save(actor, "ROLE", { choice: "ACAD" });
    await save(actor, "SHARE", { value: 1 });
    await submitResponse(actor);
    await reopenResponse(coord, response.id);
    expect((await rejection(reopenResponse(coord, response.id))).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: response.id, action: "response.reopen" } })).toBe(1);

    expect((await rejection(reopenResponse(coord, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});
