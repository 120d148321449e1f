import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createInstrumentWith } from "@/lib/instrument/create";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { confirmedText } from "@/lib/i18n/text";
import { getExpertRecord } from "@/lib/responses/record";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, joinStudy, makeNamedExpert, makeStaff, makeStudy } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const definition = (title: string) =>
  ZQuestionnaire.parse({
    kind: "questionnaire",
    title: t(title),
    sections: [
      { code: "S1", title: t("First section"), items: [{ code: "Q1", type: "single", text: t("Which one?"), options: [{ code: "A", label: t("Option A") }, { code: "B", label: t("Option B") }] }, { code: "INFO", type: "display", text: t("Just text") }] },
      { code: "S2", title: t("Second section"), items: [{ code: "Q2", type: "scale", text: t("How much?"), min: 1, max: 5, cannotAssess: true }, { code: "Q3", type: "text", text: t("Why?") }] },
    ],
  });

async function setup() {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const study = await makeStudy(prisma, staff);
  const first = await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "First wave", definition: definition("First"), actorId: null, publish: true });
  const second = await createInstrumentWith(prisma, { studyId: study.id, kind: "questionnaire", name: "Second wave", definition: definition("Second"), actorId: null, publish: true });
  const expert = await makeNamedExpert(prisma, study.id);
  await prisma.consent.create({ data: { expertId: expert.expertId, decision: "DECLINED", textVersion: 1, language: "en", decidedAt: new Date("2026-01-01T10:00:00Z") } });
  await prisma.consent.create({ data: { expertId: expert.expertId, decision: "ACCEPTED", textVersion: 2, language: "en", decidedAt: new Date("2026-01-02T10:00:00Z") } });
  const savedAt = new Date("2026-01-03T12:00:00Z");
  const submitted = await prisma.response.create({
    data: {
      expertId: expert.expertId, instrumentId: first.instrumentId, versionId: first.versionId, status: "SUBMITTED", optionOrder: {},
      startedAt: new Date("2026-01-03T11:00:00Z"), submittedAt: new Date("2026-01-03T12:30:00Z"),
      answers: { create: [
        { itemCode: "Q1", value: { choice: "B" }, revision: 3, mutationId: randomUUID(), updatedAt: savedAt },
        { itemCode: "Q2", value: { cannotAssess: true }, revision: 1, mutationId: randomUUID(), updatedAt: savedAt },
      ] },
    },
  });
  const later = await prisma.response.create({
    data: { expertId: expert.expertId, instrumentId: second.instrumentId, versionId: second.versionId, optionOrder: {}, startedAt: new Date("2026-02-01T09:00:00Z"),
      answers: { create: { itemCode: "Q3", value: { text: "Because." }, revision: 2, mutationId: randomUUID(), updatedAt: savedAt } } },
  });
  return { staff, study, expert, submitted, later, actor: await actorFor(prisma, staff.id) };
}

describe("an expert's record", () => {
  it("lists every response oldest first with version, status and times, its answers by section with item text, revisions and last save, and every consent with its text version", async () => {
    const { actor, expert, submitted, later } = await setup();
    const record = await getExpertRecord(actor, expert.expertId, "en", { cannotAssess: "Cannot assess" });
    expect(record).toMatchObject({ id: expert.expertId, name: expert.name });
    expect(record.consents.map((c) => [c.decision, c.textVersion])).toEqual([["DECLINED", 1], ["ACCEPTED", 2]]);
    expect(record.responses.map((r) => [r.id, r.status, r.version.instrument, r.version.number])).toEqual([
      [submitted.id, "SUBMITTED", "First wave", 1],
      [later.id, "IN_PROGRESS", "Second wave", 1],
    ]);
    expect(record.responses[0]!.submittedAt).toEqual(new Date("2026-01-03T12:30:00Z"));
    expect(record.responses[0]!.sections).toEqual([
      { code: "S1", title: "First section (en)", items: [{ code: "Q1", text: "Which one? (en)", answer: "Option B (en)", revisions: 3, savedAt: new Date("2026-01-03T12:00:00Z") }] },
      { code: "S2", title: "Second section (en)", items: [
        { code: "Q2", text: "How much? (en)", answer: "Cannot assess", revisions: 1, savedAt: new Date("2026-01-03T12:00:00Z") },
        { code: "Q3", text: "Why? (en)", answer: null, revisions: 0, savedAt: null },
      ] },
    ]);
    expect(record.responses[1]!.sections[1]!.items[1]).toMatchObject({ answer: "Because.", revisions: 2 });
    const ru = await getExpertRecord(actor, expert.expertId, "ru", { cannotAssess: "Затрудняюсь оценить" });
    expect(ru.responses[0]!.sections[0]!.items[0]).toMatchObject({ text: "Which one? (ru)", answer: "Option B (ru)" });
  });

  it("is for the study's coordinators only: another team's coordinator gets 404, an interviewer 403, even on the study's team", async () => {
    const { study, expert } = await setup();
    const stranger = await actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);
    expect((await rejection(getExpertRecord(stranger, expert.expertId, "en", { cannotAssess: "" }))).status).toBe(404);
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    await joinStudy(prisma, study.id, interviewer);
    expect((await rejection(getExpertRecord(await actorFor(prisma, interviewer.id), expert.expertId, "en", { cannotAssess: "" }))).status).toBe(403);
    // A coordinator who is only an interviewer of this study is not its coordinator.
    const both = await makeStaff(prisma, "COORDINATOR");
    await joinStudy(prisma, study.id, { id: both.id, role: "INTERVIEWER" });
    expect((await rejection(getExpertRecord(await actorFor(prisma, both.id), expert.expertId, "en", { cannotAssess: "" }))).status).toBe(404);
  });
});
