import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { confirmedText } from "@/lib/i18n/text";
import { sweepReminders } from "@/lib/messaging/reminders";
import { getQuestionnaireState, recordConsent, saveAnswer, submitResponse } from "@/lib/responses/service";
import { openWave } from "@/lib/instrument/wave-admin";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, makeExpert, makeQuestionnaire, makeStaff, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const enqueueNothing = async () => {};
const DAY = 24 * 3600_000;

describe("reminders per wave", () => {
  it("remind about the wave the expert is in the audience of now, never about a wave they completed", async () => {
    const staff = await makeStaff(prisma, "COORDINATOR");
    const study = await makeStudy(prisma, staff);
    await prisma.study.update({ where: { id: study.id }, data: { consentText: confirmedText("Согласен", "I agree") as Prisma.InputJsonValue, consentVersion: 1 } });
    const coordinator = await actorFor(prisma, staff.id);
    const { instrumentId } = await makeQuestionnaire(prisma, study.id);
    const now = new Date();

    const panel: Array<{ expertId: string; actor: TActor }> = [];
    for (let i = 0; i < 3; i++) {
      const expert = await makeExpert(prisma, study.id);
      await prisma.expert.update({ where: { id: expert.expertId }, data: { status: "INVITED", invitedAt: new Date(now.getTime() - 20 * DAY) } });
      const actor = await actorFor(prisma, expert.userId);
      await recordConsent(actor, { decision: "ACCEPTED", textVersion: 1, language: "en" });
      panel.push({ expertId: expert.expertId, actor });
    }
    const [done, doneTwice, midway] = panel as [(typeof panel)[0], (typeof panel)[0], (typeof panel)[0]];
    const answer = async (actor: TActor, submit: boolean) => {
      const { versionId } = (await getQuestionnaireState(actor)).questionnaire!;
      await saveAnswer(actor, { mutationId: randomUUID(), versionId, item: "A", baseRevision: 0, value: { value: 4 } });
      if (submit) await submitResponse(actor);
    };
    for (const p of panel) await answer(p.actor, true);
    // Everyone completed wave 1: nothing to remind about.
    expect(await sweepReminders(prisma, enqueueNothing, now, { studyId: study.id })).toEqual([]);

    const opened = await openWave(coordinator, { instrumentId });
    // Wave 2 opened four days ago: the day-3 reminders are due.
    await prisma.wave.update({ where: { id: opened.id }, data: { openedAt: new Date(now.getTime() - 4 * DAY) } });
    await answer(doneTwice.actor, true);
    await answer(midway.actor, false);

    const queued = await sweepReminders(prisma, enqueueNothing, now, { studyId: study.id });
    expect(queued).toHaveLength(2);
    const messages = await prisma.message.findMany({ where: { studyId: study.id }, select: { expertId: true, kind: true, dedupeKey: true } });
    expect(messages.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { expertId: midway.expertId, kind: "REMINDER_NOT_FINISHED", dedupeKey: "REMINDER_NOT_FINISHED:w2:3" },
      { expertId: done.expertId, kind: "REMINDER_NOT_STARTED", dedupeKey: "REMINDER_NOT_STARTED:w2:3" },
    ]);
    expect(await sweepReminders(prisma, enqueueNothing, now, { studyId: study.id })).toEqual([]);

    // Once wave 2 closes, nobody is reminded of it.
    await prisma.wave.update({ where: { id: opened.id }, data: { status: "CLOSED", closedAt: now } });
    expect(await sweepReminders(prisma, enqueueNothing, new Date(now.getTime() + 10 * DAY), { studyId: study.id })).toEqual([]);
  });
});
