import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { getQuestionnaireState, reopenResponse, saveAnswer, submitResponse } from "@/lib/responses/service";
import { closeWave, openWave } from "@/lib/instrument/wave-admin";
import { rejection } from "@/lib/testing/errors";
import { consentedExpert, coordinatedQuestionnaire, oneSectionQuestionnaire, scaleItem, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";

const prisma = testPrismaClosedAfterAll();
const definition = oneSectionQuestionnaire([scaleItem("A")]);

async function setup() {
  const { study, instrumentId, coordinator } = await coordinatedQuestionnaire(prisma, definition);
  return { study, instrumentId, actor: coordinator };
}

const expertAnswering = (studyId: string) => consentedExpert(prisma, studyId);

const answer = async (actor: TActor, value: number) =>
  saveAnswer(actor, { mutationId: randomUUID(), versionId: (await getQuestionnaireState(actor)).questionnaire!.versionId, item: "A", baseRevision: 0, value: { value } });

const wavesOf = (instrumentId: string) =>
  prisma.wave.findMany({ where: { instrumentId }, orderBy: { number: "asc" }, select: { number: true, status: true, kind: true, audience: true, closesAt: true } });

describe("a coordinator opens and closes waves", () => {
  it("opening wave 2 closes wave 1; the expert who answered wave 1 now answers wave 2 from scratch; audited", async () => {
    const { study, instrumentId, actor } = await setup();
    const { expert, actor: expertActor } = await expertAnswering(study.id);
    await answer(expertActor, 4);
    await submitResponse(expertActor);

    const closesAt = new Date(Date.now() + 7 * 86_400_000);
    const opened = await openWave(actor, { instrumentId, closesAt: closesAt.toISOString() });
    expect(opened).toMatchObject({ number: 2, kind: "WAVE", closedWaves: [1] });
    expect(await wavesOf(instrumentId)).toEqual([
      { number: 1, status: "CLOSED", kind: "WAVE", audience: "PANEL", closesAt: null },
      { number: 2, status: "OPEN", kind: "WAVE", audience: "PANEL", closesAt },
    ]);

    const state = await getQuestionnaireState(expertActor);
    expect(state).toMatchObject({ closed: false, studyClosed: false, wave: { number: 2, open: true, closesAt } });
    expect(state.questionnaire).toMatchObject({ status: "NOT_STARTED", answers: {} });
    await answer(expertActor, 9);
    expect(await prisma.response.findMany({ where: { expertId: expert.expertId }, orderBy: { wave: "asc" }, select: { wave: true, status: true } })).toEqual([
      { wave: 1, status: "SUBMITTED" },
      { wave: 2, status: "IN_PROGRESS" },
    ]);

    // Wave 1's response can no longer be reopened: its wave is closed.
    const first = await prisma.response.findFirstOrThrow({ where: { expertId: expert.expertId, wave: 1 }, select: { id: true } });
    expect((await rejection(reopenResponse(actor, first.id))).status).toBe(409);

    const audit = await prisma.auditEvent.findMany({ where: { entity: "Wave", actorId: actor.userId }, orderBy: { id: "asc" }, select: { action: true, entityId: true } });
    const waveIds = await prisma.wave.findMany({ where: { instrumentId }, orderBy: { number: "asc" }, select: { id: true } });
    expect(audit).toEqual([
      { action: "wave.close", entityId: waveIds[0]!.id },
      { action: "wave.open", entityId: waveIds[1]!.id },
    ]);
  });

  it("closing a wave stops its answers; closing it twice is a conflict", async () => {
    const { study, instrumentId, actor } = await setup();
    const { actor: expertActor } = await expertAnswering(study.id);
    const wave1 = await prisma.wave.findFirstOrThrow({ where: { instrumentId, number: 1 } });
    expect(await closeWave(actor, wave1.id)).toEqual({ id: wave1.id, number: 1, status: "CLOSED" });
    expect((await rejection(answer(expertActor, 3))).code).toBe("wave_closed");
    // The expert is told their wave is closed, not the study (components/expert/study-closed.tsx).
    expect(await getQuestionnaireState(expertActor)).toMatchObject({ closed: true, studyClosed: false, wave: { number: 1, open: false } });
    expect((await rejection(closeWave(actor, wave1.id))).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entity: "Wave", entityId: wave1.id, action: "wave.close" } })).toBe(1);
  });

  it("a wave of some items for those who completed the previous one keeps its settings; a Delphi round is not opened here", async () => {
    const { instrumentId, actor } = await setup();
    const opened = await openWave(actor, { instrumentId, audience: "PREVIOUS_COMPLETED", itemCodes: ["A"] });
    expect(await prisma.wave.findUniqueOrThrow({ where: { id: opened.id }, select: { kind: true, audience: true, itemCodes: true, createdById: true } })).toEqual({
      kind: "WAVE",
      audience: "PREVIOUS_COMPLETED",
      itemCodes: ["A"],
      createdById: actor.userId,
    });
    // Rounds are planned with validated rules first (lib/delphi/rounds.ts).
    expect((await rejection(openWave(actor, { instrumentId, kind: "DELPHI_ROUND" as never }))).status).toBe(400);
  });

  it("bad input is refused before anything is written", async () => {
    const { instrumentId, actor } = await setup();
    expect((await rejection(openWave(actor, { instrumentId, itemCodes: ["NOPE"] }))).status).toBe(400);
    expect((await rejection(openWave(actor, { instrumentId, closesAt: new Date(Date.now() - 60_000).toISOString() }))).status).toBe(400);
    expect((await rejection(openWave(actor, { instrumentId, kind: "OTHER" as never }))).status).toBe(400);
    expect(await wavesOf(instrumentId)).toEqual([{ number: 1, status: "OPEN", kind: "WAVE", audience: "PANEL", closesAt: null }]);
  });

  it("another team's coordinator gets 404 for the questionnaire and the wave, and changes nothing", async () => {
    const { instrumentId } = await setup();
    const other = await setup();
    const wave1 = await prisma.wave.findFirstOrThrow({ where: { instrumentId, number: 1 } });
    expect((await rejection(openWave(other.actor, { instrumentId }))).status).toBe(404);
    expect((await rejection(closeWave(other.actor, wave1.id))).status).toBe(404);
    expect(await wavesOf(instrumentId)).toEqual([{ number: 1, status: "OPEN", kind: "WAVE", audience: "PANEL", closesAt: null }]);
  });

  it("a closed study opens no wave", async () => {
    const { study, instrumentId, actor } = await setup();
    await prisma.study.update({ where: { id: study.id }, data: { status: "CLOSED" } });
    expect((await rejection(openWave(actor, { instrumentId }))).status).toBe(409);
  });
});
