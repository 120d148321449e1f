import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { setTargets } from "@/lib/monitor/service";
import { getStudyDashboard } from "@/lib/monitor/dashboard";
import { createStudy } from "@/lib/study/service";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, joinStudy, makeGuide, makeInterview, makeNamedExpert, makeStaff } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const definition = ZQuestionnaire.parse({ kind: "questionnaire", title: t("Q"), sections: [{ code: "S1", title: t("S1"), items: [{ code: "Q1", type: "text", text: t("Q1") }] }] });

async function invited(studyId: string, options: { response?: "IN_PROGRESS" | "SUBMITTED"; paused?: boolean; instrumentId?: string; versionId?: string } = {}) {
  const e = await makeNamedExpert(prisma, studyId, { country: "KZ", expertGroup: "OFFICIAL" });
  await prisma.expert.update({ where: { id: e.expertId }, data: { status: options.response ? "STARTED" : "INVITED", invitedAt: new Date(Date.now() - 9 * 86_400_000), remindersPaused: options.paused ?? false } });
  if (options.response) {
    await prisma.response.create({
      data: { expertId: e.expertId, instrumentId: options.instrumentId!, versionId: options.versionId!, optionOrder: {}, status: options.response, submittedAt: options.response === "SUBMITTED" ? new Date() : null },
    });
  }
  return e;
}

describe("study dashboard", () => {
  it("shows the funnel against the targets with totals, who waits for a reminder, open interviews and the study's latest activity", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const actor = await actorFor(prisma, staff.id);
    const { id: studyId } = await createStudy(actor, { titleEn: "Dashboard study", consentEn: "I agree.", cells: [{ country: "KZ", expertGroup: "OFFICIAL", target: 4 }, { country: "AM", expertGroup: "BUSINESS", target: 2 }] });
    const q = await createInstrumentWith(prisma, { studyId, kind: "questionnaire", name: "Q", definition, actorId: null, publish: true });
    const notStarted = await invited(studyId);
    const notFinished = await invited(studyId, { response: "IN_PROGRESS", ...q });
    await invited(studyId, { paused: true });
    const done = await invited(studyId, { response: "SUBMITTED", ...q });
    await prisma.expert.update({ where: { id: done.expertId }, data: { status: "COMPLETED" } });

    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    await joinStudy(prisma, studyId, interviewer);
    const guide = await makeGuide(prisma, studyId);
    const planned = await makeInterview(prisma, { expertId: notStarted.expertId, interviewerId: interviewer.id, versionId: guide.versionId, plannedAt: new Date(Date.now() + 86_400_000) });
    const running = await makeInterview(prisma, { expertId: done.expertId, interviewerId: interviewer.id, versionId: guide.versionId });
    await prisma.interview.update({ where: { id: running.id }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    const finished = await makeInterview(prisma, { expertId: notFinished.expertId, interviewerId: interviewer.id, versionId: guide.versionId });
    await prisma.interview.update({ where: { id: finished.id }, data: { status: "DONE" } });
    await setTargets(actor, studyId, { targets: [{ country: "AM", expertGroup: "BUSINESS", target: 3 }] });

    const d = await getStudyDashboard(actor, studyId);
    expect(d.funnel.stages.find((s) => s.stage === "nominated")?.count).toBe(4);
    expect(d.funnel.stages.find((s) => s.stage === "completed")?.count).toBe(1);
    expect(d.cells.map((c) => [c.country, c.expertGroup, c.target, c.completed])).toEqual([
      ["AM", "BUSINESS", 3, 0],
      ["KZ", "OFFICIAL", 4, 1],
    ]);
    expect(d.totals).toEqual({ target: 7, completed: 1, started: 2 });
    expect(d.waiting.map((w) => [w.expertId, w.waitingFor])).toEqual(
      expect.arrayContaining([
        [notStarted.expertId, "start"],
        [notFinished.expertId, "finish"],
      ]),
    );
    expect(d.waiting).toHaveLength(2);
    expect(d.interviews.map((i) => [i.id, i.status])).toEqual([
      [planned.id, "PLANNED"],
      [running.id, "IN_PROGRESS"],
    ]);
    expect(d.activity.map((a) => a.action)).toEqual(["targets.update", "study.create"]);
  });

  it("is another team's study: 404, and an interviewer of the study is not its coordinator (403)", async () => {
    const owner = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    const { id: studyId } = await createStudy(owner, { titleEn: "Theirs", consentEn: "I agree." });
    const stranger = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect((await rejection(getStudyDashboard(stranger, studyId))).status).toBe(404);
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    await joinStudy(prisma, studyId, interviewer);
    expect((await rejection(getStudyDashboard(await actorFor(prisma, interviewer.id), studyId))).status).toBe(403);
  });
});
