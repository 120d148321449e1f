import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/monitor/audit-log";
import { actingAs } from "@/lib/auth/actor";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { exportStudyData } from "@/lib/exports/service";
import { cancelInterview, createInterview, getInterview, listInterviews, listOwnInterviews, saveNote } from "@/lib/interviews/service";
import { getMonitor } from "@/lib/monitor/service";
import { getExpert, listExperts } from "@/lib/panel/service";
import { createQuote, listQuotes } from "@/lib/quotes/service";
import { getExpertRecord } from "@/lib/responses/record";
import { getStudyDashboard } from "@/lib/monitor/dashboard";
import { createStudy, listStudies, listStudyInterviewers } from "@/lib/study/service";
import { addMember } from "@/lib/study/team";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeGuide, makeNamedExpert, makeStaff } from "@/lib/testing/factories";

/**
 * One account, two parts: coordinator of study A, interviewer of study B. In the coordinator's area
 * it sees A and nothing of B; in the interviewer's area it sees its own interviews of B, and still
 * nothing of B's coordinators' data (panel, other interviews, figures, exports, audit).
 */

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

let both: TActor;
let asInterviewer: TActor;
let studyA: string;
let studyB: string;
let own: string;
let others: string;
let expertB: { expertId: string; name: string };

beforeAll(async () => {
  const account = await makeStaff(prisma, "COORDINATOR");
  both = await actorFor(prisma, account.id);
  studyA = (await createStudy(both, { titleEn: "Study A", consentEn: "I agree." })).id;
  const ownerB = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
  studyB = (await createStudy(ownerB, { titleEn: "Study B", consentEn: "I agree." })).id;
  const otherInterviewer = await makeStaff(prisma, "INTERVIEWER");
  await addMember(ownerB, studyB, { email: account.email, role: "INTERVIEWER" });
  await addMember(ownerB, studyB, { email: otherInterviewer.email, role: "INTERVIEWER" });
  const guide = await makeGuide(prisma, studyB);
  expertB = await makeNamedExpert(prisma, studyB);
  const plannedAt = "2031-01-01T10:00:00Z";
  // B's coordinator can assign an interview to a coordinator's account on B's team as an interviewer.
  expect((await listStudyInterviewers(ownerB)).map((u) => u.id)).toEqual(expect.arrayContaining([account.id, otherInterviewer.id]));
  own = (await createInterview(ownerB, { expertId: expertB.expertId, interviewerId: account.id, versionId: guide.versionId, plannedAt, mode: "PHONE" })).id;
  others = (await createInterview(ownerB, { expertId: expertB.expertId, interviewerId: otherInterviewer.id, versionId: guide.versionId, plannedAt, mode: "PHONE" })).id;
  const acting = await actingAs(both, ["INTERVIEWER"]);
  if (!acting) throw new Error("expected the account to work as an interviewer");
  asInterviewer = acting;
});

describe("a coordinator of study A who interviews for study B", () => {
  it("works in the interviewer's area as an interviewer; a coordinator on no study's interview team does not", async () => {
    expect(asInterviewer).toMatchObject({ userId: both.userId, role: "INTERVIEWER" });
    expect(await actingAs(both, ["COORDINATOR"])).toEqual(both);
    const plain = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect(await actingAs(plain, ["INTERVIEWER"])).toBeNull();
  });

  it("sees study A in the coordinator's area and nothing of study B there", async () => {
    expect((await listStudies(both)).map((s) => s.id)).toEqual([studyA]);
    expect((await getStudyDashboard(both, studyA)).funnel.stages[0]?.count).toBe(0);
    for (const call of [
      () => getStudyDashboard(both, studyB),
      () => getMonitor(both, studyB),
      () => listExperts(both, { studyId: studyB, sort: "pseudonym", dir: "asc" }),
      () => getExpert(both, expertB.expertId),
      () => getExpertRecord(both, expertB.expertId, "en", { cannotAssess: "" }),
      () => exportStudyData(both, studyB, "wide.csv", "en"),
      () => cancelInterview(both, own),
      () => getInterview(both, others),
    ]) {
      expect((await rejection(call())).status).toBe(404);
    }
    expect((await listInterviews(both)).interviews).toEqual([]);
    const audit = await listAuditEvents(both, {});
    expect(audit.rows.map((r) => r.entityId)).not.toContain(studyB);
    expect(JSON.stringify(audit.rows)).not.toContain(expertB.name);
  });

  it("sees its own interviews of study B in the interviewer's area, works on them, and reaches no one else's", async () => {
    expect((await listOwnInterviews(asInterviewer)).interviews.map((i) => i.id)).toEqual([own]);
    expect((await getInterview(asInterviewer, own)).id).toBe(own);
    expect((await rejection(getInterview(asInterviewer, others))).status).toBe(404);
    await prisma.interview.update({ where: { id: own }, data: { status: "IN_PROGRESS", consentAt: new Date(), startedAt: new Date() } });
    await saveNote(asInterviewer, own, { mutationId: randomUUID(), questionCode: "Q1", baseRevision: 0, text: "what they said", probesAsked: [], skipped: false });
    // Quotes are created through a route open to both areas: the coordinator's account reaches its own interview there too.
    const quote = await createQuote(both, own, { questionCode: "Q1", start: 0, end: 4, text: "what" });
    expect((await listQuotes(asInterviewer)).quotes.map((q) => q.id)).toEqual([quote.id]);
    expect((await rejection(createQuote(both, others, { questionCode: "Q1", start: 0, end: 4, text: "what" }))).status).toBe(404);
    expect((await rejection(saveNote(asInterviewer, others, { mutationId: randomUUID(), questionCode: "Q1", baseRevision: 0, text: "x", probesAsked: [], skipped: false }))).status).toBe(404);
    // Being B's interviewer gives none of B's coordinators' views.
    expect((await rejection(getMonitor(asInterviewer, studyB))).status).toBe(403);
    expect((await rejection(listExperts(asInterviewer, { studyId: studyB, sort: "pseudonym", dir: "asc" }))).status).toBe(403);
  });

  it("an interviewer's account cannot be made a study's coordinator", async () => {
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    expect((await rejection(addMember(both, studyA, { email: interviewer.email, role: "COORDINATOR" }))).status).toBe(400);
  });
});
