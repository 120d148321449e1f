import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/monitor/audit-log";
import { db } from "@/lib/db";
import { exportStudyData } from "@/lib/exports/service";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { getMonitor } from "@/lib/monitor/service";
import { getQuestionnaireState, recordConsent, saveAnswer, submitResponse } from "@/lib/responses/service";
import { createStudy, getStudySettings, listStudies, setStudyStatus } from "@/lib/study/service";
import { addMember, listMembers, removeMember } from "@/lib/study/team";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeExpert, makeStaff } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const coordinator = async () => {
  const staff = await makeStaff(prisma, "COORDINATOR");
  return { staff, actor: await actorFor(prisma, staff.id) };
};

const NEW_STUDY = {
  titleRu: "Трансграничное сотрудничество",
  titleEn: "",
  descriptionRu: "Второе исследование",
  consentRu: "Я согласен участвовать.",
  cells: [
    { country: "KZ" as const, expertGroup: "OFFICIAL" as const, target: 4 },
    { country: "AM" as const, expertGroup: "SCIENTIST" as const, target: 0 },
  ],
  suppressionK: 5,
  percentDecimals: 2,
  invitationTtlDays: 21,
  fieldworkStart: "2027-02-01",
  fieldworkEnd: "2027-04-30",
};

describe("creating a study", () => {
  it("a coordinator creates a draft study with its settings and cells, becomes its coordinator, and it is audited", async () => {
    const { actor } = await coordinator();
    const { id } = await createStudy(actor, NEW_STUDY);
    const study = await getStudySettings(actor, id);
    expect(study).toMatchObject({
      status: "DRAFT",
      titleRu: NEW_STUDY.titleRu,
      titleEn: NEW_STUDY.titleRu, // shown in both languages when given in one
      descriptionEn: NEW_STUDY.descriptionRu,
      languages: ["ru"],
      consentVersion: 1,
      suppressionK: 5,
      percentDecimals: 2,
      invitationTtlDays: 21,
      fieldworkStart: new Date("2027-02-01T00:00:00Z"),
      fieldworkEnd: new Date("2027-04-30T00:00:00Z"),
      targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 4 }],
    });
    expect((await prisma.study.findUniqueOrThrow({ where: { id } })).consentText).toMatchObject({ ru: NEW_STUDY.consentRu, en: "", source: "ru" });
    expect(await listMembers(actor, id)).toEqual([expect.objectContaining({ userId: actor.userId, role: "COORDINATOR" })]);
    expect((await listStudies(actor)).map((s) => s.id)).toEqual([id]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "study.create", entityId: id } });
    expect(audit).toMatchObject({ actorId: actor.userId, studyId: id, after: expect.objectContaining({ suppressionK: 5, percentDecimals: 2, languages: ["ru"] }) });
  });

  it("refuses a study without a title, a language without its consent text, or fieldwork ending before it starts (400, nothing written)", async () => {
    const { actor } = await coordinator();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["no title", { titleRu: "", titleEn: "" }, "titleRu"],
      ["no consent for English", { titleEn: "Title", consentEn: "" }, "consentEn"],
      ["end before start", { fieldworkStart: "2027-05-01", fieldworkEnd: "2027-04-30" }, "fieldworkEnd"],
      ["k of 0", { suppressionK: 0 }, "suppressionK"],
      ["three decimals", { percentDecimals: 3 }, "percentDecimals"],
      ["an unknown country", { cells: [{ country: "FR", expertGroup: "OFFICIAL", target: 1 }] }, "cells.0.country"],
      ["a cell twice", { cells: [NEW_STUDY.cells[0], NEW_STUDY.cells[0]] }, "cells"],
    ];
    for (const [name, change, path] of cases) {
      const error = await rejection(createStudy(actor, { ...NEW_STUDY, ...change } as typeof NEW_STUDY));
      expect({ name, status: error.status, paths: (error.details as Array<{ path: string }>).map((d) => d.path) }).toEqual({ name, status: 400, paths: expect.arrayContaining([path]) });
    }
    expect(await listStudies(actor)).toEqual([]);
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(createStudy(interviewer, NEW_STUDY))).status).toBe(403);
  });
});

describe("a study's team", () => {
  it("coordinators add existing staff accounts by e-mail in their role and remove them, audited; the last coordinator stays", async () => {
    const { actor } = await coordinator();
    const { id } = await createStudy(actor, NEW_STUDY);
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    const second = await makeStaff(prisma, "COORDINATOR");

    expect(await addMember(actor, id, { email: interviewer.email.toUpperCase(), role: "INTERVIEWER" })).toEqual({ userId: interviewer.id, role: "INTERVIEWER" });
    expect((await rejection(addMember(actor, id, { email: interviewer.email, role: "INTERVIEWER" }))).status).toBe(409);
    // An interviewer's account never coordinates (a coordinator's account may interview: lib/study/two-roles.integration.test.ts).
    const wrongRole = await rejection(addMember(actor, id, { email: interviewer.email, role: "COORDINATOR" }));
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.message).toContain("interviewer");
    const expert = await makeExpert(prisma, id);
    const expertEmail = (await prisma.user.findUniqueOrThrow({ where: { id: expert.userId } })).email;
    for (const email of [`nobody-${randomUUID()}@it.test`, expertEmail]) expect((await rejection(addMember(actor, id, { email, role: "COORDINATOR" }))).status).toBe(400);
    await addMember(actor, id, { email: second.email, role: "COORDINATOR" });
    expect((await listMembers(actor, id)).map((m) => [m.userId, m.role])).toEqual(
      expect.arrayContaining([
        [actor.userId, "COORDINATOR"],
        [second.id, "COORDINATOR"],
        [interviewer.id, "INTERVIEWER"],
      ]),
    );

    // The added coordinator now sees the study; removed, they no longer do.
    const secondActor = await actorFor(prisma, second.id);
    expect((await listStudies(secondActor)).map((s) => s.id)).toEqual([id]);
    await removeMember(actor, id, second.id);
    expect(await listStudies(secondActor)).toEqual([]);
    expect((await rejection(getMonitor(secondActor, id))).status).toBe(404);

    const last = await rejection(removeMember(actor, id, actor.userId));
    expect(last.status).toBe(409);
    const actions = (await listAuditEvents(actor, { action: "study.member" })).rows.map((r) => r.action);
    expect(actions).toEqual(["study.member.remove", "study.member.add", "study.member.add"]);

    // A coordinator who is not on the team cannot see or change it.
    const { actor: outsider } = await coordinator();
    for (const call of [() => listMembers(outsider, id), () => addMember(outsider, id, { email: second.email, role: "COORDINATOR" }), () => removeMember(outsider, id, interviewer.id)]) {
      expect((await rejection(call())).status).toBe(404);
    }
  });
});

describe("a study's lifecycle", () => {
  const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
  const QUESTIONNAIRE = ZQuestionnaire.parse({ kind: "questionnaire", title: t("Q"), sections: [{ code: "S1", title: t("S"), items: [{ code: "TXT", type: "text", text: t("T") }] }] });

  it("moves draft -> fieldwork -> closed -> archived one step at a time, each audited; a closed study takes no answers and keeps its views and exports", async () => {
    const { actor } = await coordinator();
    const { id } = await createStudy(actor, { ...NEW_STUDY, titleEn: "Lifecycle", consentEn: "I agree." });
    await createInstrumentWith(prisma, { studyId: id, kind: "questionnaire", name: "Q", definition: QUESTIONNAIRE, actorId: null, publish: true });
    const early = await actorFor(prisma, (await makeExpert(prisma, id)).userId);
    const late = await actorFor(prisma, (await makeExpert(prisma, id)).userId);
    const consent = { decision: "ACCEPTED" as const, textVersion: 1, language: "en" as const };
    await recordConsent(early, consent);
    const versionId = (await getQuestionnaireState(early)).questionnaire!.versionId;
    const save = (who: typeof early, text: string) => saveAnswer(who, { mutationId: randomUUID(), versionId, item: "TXT", baseRevision: 0, value: { text } });
    expect((await save(early, "in draft")).status).toBe("saved");

    expect((await rejection(setStudyStatus(actor, id, { to: "CLOSED" }))).status).toBe(409);
    expect(await setStudyStatus(actor, id, { to: "FIELDWORK" })).toEqual({ status: "FIELDWORK" });
    expect((await rejection(setStudyStatus(actor, id, { to: "FIELDWORK" }))).status).toBe(409);
    expect(await setStudyStatus(actor, id, { to: "CLOSED" })).toEqual({ status: "CLOSED" });

    // Closed: no consent, no answer, no submission, each a clear 409; the page knows.
    for (const [name, call] of [
      ["consent", () => recordConsent(late, consent)],
      ["save", () => saveAnswer(early, { mutationId: randomUUID(), versionId, item: "TXT", baseRevision: 1, value: { text: "too late" } })],
      ["submit", () => submitResponse(early)],
    ] as Array<[string, () => Promise<unknown>]>) {
      const error = await rejection(call());
      expect({ name, status: error.status, code: error.code }).toEqual({ name, status: 409, code: "study_closed" });
    }
    expect((await getQuestionnaireState(early)).closed).toBe(true);
    const stored = await prisma.answer.findFirstOrThrow({ where: { response: { expert: { studyId: id } } } });
    expect(stored.value).toEqual({ text: "in draft" });
    expect(await prisma.consent.count({ where: { expert: { userId: late.userId } } })).toBe(0);
    // Every view and export stays.
    expect((await getMonitor(actor, id)).overall.stages.length).toBeGreaterThan(0);
    const file = await exportStudyData(actor, id, "long.csv", "en");
    expect(Buffer.from(await new Response(file.body).arrayBuffer()).toString("utf8")).toContain("in draft");

    // Archived: still viewable, its team no longer changes, and no further step.
    expect(await setStudyStatus(actor, id, { to: "ARCHIVED" })).toEqual({ status: "ARCHIVED" });
    expect((await listStudies(actor)).find((s) => s.id === id)?.status).toBe("ARCHIVED");
    expect((await getMonitor(actor, id)).studyId).toBe(id);
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    expect((await rejection(addMember(actor, id, { email: interviewer.email, role: "INTERVIEWER" }))).code).toBe("archived");
    expect((await rejection(setStudyStatus(actor, id, { to: "ARCHIVED" }))).status).toBe(409);

    const transitions = await prisma.auditEvent.findMany({ where: { action: "study.status", entityId: id }, orderBy: { id: "asc" }, select: { actorId: true, before: true, after: true } });
    expect(transitions).toEqual([
      { actorId: actor.userId, before: { status: "DRAFT" }, after: { status: "FIELDWORK" } },
      { actorId: actor.userId, before: { status: "FIELDWORK" }, after: { status: "CLOSED" } },
      { actorId: actor.userId, before: { status: "CLOSED" }, after: { status: "ARCHIVED" } },
    ]);
    // Another team cannot move it.
    const { actor: outsider } = await coordinator();
    expect((await rejection(setStudyStatus(outsider, id, { to: "ARCHIVED" }))).status).toBe(404);
  });
});
