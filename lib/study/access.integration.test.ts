import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPercentDecimals, getSummary, listTexts, setPercentDecimals, setSuppressionK } from "@/lib/aggregates/service";
import { listAuditEvents } from "@/lib/monitor/audit-log";
import type { TActor } from "@/lib/auth/sessions";
import { createCode, deleteCode, listCodes, updateCode } from "@/lib/codebook/service";
import { db } from "@/lib/db";
import { exportStudyData } from "@/lib/exports/service";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { createInstrument, deleteVersion, exportVersion, getVersion, importDefinition, listInstruments, openDraft, publishVersion, saveDraft } from "@/lib/instrument/service";
import { copyInstrument, importInstrument } from "@/lib/instrument/start";
import { confirmedText } from "@/lib/i18n/text";
import { cancelInterview, createInterview, getInterview, listInterviews, listOwnInterviews, reopenInterview, saveNote, setNoteCodes } from "@/lib/interviews/service";
import { expertMessages, getMessage, getReminderSettings, getTemplates, inviteExperts, invitableExperts, listMessages, resendMessage, saveReminderSettings, setExpertRemindersPaused } from "@/lib/messaging/service";
import { getMonitor, setTargets } from "@/lib/monitor/service";
import { changeStatus, createExpert, decideVetting, getExpert, importExperts, listExperts, listPanel, reissueInvitation, updateExpert } from "@/lib/panel/service";
import { createQuote, deleteQuote, exportQuotes, listQuotes, setQuoteCodes } from "@/lib/quotes/service";
import { CRITERION_KEYS, type TVettingChecklist } from "@/lib/panel/vetting";
import { getExpertRecord } from "@/lib/responses/record";
import { reopenResponse } from "@/lib/responses/service";
import { getStudyDashboard } from "@/lib/monitor/dashboard";
import { getStudy, listStudies, listStudyInterviewers } from "@/lib/study/service";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeGuide, makeInterview, makeNamedExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

/**
 * Two studies, two teams. Everything of study B must be out of reach of team A, through every
 * function of the data layer: objects are "not found" (404), lists leave them out, nothing is
 * written. The interviewer of team A also has an interview in study B (as if they had left B's
 * team): being its interviewer is not enough.
 */

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const QUESTIONNAIRE = ZQuestionnaire.parse({
  kind: "questionnaire",
  title: t("Q"),
  sections: [{ code: "S1", title: t("S1"), items: [{ code: "TXT", type: "text", text: t("Text") }] }],
});

type TSide = Awaited<ReturnType<typeof buildStudy>>;

/** A study with its team (a coordinator and an interviewer), a questionnaire answered by one expert, a guide, an interview with a note and a quote, a code and a message. */
async function buildStudy(tag: string, interviewerId?: string) {
  const coordinatorStaff = await makeStaff(prisma, "COORDINATOR");
  const interviewerStaff = await makeStaff(prisma, "INTERVIEWER");
  const study = await makeStudy(prisma, coordinatorStaff, interviewerStaff);
  await prisma.study.update({ where: { id: study.id }, data: { titleEn: `Study ${tag}`, titleRu: `Исследование ${tag}` } });
  const q = await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "Q", definition: QUESTIONNAIRE, actorId: null, publish: true });
  const guide = await makeGuide(prisma, study.id);
  const expert = await makeNamedExpert(prisma, study.id);
  await prisma.expert.update({ where: { id: expert.expertId }, data: { status: "COMPLETED", invitedAt: new Date() } });
  const answer = `answer of study ${tag}`;
  const response = await prisma.response.create({
    data: {
      expertId: expert.expertId,
      instrumentId: q.instrumentId,
      versionId: q.versionId,
      status: "SUBMITTED",
      submittedAt: new Date(),
      optionOrder: {},
      answers: { create: { itemCode: "TXT", value: { text: answer }, revision: 1, mutationId: randomUUID() } },
    },
  });
  const note = `note of study ${tag}`;
  const interview = await makeInterview(prisma, { expertId: expert.expertId, interviewerId: interviewerId ?? interviewerStaff.id, versionId: guide.versionId });
  await prisma.interview.update({ where: { id: interview.id }, data: { status: "IN_PROGRESS", consentAt: new Date(), startedAt: new Date() } });
  await prisma.interviewNote.create({ data: { interviewId: interview.id, questionCode: "Q1", text: note, revision: 1, mutationId: randomUUID() } });
  const quote = await prisma.quote.create({ data: { interviewId: interview.id, questionCode: "Q1", start: 0, end: note.length, text: note } });
  const code = await prisma.themeCode.create({ data: { studyId: study.id, code: `C${unique()}`, nameRu: "Код", nameEn: "Code" } });
  const message = await prisma.message.create({
    data: { studyId: study.id, expertId: expert.expertId, kind: "INVITATION", language: "en", toAddress: expert.email, status: "SENT", transport: "outbox", sentAt: new Date() },
  });
  return {
    studyId: study.id,
    title: `Study ${tag}`,
    coordinator: await actorFor(prisma, coordinatorStaff.id),
    interviewer: await actorFor(prisma, interviewerStaff.id),
    instrumentId: q.instrumentId,
    versionId: q.versionId,
    guideVersionId: guide.versionId,
    expert,
    responseId: response.id,
    interviewId: interview.id,
    quoteId: quote.id,
    codeId: code.id,
    messageId: message.id,
    secrets: [answer, note, expert.name, expert.email, `Study ${tag}`],
  };
}

let a: TSide;
let b: TSide;

beforeAll(async () => {
  a = await buildStudy(`A ${unique()}`);
  // Study B's interview is conducted by team A's interviewer, who is not on B's team.
  b = await buildStudy(`B ${unique()}`, (await prisma.studyMember.findFirstOrThrow({ where: { studyId: a.studyId, role: "INTERVIEWER" } })).userId);
});

/** What study B holds, to compare before and after team A's attempts. */
const snapshotOf = async (side: TSide) => ({
  study: await prisma.study.findUniqueOrThrow({ where: { id: side.studyId } }),
  experts: await prisma.expert.findMany({ where: { studyId: side.studyId }, orderBy: { id: "asc" } }),
  versions: await prisma.instrumentVersion.findMany({ where: { instrument: { studyId: side.studyId } }, orderBy: { id: "asc" } }),
  interviews: await prisma.interview.findMany({ where: { expert: { studyId: side.studyId } }, include: { notes: true, quotes: { include: { codes: true } } }, orderBy: { id: "asc" } }),
  responses: await prisma.response.findMany({ where: { expert: { studyId: side.studyId } }, orderBy: { id: "asc" } }),
  codes: await prisma.themeCode.findMany({ where: { studyId: side.studyId }, orderBy: { id: "asc" } }),
  messages: await prisma.message.count({ where: { studyId: side.studyId } }),
  targets: await prisma.cellTarget.count({ where: { studyId: side.studyId } }),
  templates: await prisma.messageTemplate.count({ where: { studyId: side.studyId } }),
});

const expertFields = { name: "Intruder", email: `intruder-${unique()}@it.test`, country: "KZ" as const, expertGroup: "OFFICIAL" as const, language: "en" as const, organisation: "", position: "", degree: "", publications: null, experienceYears: null, leadershipRole: "", notes: "", track: "QUESTIONNAIRE" as const };
const ALL = { includeInProgress: true };

/** Every data-layer function that names an object or the study of B, as team A's coordinator. */
function coordinatorCalls(actor: TActor, other: TSide): Array<[string, () => Promise<unknown>]> {
  return [
    ["getStudy", () => getStudy(actor, other.studyId)],
    ["listExperts", () => listExperts(actor, { studyId: other.studyId, sort: "pseudonym", dir: "asc" })],
    ["getExpert", () => getExpert(actor, other.expert.expertId)],
    ["createExpert", () => createExpert(actor, { ...expertFields, studyId: other.studyId })],
    ["updateExpert", () => updateExpert(actor, other.expert.expertId, expertFields)],
    ["decideVetting", () => decideVetting(actor, other.expert.expertId, { checklist: Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met: true, note: "" }])) as TVettingChecklist, decision: "VETTED" })],
    ["changeStatus", () => changeStatus(actor, other.expert.expertId, "withdraw")],
    ["importExperts", () => importExperts(actor, { studyId: other.studyId, csv: `name,email,country,group\nX,x-${unique()}@it.test,KZ,official\n`, commit: true })],
    ["reissueInvitation", () => reissueInvitation(actor, other.expert.expertId)],
    ["getVersion", () => getVersion(actor, other.versionId)],
    ["exportVersion", () => exportVersion(actor, other.versionId)],
    ["createInstrument", () => createInstrument(actor, { studyId: other.studyId, kind: "guide", name: `X ${unique()}` })],
    ["saveDraft", () => saveDraft(actor, other.versionId, QUESTIONNAIRE)],
    ["publishVersion", () => publishVersion(actor, other.versionId)],
    ["openDraft", () => openDraft(actor, other.instrumentId)],
    ["deleteVersion", () => deleteVersion(actor, other.versionId)],
    ["importDefinition", () => importDefinition(actor, other.instrumentId, QUESTIONNAIRE)],
    ["importInstrument", () => importInstrument(actor, { studyId: other.studyId, name: `X ${unique()}`, file: { format: "expert-panel/instrument", formatVersion: 1, definition: QUESTIONNAIRE } })],
    ["copyInstrument", () => copyInstrument(actor, { studyId: other.studyId, sourceInstrumentId: other.instrumentId, name: `X ${unique()}` })],
    ["getStudyDashboard", () => getStudyDashboard(actor, other.studyId)],
    ["createInterview", () => createInterview(actor, { expertId: other.expert.expertId, interviewerId: other.interviewer.userId, versionId: other.guideVersionId, plannedAt: "2031-01-01T10:00:00Z", mode: "PHONE" })],
    ["getInterview", () => getInterview(actor, other.interviewId)],
    ["cancelInterview", () => cancelInterview(actor, other.interviewId)],
    ["reopenInterview", () => reopenInterview(actor, other.interviewId)],
    ["setNoteCodes", () => setNoteCodes(actor, other.interviewId, "Q1", { codeIds: [] })],
    ["createQuote", () => createQuote(actor, other.interviewId, { questionCode: "Q1", start: 0, end: 4, text: "note" })],
    ["deleteQuote", () => deleteQuote(actor, other.quoteId)],
    ["setQuoteCodes", () => setQuoteCodes(actor, other.quoteId, { codeIds: [] })],
    ["listCodes", () => listCodes(actor, other.studyId)],
    ["createCode", () => createCode(actor, other.studyId, { code: `X${unique()}`, nameRu: "Х", nameEn: "X" })],
    ["updateCode", () => updateCode(actor, other.codeId, { nameEn: "Renamed" })],
    ["deleteCode", () => deleteCode(actor, other.codeId)],
    ["getMonitor", () => getMonitor(actor, other.studyId)],
    ["setTargets", () => setTargets(actor, other.studyId, { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 3 }] })],
    ["getSummary", () => getSummary(actor, other.studyId, ALL, "en")],
    ["listTexts", () => listTexts(actor, other.studyId, ALL, "TXT")],
    ["setSuppressionK", () => setSuppressionK(actor, other.studyId, 1)],
    ["setPercentDecimals", () => setPercentDecimals(actor, other.studyId, { decimals: 2 })],
    ["getPercentDecimals", () => getPercentDecimals(actor, other.studyId)],
    ["exportStudyData", () => exportStudyData(actor, other.studyId, "wide.csv", "en")],
    ["inviteExperts", () => inviteExperts(actor, { studyId: other.studyId, expertIds: [other.expert.expertId] })],
    ["resendMessage", () => resendMessage(actor, other.messageId)],
    ["getMessage", () => getMessage(actor, other.messageId)],
    ["expertMessages", () => expertMessages(actor, other.expert.expertId)],
    ["getTemplates", () => getTemplates(actor, other.studyId)],
    ["getReminderSettings", () => getReminderSettings(actor, other.studyId)],
    ["saveReminderSettings", () => saveReminderSettings(actor, other.studyId, { remindNotStartedDays: [1], remindNotFinishedDays: [1], remindersPaused: true })],
    ["setExpertRemindersPaused", () => setExpertRemindersPaused(actor, other.expert.expertId, true)],
    ["reopenResponse", () => reopenResponse(actor, other.responseId)],
    ["getExpertRecord", () => getExpertRecord(actor, other.expert.expertId, "en", { cannotAssess: "" })],
  ];
}

describe("study teams: nothing of one study reaches the other's team", () => {
  it("team A's coordinator gets 404 for every object of study B, and nothing of B is written", async () => {
    const before = await snapshotOf(b);
    for (const [name, call] of coordinatorCalls(a.coordinator, b)) {
      expect({ name, status: (await rejection(call())).status }).toEqual({ name, status: 404 });
    }
    expect(await snapshotOf(b)).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { actorId: a.coordinator.userId } })).toBe(0);
    // The same calls on their own study do reach it (so the 404s above are about the team).
    expect((await getStudy(a.coordinator, a.studyId)).id).toBe(a.studyId);
    expect((await getExpert(a.coordinator, a.expert.expertId)).id).toBe(a.expert.expertId);
    expect((await getInterview(a.coordinator, a.interviewId)).id).toBe(a.interviewId);
  });

  it("team A's lists, exports and audit log show nothing of study B", async () => {
    await getMonitor(b.coordinator, b.studyId);
    await setTargets(b.coordinator, b.studyId, { targets: [{ country: "AM", expertGroup: "SCIENTIST", target: 2 }] });
    const actor = a.coordinator;
    const listed = JSON.stringify([
      await listStudies(actor),
      await listPanel(actor),
      await listInstruments(actor),
      await listInterviews(actor),
      await listStudyInterviewers(actor),
      await listQuotes(actor),
      (await exportQuotes(actor, { format: "csv" })).body,
      await listMessages(actor, b.studyId),
      await invitableExperts(actor, b.studyId),
      await listAuditEvents(actor, {}),
      await listOwnInterviews(a.interviewer),
      await listQuotes(a.interviewer),
    ]);
    for (const secret of [...b.secrets, b.studyId, b.expert.expertId, b.interviewId, b.quoteId, b.interviewer.userId]) expect(listed).not.toContain(secret);
    expect((await listStudies(actor)).map((s) => s.id)).toEqual([a.studyId]);
    // While team B sees its own, and only its own.
    expect((await listStudies(b.coordinator)).map((s) => s.id)).toEqual([b.studyId]);
    const theirs = await listAuditEvents(b.coordinator, { action: "targets." });
    expect(theirs.rows.map((r) => r.entityId)).toEqual([b.studyId]);
    const wide = await exportStudyData(a.coordinator, a.studyId, "wide.csv", "en");
    const body = Buffer.from(await new Response(wide.body).arrayBuffer()).toString("utf8");
    expect(body).toContain(a.secrets[0]);
    expect(body).not.toContain(b.secrets[0]);
  });

  it("an interviewer reaches their own interview only in a study whose team they are on", async () => {
    // Team A's interviewer conducts B's interview but is not on B's team.
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: b.interviewId } })).interviewerId).toBe(a.interviewer.userId);
    const before = await snapshotOf(b);
    for (const [name, call] of [
      ["getInterview", () => getInterview(a.interviewer, b.interviewId)],
      ["saveNote", () => saveNote(a.interviewer, b.interviewId, { mutationId: randomUUID(), questionCode: "Q1", baseRevision: 1, text: "overwritten", probesAsked: [], skipped: false })],
      ["setNoteCodes", () => setNoteCodes(a.interviewer, b.interviewId, "Q1", { codeIds: [] })],
      ["createQuote", () => createQuote(a.interviewer, b.interviewId, { questionCode: "Q1", start: 0, end: 4, text: "note" })],
      ["deleteQuote", () => deleteQuote(a.interviewer, b.quoteId)],
      ["listCodes", () => listCodes(a.interviewer, b.studyId)],
    ] as Array<[string, () => Promise<unknown>]>) {
      expect({ name, status: (await rejection(call())).status }).toEqual({ name, status: 404 });
    }
    expect((await listOwnInterviews(a.interviewer)).interviews.map((i) => i.id)).toEqual([a.interviewId]);
    expect(await snapshotOf(b)).toEqual(before);
    // Put on B's team, the same interviewer reaches it.
    await prisma.studyMember.create({ data: { studyId: b.studyId, userId: a.interviewer.userId, role: "INTERVIEWER" } });
    try {
      expect((await getInterview(a.interviewer, b.interviewId)).id).toBe(b.interviewId);
    } finally {
      await prisma.studyMember.delete({ where: { studyId_userId: { studyId: b.studyId, userId: a.interviewer.userId } } });
    }
  });

  it("interviews are assigned only to an interviewer on the expert's study's team", async () => {
    const outsider = await makeStaff(prisma, "INTERVIEWER");
    const input = { expertId: a.expert.expertId, versionId: a.guideVersionId, plannedAt: "2031-02-01T10:00:00Z", mode: "VIDEO" as const };
    for (const interviewerId of [outsider.id, b.interviewer.userId]) {
      const error = await rejection(createInterview(a.coordinator, { ...input, interviewerId }));
      expect(error.status).toBe(400);
    }
    expect((await createInterview(a.coordinator, { ...input, interviewerId: a.interviewer.userId })).id).toEqual(expect.any(String));
  });

  it("a study role counts only in its own area: an interviewer of study A is no coordinator of it", async () => {
    const both = await makeStaff(prisma, "COORDINATOR");
    await prisma.studyMember.create({ data: { studyId: a.studyId, userId: both.id, role: "INTERVIEWER" } });
    const actor = await actorFor(prisma, both.id);
    expect(await listStudies(actor)).toEqual([]);
    expect((await rejection(getMonitor(actor, a.studyId))).status).toBe(404);
  });

  it("the installation's administrator sees no study's data unless on its team", async () => {
    const admin = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR", { isAdmin: true })).id);
    expect(admin.isAdmin).toBe(true);
    expect(await listStudies(admin)).toEqual([]);
    expect(await listPanel(admin)).toEqual([]);
    for (const side of [a, b]) {
      expect((await rejection(getMonitor(admin, side.studyId))).status).toBe(404);
      expect((await rejection(getExpert(admin, side.expert.expertId))).status).toBe(404);
      expect((await rejection(exportStudyData(admin, side.studyId, "long.csv", "en"))).status).toBe(404);
    }
    const log = JSON.stringify(await listAuditEvents(admin, {}));
    for (const secret of [a.studyId, b.studyId]) expect(log).not.toContain(secret);
  });
});

describe("study teams: the migration", () => {
  it("every study-scoped audit entry is stamped with its study by the database", async () => {
    await setTargets(a.coordinator, a.studyId, { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 1 }] });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: a.coordinator.userId, action: "targets.update" }, select: { studyId: true } });
    expect(row.studyId).toBe(a.studyId);
    const unscoped: Prisma.AuditEventWhereInput = { entity: { in: ["Expert", "Interview", "Study", "ThemeCode", "InstrumentVersion", "Response"] }, studyId: null, entityId: { in: [a.studyId, a.expert.expertId] } };
    expect(await prisma.auditEvent.count({ where: unscoped })).toBe(0);
  });
});
