import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkDefinition } from "@/lib/instrument/check";
import type { TQuestionnaireInput } from "@/lib/instrument/definition";
import { exportVersion, publishVersion, saveDraft } from "@/lib/instrument/service";
import { copyInstrument, importInstrument } from "@/lib/instrument/start";
import { confirmedText } from "@/lib/i18n/text";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, makeGuide, makeStaff, makeStudy, unique } from "@/lib/testing/factories";
import { createInstrument } from "@/lib/instrument/service";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const questionnaire = (title: string): TQuestionnaireInput => ({
  kind: "questionnaire",
  title: t(title),
  sections: [{ code: "S1", title: t("S1"), items: [{ code: "Q1", type: "single", text: t("Q1"), required: true, options: [{ code: "A", label: t("A") }, { code: "B", label: t("B") }] }] }],
});
const stored = (input: unknown) => checkDefinition(input).definition;

/** A coordinator of two studies, with a published questionnaire (and a newer draft) in the first. */
async function setup() {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const actor = await actorFor(prisma, staff.id);
  const [studyA, studyB] = [await makeStudy(prisma, staff), await makeStudy(prisma, staff)];
  const source = await createInstrument(actor, { studyId: studyA.id, kind: "questionnaire", name: `Source ${unique()}` });
  await saveDraft(actor, source.versionId, questionnaire("Published"));
  await publishVersion(actor, source.versionId);
  return { actor, studyA, studyB, source };
}

describe("instruments entering a study", () => {
  it("a file exported by the editor becomes a new draft instrument of the study, named after the file, audited", async () => {
    const { actor, studyB, source } = await setup();
    const file = await exportVersion(actor, source.versionId);
    const created = await importInstrument(actor, { studyId: studyB.id, file });
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id: created.instrumentId }, include: { versions: true } });
    expect(instrument).toMatchObject({ studyId: studyB.id, kind: "QUESTIONNAIRE", name: file.name });
    expect(instrument.versions).toHaveLength(1);
    expect(instrument.versions[0]).toMatchObject({ id: created.versionId, number: 1, status: "DRAFT", contentHash: null });
    expect(instrument.versions[0]!.content).toEqual(stored(questionnaire("Published")));
    expect(await prisma.auditEvent.count({ where: { action: "instrument.import_new", entityId: created.instrumentId, actorId: actor.userId, studyId: studyB.id } })).toBe(1);
  });

  it("a file with problems is refused whole, listing them, and the study gets no instrument", async () => {
    const { actor, studyB } = await setup();
    const broken = questionnaire("Broken");
    broken.sections[0]!.items.push({ code: "Q1", type: "text", text: t("again") });
    const error = await rejection(importInstrument(actor, { studyId: studyB.id, name: "Broken", file: { format: "expert-panel/instrument", formatVersion: 1, definition: broken } }));
    expect(error.status).toBe(422);
    expect(JSON.stringify(error.details)).toContain("sections[0].items[1].code");
    expect(await prisma.instrument.count({ where: { studyId: studyB.id } })).toBe(0);
  });

  it("a copy takes the source's latest version (a draft too) as draft v1 in the target study; the source is unchanged; audited", async () => {
    const { actor, studyA, studyB, source } = await setup();
    const newer = await prisma.instrumentVersion.create({ data: { instrumentId: source.instrumentId, number: 2, content: stored(questionnaire("Newer draft")) as object } });
    const created = await copyInstrument(actor, { studyId: studyB.id, sourceInstrumentId: source.instrumentId, name: "Copied" });
    const copy = await prisma.instrument.findUniqueOrThrow({ where: { id: created.instrumentId }, include: { versions: true } });
    expect(copy).toMatchObject({ studyId: studyB.id, name: "Copied", kind: "QUESTIONNAIRE" });
    expect(copy.versions.map((v) => [v.number, v.status])).toEqual([[1, "DRAFT"]]);
    expect(copy.versions[0]!.content).toEqual(stored(questionnaire("Newer draft")));
    expect(await prisma.instrumentVersion.count({ where: { instrumentId: source.instrumentId } })).toBe(2);
    expect((await prisma.instrumentVersion.findUniqueOrThrow({ where: { id: newer.id } })).content).toEqual(stored(questionnaire("Newer draft")));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "instrument.copy", entityId: created.instrumentId } });
    expect(audit).toMatchObject({ actorId: actor.userId, studyId: studyB.id });
    expect(audit.after).toMatchObject({ fromInstrumentId: source.instrumentId, fromStudyId: studyA.id, fromVersion: 2 });
  });

  it("a guide copies as a guide, within the same study under another name; the same name is a conflict", async () => {
    const { actor, studyA } = await setup();
    const guide = await makeGuide(prisma, studyA.id, { name: `Guide ${unique()}` });
    const copy = await copyInstrument(actor, { studyId: studyA.id, sourceInstrumentId: guide.instrumentId, name: "Guide copy" });
    expect((await prisma.instrument.findUniqueOrThrow({ where: { id: copy.instrumentId } })).kind).toBe("GUIDE");
    const again = await rejection(copyInstrument(actor, { studyId: studyA.id, sourceInstrumentId: guide.instrumentId, name: "Guide copy" }));
    expect(again.status).toBe(409);
  });

  it("an instrument of a study the coordinator does not coordinate cannot be copied (404), nor anything put into such a study", async () => {
    const { actor, studyB, source } = await setup();
    const other = await makeStaff(prisma, "COORDINATOR");
    const otherActor = await actorFor(prisma, other.id);
    const foreignStudy = await makeStudy(prisma, other);
    const foreign = await createInstrument(otherActor, { studyId: foreignStudy.id, kind: "questionnaire", name: "Foreign" });
    const before = await prisma.instrument.count();

    // Their instrument into my study, my instrument into their study, and an interviewer's membership is not enough.
    expect((await rejection(copyInstrument(actor, { studyId: studyB.id, sourceInstrumentId: foreign.instrumentId, name: "Stolen" }))).status).toBe(404);
    expect((await rejection(copyInstrument(actor, { studyId: foreignStudy.id, sourceInstrumentId: source.instrumentId, name: "Pushed" }))).status).toBe(404);
    const file = await exportVersion(actor, source.versionId);
    expect((await rejection(importInstrument(actor, { studyId: foreignStudy.id, file }))).status).toBe(404);
    const interviewer = await makeStaff(prisma, "INTERVIEWER");
    await prisma.studyMember.create({ data: { studyId: foreignStudy.id, userId: actor.userId, role: "INTERVIEWER" } });
    expect((await rejection(copyInstrument(actor, { studyId: studyB.id, sourceInstrumentId: foreign.instrumentId, name: "Stolen" }))).status).toBe(404);
    expect((await rejection(copyInstrument(await actorFor(prisma, interviewer.id), { studyId: studyB.id, sourceInstrumentId: source.instrumentId, name: "X" }))).status).toBe(403);
    expect(await prisma.instrument.count()).toBe(before);
  });
});
