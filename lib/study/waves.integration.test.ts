import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { getQuestionnaireState, saveAnswer, submitResponse } from "@/lib/responses/service";
import { currentAssignment } from "@/lib/study/waves";
import { rejection } from "@/lib/testing/errors";
import { consentedExpert, oneSectionQuestionnaire, publishQuestionnaire, scaleItem, testPrismaClosedAfterAll } from "@/lib/testing/questionnaire-study";
import { makeStudy } from "@/lib/testing/factories";

const prisma = testPrismaClosedAfterAll();
const definition = oneSectionQuestionnaire([scaleItem("A"), scaleItem("B")]);

async function setup() {
  const study = await makeStudy(prisma);
  const { instrumentId, versionId } = await publishQuestionnaire(prisma, study.id, definition);
  return { study, instrumentId, versionId };
}

const expertOn = (studyId: string) => consentedExpert(prisma, studyId);

/** A scale answer as the page sends it, for the version the expert is shown. */
const save = async (actor: TActor, item: string, value: number, baseRevision = 0) =>
  saveAnswer(actor, { mutationId: randomUUID(), versionId: (await getQuestionnaireState(actor)).questionnaire!.versionId, item, baseRevision, value: { value } });

async function answerAll(actor: TActor) {
  await save(actor, "A", 5);
  await save(actor, "B", 6);
  await submitResponse(actor);
}

describe("waves: which response an expert answers now", () => {
  it("the database gives every questionnaire its wave 1, open, and none to a guide", async () => {
    const { study, instrumentId } = await setup();
    expect(await prisma.wave.findMany({ where: { instrumentId }, select: { number: true, status: true, kind: true } })).toEqual([
      { number: 1, status: "OPEN", kind: "WAVE" },
    ]);
    const guide = await prisma.instrument.create({ data: { studyId: study.id, kind: "GUIDE", name: "G" } });
    expect(await prisma.wave.count({ where: { instrumentId: guide.id } })).toBe(0);
  });

  it("a second wave is a second response of the same expert; the first keeps its answers", async () => {
    const { instrumentId } = await setup();
    const { expert, actor } = await expertOn((await prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId } })).studyId);
    await answerAll(actor);
    await prisma.wave.update({ where: { instrumentId_number: { instrumentId, number: 1 } }, data: { status: "CLOSED", closedAt: new Date() } });
    await prisma.wave.create({ data: { instrumentId, number: 2, status: "OPEN", openedAt: new Date() } });

    const state = await getQuestionnaireState(actor);
    expect(state.wave).toMatchObject({ number: 2, open: true });
    expect(state.questionnaire).toMatchObject({ status: "NOT_STARTED", responseId: null, answers: {} });
    expect(await save(actor, "A", 8)).toMatchObject({ status: "saved", revision: 1 });

    const responses = await prisma.response.findMany({
      where: { expertId: expert.expertId },
      orderBy: { wave: "asc" },
      select: { wave: true, status: true, answers: { select: { itemCode: true, value: true }, orderBy: { itemCode: "asc" } } },
    });
    expect(responses).toEqual([
      { wave: 1, status: "SUBMITTED", answers: [{ itemCode: "A", value: { value: 5 } }, { itemCode: "B", value: { value: 6 } }] },
      { wave: 2, status: "IN_PROGRESS", answers: [{ itemCode: "A", value: { value: 8 } }] },
    ]);
  });

  it("a round for those who completed the previous one: others stay on wave 1, which is closed to them", async () => {
    const { study, instrumentId } = await setup();
    const done = await expertOn(study.id);
    const notDone = await expertOn(study.id);
    await answerAll(done.actor);
    await save(notDone.actor, "A", 3);
    await prisma.wave.update({ where: { instrumentId_number: { instrumentId, number: 1 } }, data: { status: "CLOSED", closedAt: new Date() } });
    await prisma.wave.create({ data: { instrumentId, number: 2, kind: "DELPHI_ROUND", audience: "PREVIOUS_COMPLETED", itemCodes: ["B"], status: "OPEN" } });

    expect((await currentAssignment(done.actor.userId))?.wave).toMatchObject({ number: 2, open: true, itemCodes: ["B"] });
    const stayed = await getQuestionnaireState(notDone.actor);
    expect(stayed).toMatchObject({ closed: true, wave: { number: 1, open: false } });
    expect(stayed.questionnaire?.answers).toEqual({ A: { value: { value: 3 }, revision: 1 } });
    expect((await rejection(save(notDone.actor, "B", 4))).code).toBe("wave_closed");
    expect(await prisma.answer.count({ where: { response: { expertId: notDone.expert.expertId }, itemCode: "B" } })).toBe(0);
  });

  it("a round of some items shows, takes and requires only those items", async () => {
    const { study, instrumentId } = await setup();
    const { actor } = await expertOn(study.id);
    await answerAll(actor);
    await prisma.wave.update({ where: { instrumentId_number: { instrumentId, number: 1 } }, data: { status: "CLOSED" } });
    await prisma.wave.create({ data: { instrumentId, number: 2, kind: "DELPHI_ROUND", itemCodes: ["B"], status: "OPEN" } });

    const state = await getQuestionnaireState(actor);
    expect(state.questionnaire!.definition.sections.flatMap((s) => s.items.map((i) => i.code))).toEqual(["B"]);
    const refused = await rejection(save(actor, "A", 2));
    expect(refused.status).toBe(400);
    await save(actor, "B", 9);
    expect(await submitResponse(actor)).toMatchObject({ status: "SUBMITTED" });
  });

  it("a wave past its closing date takes no answers", async () => {
    const { study, instrumentId } = await setup();
    const { actor } = await expertOn(study.id);
    await prisma.wave.update({ where: { instrumentId_number: { instrumentId, number: 1 } }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect((await getQuestionnaireState(actor)).closed).toBe(true);
    expect((await rejection(save(actor, "A", 2))).code).toBe("wave_closed");
  });

  it("the database keeps an opened wave's items, audience and rules, and its status only moves forward", async () => {
    const { instrumentId } = await setup();
    const planned = await prisma.wave.create({ data: { instrumentId, number: 2, kind: "DELPHI_ROUND", status: "PLANNED", itemCodes: ["A"], rules: { iqr: 1 } } });
    await prisma.wave.update({ where: { id: planned.id }, data: { itemCodes: ["A", "B"], rules: { iqr: 2 } } });
    await prisma.wave.update({ where: { id: planned.id }, data: { status: "OPEN" } });
    await expect(prisma.wave.update({ where: { id: planned.id }, data: { rules: { iqr: 3 } } })).rejects.toThrow(/fixed/);
    await expect(prisma.wave.update({ where: { id: planned.id }, data: { itemCodes: ["A"] } })).rejects.toThrow(/fixed/);
    await prisma.wave.update({ where: { id: planned.id }, data: { closesAt: new Date() } });
    await expect(prisma.wave.update({ where: { id: planned.id }, data: { status: "PLANNED" } })).rejects.toThrow(/never back/);
    await prisma.wave.update({ where: { id: planned.id }, data: { status: "CLOSED" } });
    await expect(prisma.wave.update({ where: { id: planned.id }, data: { status: "OPEN" } })).rejects.toThrow(/never back/);
    expect(await prisma.wave.findUniqueOrThrow({ where: { id: planned.id }, select: { itemCodes: true, rules: true } })).toEqual({ itemCodes: ["A", "B"], rules: { iqr: 2 } });
  });
});
