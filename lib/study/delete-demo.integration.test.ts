import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { deleteDemoStudy } from "@/lib/study/delete-demo";
import { setStudyStatus } from "@/lib/study/service";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, joinStudy, makeGuide, makeInterview, makeNamedExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const QUESTIONNAIRE = ZQuestionnaire.parse({ kind: "questionnaire", title: t("Q"), sections: [{ code: "S1", title: t("S1"), items: [{ code: "TXT", type: "text", text: t("Text") }] }] });

/** A study (a demo one unless said otherwise) with a published questionnaire and guide, a submitted response, an interview with a quote and a code, a message and a target. */
async function filledStudy(options: { demo?: boolean } = {}) {
  const coordinatorStaff = await makeStaff(prisma, "COORDINATOR");
  const interviewerStaff = await makeStaff(prisma, "INTERVIEWER");
  const study = await makeStudy(prisma, coordinatorStaff, interviewerStaff);
  await prisma.study.update({ where: { id: study.id }, data: { isDemo: options.demo ?? true, targets: { create: { country: "AM", expertGroup: "SCIENTIST", target: 3 } } } });
  const q = await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "Q", definition: QUESTIONNAIRE, actorId: null, publish: true });
  const guide = await makeGuide(prisma, study.id);
  const expert = await makeNamedExpert(prisma, study.id);
  const response = await prisma.response.create({
    data: { expertId: expert.expertId, instrumentId: q.instrumentId, versionId: q.versionId, status: "SUBMITTED", submittedAt: new Date(), optionOrder: {}, answers: { create: { itemCode: "TXT", value: { text: "an answer" }, revision: 1, mutationId: randomUUID() } } },
  });
  const interview = await makeInterview(prisma, { expertId: expert.expertId, interviewerId: interviewerStaff.id, versionId: guide.versionId });
  await prisma.interviewNote.create({ data: { interviewId: interview.id, questionCode: "Q1", text: "a note", revision: 1, mutationId: randomUUID() } });
  const code = await prisma.themeCode.create({ data: { studyId: study.id, code: `C${unique()}`, nameRu: "Код", nameEn: "Code" } });
  const quote = await prisma.quote.create({ data: { interviewId: interview.id, questionCode: "Q1", start: 0, end: 6, text: "a note", codes: { create: { codeId: code.id } } } });
  await prisma.message.create({ data: { studyId: study.id, expertId: expert.expertId, kind: "INVITATION", language: "en", toAddress: expert.email, status: "SENT", transport: "outbox", sentAt: new Date() } });
  const coordinator = await actorFor(prisma, coordinatorStaff.id);
  // An entry the expert made (their consent, say): the log keeps naming their account.
  const auditedExpert = await makeNamedExpert(prisma, study.id);
  await recordAudit(prisma, { actorId: auditedExpert.userId, action: "consent.record", entity: "Expert", entityId: auditedExpert.expertId });
  await recordAudit(prisma, { actorId: coordinator.userId, action: "targets.update", entity: "Study", entityId: study.id });
  return { studyId: study.id, coordinator, interviewer: await actorFor(prisma, interviewerStaff.id), coordinatorStaff, ...q, guide, expert, auditedExpert, responseId: response.id, interviewId: interview.id, quoteId: quote.id };
}

const rowsOf = async (studyId: string) => ({
  study: await prisma.study.count({ where: { id: studyId } }),
  members: await prisma.studyMember.count({ where: { studyId } }),
  experts: await prisma.expert.count({ where: { studyId } }),
  instruments: await prisma.instrument.count({ where: { studyId } }),
  versions: await prisma.instrumentVersion.count({ where: { instrument: { studyId } } }),
  responses: await prisma.response.count({ where: { expert: { studyId } } }),
  interviews: await prisma.interview.count({ where: { expert: { studyId } } }),
  codes: await prisma.themeCode.count({ where: { studyId } }),
  messages: await prisma.message.count({ where: { studyId } }),
  targets: await prisma.cellTarget.count({ where: { studyId } }),
});

describe("deleting the demo study", () => {
  it("removes the study and everything in it in one audited step, and its expert accounts that belong to no other study", async () => {
    const demo = await filledStudy();
    const other = await filledStudy({ demo: false });
    // An expert of the demo who is also on another study's panel keeps their account.
    const shared = await prisma.expert.findUniqueOrThrow({ where: { id: other.expert.expertId }, select: { userId: true } });
    await prisma.expert.create({ data: { studyId: demo.studyId, userId: shared.userId, pseudonym: 99, country: "KZ", expertGroup: "OFFICIAL" } });
    const otherBefore = await rowsOf(other.studyId);
    const entriesBefore = await prisma.auditEvent.count({ where: { studyId: demo.studyId } });
    expect(entriesBefore).toBeGreaterThan(0);

    expect(await deleteDemoStudy(demo.coordinator, demo.studyId)).toEqual({ deleted: true });

    expect(await rowsOf(demo.studyId)).toEqual({ study: 0, members: 0, experts: 0, instruments: 0, versions: 0, responses: 0, interviews: 0, codes: 0, messages: 0, targets: 0 });
    expect(await prisma.answer.count({ where: { responseId: demo.responseId } })).toBe(0);
    expect(await prisma.quote.count({ where: { id: demo.quoteId } })).toBe(0);
    expect(await prisma.user.count({ where: { id: demo.expert.userId } })).toBe(0);
    const kept = await prisma.user.findUniqueOrThrow({ where: { id: demo.auditedExpert.userId } });
    expect(kept).toMatchObject({ name: "Deleted expert", email: `deleted-${kept.id}@deleted.invalid` });
    expect(kept.disabledAt).not.toBeNull();
    expect(await prisma.user.count({ where: { id: shared.userId } })).toBe(1);
    // Staff accounts stay; the other study is untouched; the log keeps every entry.
    expect(await prisma.user.count({ where: { id: { in: [demo.coordinator.userId, demo.interviewer.userId] } } })).toBe(2);
    expect(await rowsOf(other.studyId)).toEqual(otherBefore);
    expect(await prisma.auditEvent.count({ where: { studyId: demo.studyId } })).toBe(entriesBefore);
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { action: "study.delete", entityId: demo.studyId } });
    expect(entry).toMatchObject({ actorId: demo.coordinator.userId, entity: "Study" });
    expect(entry.after).toMatchObject({ experts: 3, responses: 1, interviews: 1, instruments: 2, accountsDeleted: 1, accountsEmptied: 1 });
  });

  it("deletes an archived demo study too", async () => {
    const demo = await filledStudy();
    for (const to of ["FIELDWORK", "CLOSED", "ARCHIVED"] as const) await setStudyStatus(demo.coordinator, demo.studyId, { to });
    await deleteDemoStudy(demo.coordinator, demo.studyId);
    expect((await rowsOf(demo.studyId)).study).toBe(0);
  });

  it("refuses a real study (409), another team's demo (404) and an interviewer (403), and changes nothing", async () => {
    const real = await filledStudy({ demo: false });
    const demo = await filledStudy();
    const interviewerCoordinator = await makeStaff(prisma, "COORDINATOR");
    await joinStudy(prisma, demo.studyId, { id: interviewerCoordinator.id, role: "INTERVIEWER" });
    const before = [await rowsOf(real.studyId), await rowsOf(demo.studyId)];
    expect(await rejection(deleteDemoStudy(real.coordinator, real.studyId))).toMatchObject({ status: 409 });
    expect((await rejection(deleteDemoStudy(real.coordinator, demo.studyId))).status).toBe(404);
    expect((await rejection(deleteDemoStudy(demo.interviewer, demo.studyId))).status).toBe(403);
    expect((await rejection(deleteDemoStudy(await actorFor(prisma, interviewerCoordinator.id), demo.studyId))).status).toBe(404);
    expect([await rowsOf(real.studyId), await rowsOf(demo.studyId)]).toEqual(before);
  });

  it("the database deletes only a demo study, and keeps every other study's published versions whatever the session says", async () => {
    const real = await filledStudy({ demo: false });
    const refused = await prisma.$queryRaw`SELECT "delete_demo_study"(${real.studyId}::uuid)`.then(() => null, (e: unknown) => e);
    expect(String(refused)).toContain("Only a demo study can be deleted.");
    const kept = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('expert_panel.deleting_study', ${real.studyId}, true)`;
        await tx.$executeRaw`DELETE FROM "InstrumentVersion" WHERE "id" = ${real.versionId}::uuid`;
      })
      .then(() => null, (e: unknown) => e);
    expect(String(kept)).toContain("is published and cannot be deleted");
    expect(await prisma.instrumentVersion.count({ where: { id: real.versionId } })).toBe(1);
  });
});
