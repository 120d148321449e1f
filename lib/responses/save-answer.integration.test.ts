import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testPrisma } from "@/lib/testing/db";
import { makeExpert, makeStudy } from "@/lib/testing/factories";

// The save_answer function on its own (prisma/README.md). saveAnswer in service.ts checks the
// version before calling it, so the function's own check only matters when a save races a change
// of version; it is called directly here.

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

type TOutcome = { outcome: string; revision: number; value: unknown };

function saveAnswer(expertId: string, instrumentId: string, versionId: string, item: string, base: number, value: unknown, wave = 1) {
  return prisma.$queryRaw<TOutcome[]>`
    SELECT * FROM "save_answer"(${expertId}::uuid, ${instrumentId}::uuid, ${versionId}::uuid, '{}'::jsonb, ${item}, ${base}::integer, ${randomUUID()}::uuid, ${JSON.stringify(value)}::jsonb, ${wave}::integer)`;
}

describe("save_answer", () => {
  it("refuses a save for another version than the response's, and writes nothing", async () => {
    const study = await makeStudy(prisma);
    const { expertId } = await makeExpert(prisma, study.id);
    const instrument = await prisma.instrument.create({ data: { studyId: study.id, kind: "QUESTIONNAIRE", name: `Q ${randomUUID()}` } });
    const [v1, v2] = await Promise.all(
      [1, 2].map((number) => prisma.instrumentVersion.create({ data: { instrumentId: instrument.id, number, content: {} } })),
    );

    expect(await saveAnswer(expertId, instrument.id, v1!.id, "RISK", 0, { value: 3 })).toEqual([{ outcome: "saved", revision: 1, value: null }]);
    expect(await saveAnswer(expertId, instrument.id, v2!.id, "RISK", 1, { value: 9 })).toEqual([{ outcome: "version_changed", revision: 0, value: null }]);

    const response = await prisma.response.findFirstOrThrow({ where: { expertId }, include: { answers: true } });
    expect(response.versionId).toBe(v1!.id);
    expect(response.answers.map((a) => ({ item: a.itemCode, value: a.value, revision: a.revision }))).toEqual([{ item: "RISK", value: { value: 3 }, revision: 1 }]);
    expect(await prisma.answerMutation.count({ where: { responseId: response.id } })).toBe(1);
  });

  it("keys the response by wave: a save for wave 2 begins a second response and leaves wave 1's answer alone", async () => {
    const study = await makeStudy(prisma);
    const { expertId } = await makeExpert(prisma, study.id);
    const instrument = await prisma.instrument.create({ data: { studyId: study.id, kind: "QUESTIONNAIRE", name: `Q ${randomUUID()}` } });
    const version = await prisma.instrumentVersion.create({ data: { instrumentId: instrument.id, number: 1, content: {} } });
    await prisma.wave.create({ data: { instrumentId: instrument.id, number: 2 } });

    expect(await saveAnswer(expertId, instrument.id, version.id, "RISK", 0, { value: 3 })).toEqual([{ outcome: "saved", revision: 1, value: null }]);
    expect(await saveAnswer(expertId, instrument.id, version.id, "RISK", 0, { value: 7 }, 2)).toEqual([{ outcome: "saved", revision: 1, value: null }]);
    const rows = await prisma.response.findMany({ where: { expertId }, orderBy: { wave: "asc" }, select: { wave: true, answers: { select: { value: true } } } });
    expect(rows).toEqual([
      { wave: 1, answers: [{ value: { value: 3 } }] },
      { wave: 2, answers: [{ value: { value: 7 } }] },
    ]);
    // A wave the questionnaire does not have is refused by the database (the response's wave must exist).
    await expect(saveAnswer(expertId, instrument.id, version.id, "RISK", 0, { value: 1 }, 3)).rejects.toThrow(/foreign key|Response_instrumentId_wave_fkey/);
  });
});
