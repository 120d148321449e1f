import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSummary, setSuppressionK } from "@/lib/aggregates/service";
import { consumeInvitation, issueInvitation } from "@/lib/auth/invitations";
import { createCode, deleteCode, listCodes, updateCode } from "@/lib/codebook/service";
import { db } from "@/lib/db";
import { isArchivedRefusal } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { exportStudyData } from "@/lib/exports/service";
import { errorResponse } from "@/lib/route/handler";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { createInstrument, deleteVersion, exportVersion, importDefinition, openDraft, publishVersion, saveDraft } from "@/lib/instrument/service";
import { copyInstrument } from "@/lib/instrument/start";
import { confirmedText } from "@/lib/i18n/text";
import { cancelInterview, createInterview, finishInterview, getInterview, reopenInterview, saveNote, setNoteCodes } from "@/lib/interviews/service";
import { getTemplates, inviteExperts, listMessages, resendMessage, saveReminderSettings, saveTemplates, setExpertRemindersPaused } from "@/lib/messaging/service";
import { sweepReminders } from "@/lib/messaging/reminders";
import { getMonitor, setTargets } from "@/lib/monitor/service";
import { changeStatus, createExpert, decideVetting, getExpert, importExperts, listExperts, reissueInvitation, updateExpert } from "@/lib/panel/service";
import { CRITERION_KEYS, type TVettingChecklist } from "@/lib/panel/vetting";
import { createQuote, deleteQuote, setQuoteCodes } from "@/lib/quotes/service";
import { reopenResponse, saveAnswer } from "@/lib/responses/service";
import { createStudy, setStudyStatus } from "@/lib/study/service";
import { addMember, removeMember } from "@/lib/study/team";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeGuide, makeInterview, makeNamedExpert, makeStaff, unique } from "@/lib/testing/factories";

/**
 * An archived study is read-only: every write of its data is refused (409 "archived", by the
 * database's triggers whoever writes), every view and export keeps working, and nothing changes.
 */

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const QUESTIONNAIRE = ZQuestionnaire.parse({ kind: "questionnaire", title: t("Q"), sections: [{ code: "S1", title: t("S1"), items: [{ code: "TXT", type: "text", text: t("Text") }] }] });

type TWorld = Awaited<ReturnType<typeof build>>;

/** An expert invited 30 days ago who has not started: due for a reminder while the study runs. */
async function invitedLongAgo(studyId: string) {
  const e = await makeNamedExpert(prisma, studyId);
  await prisma.expert.update({ where: { id: e.expertId }, data: { status: "INVITED", invitedAt: new Date(Date.now() - 30 * 86_400_000) } });
}
const sweep = (studyId: string) => sweepReminders(prisma, async () => undefined, new Date(), { studyId });

/** A study with a bit of everything, moved along to `status`. */
async function build(status: "CLOSED" | "ARCHIVED") {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const coordinator = await actorFor(prisma, staff.id);
  const interviewerStaff = await makeStaff(prisma, "INTERVIEWER");
  const spare = await makeStaff(prisma, "INTERVIEWER");
  const { id: studyId } = await createStudy(coordinator, { titleEn: `Archive ${unique()}`, consentEn: "I agree.", cells: [{ country: "AM", expertGroup: "SCIENTIST", target: 2 }] });
  await addMember(coordinator, studyId, { email: interviewerStaff.email, role: "INTERVIEWER" });
  const q = await createInstrumentWith(prisma, { studyId, kind: "questionnaire", name: "Q", definition: QUESTIONNAIRE, actorId: null, publish: true });
  const draft = await prisma.instrumentVersion.create({ data: { instrumentId: q.instrumentId, number: 2, content: QUESTIONNAIRE as object } });
  const guide = await makeGuide(prisma, studyId);
  const expert = await makeNamedExpert(prisma, studyId);
  const vetted = await makeNamedExpert(prisma, studyId);
  await prisma.expert.update({ where: { id: expert.expertId }, data: { status: "COMPLETED", invitedAt: new Date() } });
  await prisma.expert.update({ where: { id: vetted.expertId }, data: { status: "VETTED" } });
  const response = await prisma.response.create({
    data: { expertId: expert.expertId, instrumentId: q.instrumentId, versionId: q.versionId, status: "SUBMITTED", submittedAt: new Date(), optionOrder: {}, answers: { create: { itemCode: "TXT", value: { text: "kept answer" }, revision: 1, mutationId: randomUUID() } } },
  });
  const interview = await makeInterview(prisma, { expertId: expert.expertId, interviewerId: interviewerStaff.id, versionId: guide.versionId });
  await prisma.interview.update({ where: { id: interview.id }, data: { status: "IN_PROGRESS", consentAt: new Date(), startedAt: new Date() } });
  await prisma.interviewNote.create({ data: { interviewId: interview.id, questionCode: "Q1", text: "a note", revision: 1, mutationId: randomUUID() } });
  const quote = await prisma.quote.create({ data: { interviewId: interview.id, questionCode: "Q1", start: 0, end: 6, text: "a note" } });
  const code = await prisma.themeCode.create({ data: { studyId, code: `C${unique()}`, nameRu: "Код", nameEn: "Code" } });
  const message = await prisma.message.create({ data: { studyId, expertId: expert.expertId, kind: "INVITATION", language: "en", toAddress: expert.email, status: "SENT", transport: "outbox", sentAt: new Date() } });
  const { token } = await issueInvitation(prisma, { expertId: vetted.expertId, issuedById: null, ttlDays: 14 });
  await invitedLongAgo(studyId);
  for (const to of ["FIELDWORK", "CLOSED", "ARCHIVED"] as const) {
    await setStudyStatus(coordinator, studyId, { to });
    if (to === status) break;
  }
  return {
    studyId,
    coordinator,
    interviewer: await actorFor(prisma, interviewerStaff.id),
    interviewerEmail: interviewerStaff.email,
    spareEmail: spare.email,
    ...q,
    draftId: draft.id,
    guideVersionId: guide.versionId,
    guideInstrumentId: guide.instrumentId,
    expert,
    vetted,
    token,
    responseId: response.id,
    interviewId: interview.id,
    quoteId: quote.id,
    codeId: code.id,
    messageId: message.id,
  };
}

/** Everything the study holds, to compare before and after. */
const snapshotOf = async (w: TWorld) => ({
  study: await prisma.study.findUniqueOrThrow({ where: { id: w.studyId }, include: { members: true, targets: true } }),
  experts: await prisma.expert.findMany({ where: { studyId: w.studyId }, orderBy: { id: "asc" } }),
  instruments: await prisma.instrument.findMany({ where: { studyId: w.studyId }, include: { versions: true }, orderBy: { id: "asc" } }),
  interviews: await prisma.interview.findMany({ where: { expert: { studyId: w.studyId } }, include: { notes: true, quotes: { include: { codes: true } } }, orderBy: { id: "asc" } }),
  responses: await prisma.response.findMany({ where: { expert: { studyId: w.studyId } }, orderBy: { id: "asc" } }),
  codes: await prisma.themeCode.findMany({ where: { studyId: w.studyId }, orderBy: { id: "asc" } }),
  messages: await prisma.message.findMany({ where: { studyId: w.studyId }, orderBy: { id: "asc" } }),
  templates: await prisma.messageTemplate.findMany({ where: { studyId: w.studyId } }),
  tokens: await prisma.invitationToken.count({ where: { expert: { studyId: w.studyId } } }),
});

const expertFields = { name: "Late", email: `late-${unique()}@it.test`, country: "KZ" as const, expertGroup: "OFFICIAL" as const, language: "en" as const, organisation: "", position: "", degree: "", publications: null, experienceYears: null, leadershipRole: "", notes: "", track: "QUESTIONNAIRE" as const };
const checklist = Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met: true, note: "" }])) as TVettingChecklist;

let w: TWorld;
beforeAll(async () => {
  w = await build("ARCHIVED");
});

describe("an archived study is read-only", () => {
  it("refuses every write of its data with 409 'archived', and nothing changes", async () => {
    const { coordinator: c, interviewer: i } = w;
    const templates = await getTemplates(c, w.studyId);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["createExpert", () => createExpert(c, { ...expertFields, studyId: w.studyId })],
      ["updateExpert", () => updateExpert(c, w.vetted.expertId, { ...expertFields, email: w.vetted.email })],
      ["decideVetting", () => decideVetting(c, w.vetted.expertId, { checklist, decision: "REJECTED" })],
      ["changeStatus", () => changeStatus(c, w.expert.expertId, "withdraw")],
      ["importExperts", () => importExperts(c, { studyId: w.studyId, csv: `name,email,country,group\nX,x-${unique()}@it.test,KZ,official\n`, commit: true })],
      ["reissueInvitation", () => reissueInvitation(c, w.vetted.expertId)],
      ["createInstrument", () => createInstrument(c, { studyId: w.studyId, kind: "guide", name: `X ${unique()}` })],
      ["copyInstrument", () => copyInstrument(c, { studyId: w.studyId, sourceInstrumentId: w.instrumentId, name: `X ${unique()}` })],
      ["saveDraft", () => saveDraft(c, w.draftId, QUESTIONNAIRE)],
      ["publishVersion", () => publishVersion(c, w.draftId)],
      ["deleteVersion", () => deleteVersion(c, w.draftId)],
      ["importDefinition", () => importDefinition(c, w.instrumentId, QUESTIONNAIRE)],
      ["openDraft", () => openDraft(c, w.guideInstrumentId)],
      ["createInterview", () => createInterview(c, { expertId: w.vetted.expertId, interviewerId: i.userId, versionId: w.guideVersionId, plannedAt: "2031-01-01T10:00:00Z", mode: "PHONE" })],
      ["cancelInterview", () => cancelInterview(c, w.interviewId)],
      ["finishInterview", () => finishInterview(i, w.interviewId)],
      ["saveNote", () => saveNote(i, w.interviewId, { mutationId: randomUUID(), questionCode: "Q1", baseRevision: 1, text: "changed", probesAsked: [], skipped: false })],
      ["setNoteCodes", () => setNoteCodes(i, w.interviewId, "Q1", { codeIds: [w.codeId] })],
      ["createQuote", () => createQuote(i, w.interviewId, { questionCode: "Q1", start: 0, end: 1, text: "a" })],
      ["deleteQuote", () => deleteQuote(i, w.quoteId)],
      ["setQuoteCodes", () => setQuoteCodes(i, w.quoteId, { codeIds: [w.codeId] })],
      ["createCode", () => createCode(c, w.studyId, { code: `X${unique()}`, nameRu: "Х", nameEn: "X" })],
      ["updateCode", () => updateCode(c, w.codeId, { nameEn: "Renamed" })],
      ["deleteCode", () => deleteCode(c, w.codeId)],
      ["setTargets", () => setTargets(c, w.studyId, { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 3 }] })],
      ["setSuppressionK", () => setSuppressionK(c, w.studyId, 7)],
      ["inviteExperts", () => inviteExperts(c, { studyId: w.studyId, expertIds: [w.vetted.expertId] })],
      ["resendMessage", () => resendMessage(c, w.messageId)],
      ["saveTemplates", () => saveTemplates(c, w.studyId, { templates: templates.map((tpl) => ({ kind: tpl.kind, language: tpl.language, body: tpl.body, subject: `${tpl.subject} (changed)` })) })],
      ["saveReminderSettings", () => saveReminderSettings(c, w.studyId, { remindNotStartedDays: [1], remindNotFinishedDays: [1], remindersPaused: true })],
      ["setExpertRemindersPaused", () => setExpertRemindersPaused(c, w.expert.expertId, true)],
      ["reopenResponse", () => reopenResponse(c, w.responseId)],
      ["addMember", () => addMember(c, w.studyId, { email: w.spareEmail, role: "INTERVIEWER" })],
      ["removeMember", () => removeMember(c, w.studyId, w.interviewer.userId)],
      ["setStudyStatus", () => setStudyStatus(c, w.studyId, { to: "FIELDWORK" })],
    ];
    const before = await snapshotOf(w);
    for (const [name, call] of calls) {
      let error: unknown = null;
      await call().catch((e: unknown) => (error = e));
      const refused = isArchivedRefusal(error) || (error instanceof AppError && error.status === 409);
      expect(refused, `${name}: ${String(error)}`).toBe(true);
      const body = (await errorResponse(error).json()) as { error: { code: string; message: string } };
      expect(errorResponse(error).status, name).toBe(409);
      if (isArchivedRefusal(error)) expect(body.error, name).toEqual({ code: "archived", message: "This study is archived: it can be viewed but not changed." });
    }
    expect(await snapshotOf(w)).toEqual(before);
  });

  it("refuses the same writes made straight in SQL; a reopened interview is refused too", async () => {
    const before = await snapshotOf(w);
    for (const statement of [
      prisma.$executeRaw`UPDATE "Study" SET "suppressionK" = 9 WHERE "id" = ${w.studyId}::uuid`,
      prisma.$executeRaw`DELETE FROM "Study" WHERE "id" = ${w.studyId}::uuid`,
      prisma.$executeRaw`UPDATE "Expert" SET "notes" = 'x' WHERE "id" = ${w.expert.expertId}::uuid`,
      prisma.$executeRaw`DELETE FROM "Quote" WHERE "id" = ${w.quoteId}::uuid`,
      prisma.$executeRaw`UPDATE "Response" SET "status" = 'IN_PROGRESS' WHERE "id" = ${w.responseId}::uuid`,
    ]) {
      const error = await statement.then(() => null, (e: unknown) => e);
      expect(isArchivedRefusal(error), String(error)).toBe(true);
    }
    expect((await rejection(reopenInterview(w.coordinator, w.interviewId))).status).toBe(409);
    expect(await snapshotOf(w)).toEqual(before);
  });

  it("keeps every view and export working, and an expert can still use a link (and is told the study is closed)", async () => {
    const c = w.coordinator;
    expect((await listExperts(c, { studyId: w.studyId, sort: "pseudonym", dir: "asc" })).experts).toHaveLength(3);
    expect((await getExpert(c, w.expert.expertId)).id).toBe(w.expert.expertId);
    expect((await getMonitor(c, w.studyId)).overall.stages.at(-1)?.count).toBe(1);
    expect((await getSummary(c, w.studyId, { includeInProgress: true }, "en")).items.map((it) => it.code)).toContain("TXT");
    expect((await listMessages(c, w.studyId)).length).toBe(1);
    expect((await listCodes(c, w.studyId)).codes).toHaveLength(1);
    expect((await getInterview(c, w.interviewId)).id).toBe(w.interviewId);
    expect((await exportVersion(c, w.versionId)).definition).toBeTruthy();
    const wide = await exportStudyData(c, w.studyId, "wide.csv", "en");
    expect(wide).toBeTruthy();

    const used = await prisma.$transaction((tx) => consumeInvitation(tx, w.token, new Date()));
    expect(used.ok).toBe(true);
    expect((await prisma.expert.findUniqueOrThrow({ where: { id: w.vetted.expertId } })).linkOpenedAt).not.toBeNull();
    const expertActor = await actorFor(prisma, w.vetted.userId);
    const refused = await rejection(saveAnswer(expertActor, { mutationId: randomUUID(), itemCode: "TXT", baseRevision: 0, value: { text: "late" } } as never));
    expect(refused).toMatchObject({ status: 409, code: "study_closed" });
  });

  it("gets no reminders (nor does a closed study), while a study in fieldwork does", async () => {
    expect(await sweep(w.studyId)).toEqual([]);
    const running = await createStudy(w.coordinator, { titleEn: `Running ${unique()}`, consentEn: "I agree." });
    await setStudyStatus(w.coordinator, running.id, { to: "FIELDWORK" });
    await invitedLongAgo(running.id);
    expect(await sweep(running.id)).toHaveLength(1);
  });
});

describe("a closed study", () => {
  it("takes no answers but still takes changes from its team", async () => {
    const closed = await build("CLOSED");
    const expertActor = await actorFor(prisma, closed.vetted.userId);
    const refused = await rejection(saveAnswer(expertActor, { mutationId: randomUUID(), itemCode: "TXT", baseRevision: 0, value: { text: "late" } } as never));
    expect(refused).toMatchObject({ status: 409, code: "study_closed" });
    expect(await sweep(closed.studyId)).toEqual([]);
    await createCode(closed.coordinator, closed.studyId, { code: `OK${unique()}`, nameRu: "Код", nameEn: "Code" });
    expect(await prisma.themeCode.count({ where: { studyId: closed.studyId } })).toBe(2);
  });
});
