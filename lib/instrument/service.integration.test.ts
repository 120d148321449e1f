import { afterAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canonicalJson, contentHash } from "@/lib/instrument/canonical";
import { checkDefinition, type TProblem } from "@/lib/instrument/check";
import type { TGuideInput, TItemInput, TQuestionnaireInput } from "@/lib/instrument/definition";
import { INSTRUMENT_FILE_FORMAT } from "@/lib/instrument/schemas";
import {
  createInstrument,
  deleteVersion,
  exportVersion,
  getVersion,
  importDefinition,
  listInstruments,
  openDraft,
  publishVersion,
  saveDraft,
} from "@/lib/instrument/service";
import { blankDefinition } from "@/lib/instrument/templates";
import { confirmedText } from "@/lib/i18n/text";
import { testPrisma } from "@/lib/testing/db";
import { actorFor, makeExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/errors";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});


const problemsOf = (error: AppError) => (error.details as { problems: TProblem[] }).problems;
const kindsAt = (problems: TProblem[]) => problems.map((p) => ({ path: p.path, kind: p.kind }));

// ── Small, valid definitions (every text translated and confirmed).

const t = (s: string) => confirmedText(`${s} (ru)`, `${s} (en)`);
const opt = (code: string) => ({ code, label: t(code) });
const single = (code: string, options = [opt(`${code}_1`), opt(`${code}_2`)]): TItemInput => ({ code, type: "single", text: t(code), required: true, options });

function questionnaire(title = "Questionnaire"): TQuestionnaireInput {
  return {
    kind: "questionnaire",
    title: t(title),
    sections: [
      {
        code: "S1",
        title: t("S1"),
        items: [
          single("Q1"),
          { code: "Q2", type: "scale", text: t("Q2"), min: 1, max: 5, cannotAssess: true, showIf: [{ item: "Q1", op: "equals", value: "Q1_1" }] },
          { code: "Q3", type: "text", text: t("Q3"), multiline: true, maxLength: 1000 },
        ],
      },
    ],
  };
}

function guide(): TGuideInput {
  return {
    kind: "guide",
    title: t("Guide"),
    blocks: [{ code: "B1", title: t("B1"), questions: [{ code: "B1_Q1", text: t("B1_Q1"), probes: [{ code: "B1_Q1_P1", text: t("probe") }] }] }],
  };
}

/** The definition as stored: parsed, with defaults applied. */
const parsed = (input: unknown) => {
  const { definition } = checkDefinition(input);
  if (!definition) throw new Error("expected a well-formed definition");
  return definition;
};

const coordinator = async () => actorFor(prisma, (await makeStaff(prisma, "COORDINATOR")).id);

/** A coordinator, a study and a new instrument (draft v1 holding the blank definition). */
async function freshInstrument(kind: "questionnaire" | "guide" = "questionnaire") {
  const staff = await makeStaff(prisma, "COORDINATOR");
  const actor = await actorFor(prisma, staff.id);
  const study = await makeStudy(prisma, staff);
  const name = `Instrument ${unique()}`;
  const created = await createInstrument(actor, { studyId: study.id, kind, name });
  return { actor, study, name, ...created };
}

/** As freshInstrument, with a valid definition saved into the draft and (optionally) published. */
async function validInstrument(options: { publish?: boolean } = {}) {
  const setup = await freshInstrument();
  const definition = questionnaire();
  expect((await saveDraft(setup.actor, setup.versionId, definition)).problems).toEqual([]);
  if (options.publish) await publishVersion(setup.actor, setup.versionId);
  return { ...setup, definition };
}

const versionRow = (id: string) => prisma.instrumentVersion.findUniqueOrThrow({ where: { id } });
const versionCount = (instrumentId: string) => prisma.instrumentVersion.count({ where: { instrumentId } });

describe("instrument service: access", () => {
  it("only coordinators can call any function", async () => {
    const { study, instrumentId, versionId } = await validInstrument();
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    const expert = await actorFor(prisma, (await makeExpert(prisma, study.id)).userId);
    const before = await versionRow(versionId);

    for (const actor of [interviewer, expert] as TActor[]) {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ["listInstruments", () => listInstruments(actor)],
        ["getVersion", () => getVersion(actor, versionId)],
        ["createInstrument", () => createInstrument(actor, { studyId: study.id, kind: "questionnaire", name: `X ${unique()}` })],
        ["saveDraft", () => saveDraft(actor, versionId, questionnaire("Changed"))],
        ["publishVersion", () => publishVersion(actor, versionId)],
        ["openDraft", () => openDraft(actor, instrumentId)],
        ["deleteVersion", () => deleteVersion(actor, versionId)],
        ["exportVersion", () => exportVersion(actor, versionId)],
        ["importDefinition", () => importDefinition(actor, instrumentId, questionnaire("Imported"))],
      ];
      for (const [name, call] of calls) {
        const error = await rejection(call());
        expect(error.status, `${actor.role} ${name}`).toBe(403);
      }
    }

    expect(await versionRow(versionId)).toEqual(before);
    expect(await versionCount(instrumentId)).toBe(1);
    expect(await prisma.instrument.count({ where: { studyId: study.id } })).toBe(1);
  });
});

describe("instrument service: drafts", () => {
  it("create makes the instrument with draft version 1 holding the blank definition, audited", async () => {
    const { actor, study, name, instrumentId, versionId } = await freshInstrument();
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId }, include: { versions: true } });
    expect(instrument).toMatchObject({ studyId: study.id, kind: "QUESTIONNAIRE", name });
    expect(instrument.versions).toHaveLength(1);
    expect(instrument.versions[0]).toMatchObject({ id: versionId, number: 1, status: "DRAFT", contentHash: null, publishedAt: null, createdById: actor.userId });
    expect(instrument.versions[0]!.content).toEqual(blankDefinition("questionnaire", name));
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: instrumentId, action: "instrument.create" } });
    expect(audit?.actorId).toBe(actor.userId);

    // The blank definition is well-formed but not publishable yet.
    const version = await getVersion(actor, versionId);
    expect(version.problems.length).toBeGreaterThan(0);
    expect(version.problems.every((p) => p.kind !== "structure")).toBe(true);
  });

  it("a guide instrument starts with a blank guide", async () => {
    const { name, instrumentId, versionId } = await freshInstrument("guide");
    expect((await prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId } })).kind).toBe("GUIDE");
    expect((await versionRow(versionId)).content).toEqual(blankDefinition("guide", name));
  });

  it("the same name twice in one study is a conflict; an unknown study is not found", async () => {
    const { actor, study, name } = await freshInstrument();
    expect((await rejection(createInstrument(actor, { studyId: study.id, kind: "guide", name }))).status).toBe(409);
    expect(await prisma.instrument.count({ where: { studyId: study.id } })).toBe(1);
    expect((await rejection(createInstrument(actor, { studyId: "00000000-0000-4000-8000-000000000000", kind: "guide", name }))).status).toBe(404);
  });

  it("saveDraft refuses a structurally invalid definition with 422 and leaves the stored content unchanged", async () => {
    const { actor, versionId, definition } = await validInstrument();
    const before = await versionRow(versionId);
    const broken = questionnaire();
    broken.sections[0]!.items[1]!.code = "1abc";
    const error = await rejection(saveDraft(actor, versionId, broken));
    expect(error.status).toBe(422);
    expect(error.code).toBe("invalid_definition");
    expect(kindsAt(problemsOf(error))).toEqual([{ path: "sections[0].items[1].code", kind: "structure" }]);
    const after = await versionRow(versionId);
    expect(after.content).toEqual(before.content);
    expect(after.content).toEqual(parsed(definition));
    expect(after.updatedAt).toEqual(before.updatedAt);

    expect((await rejection(saveDraft(actor, versionId, { kind: "questionnaire" }))).status).toBe(422);
    expect((await rejection(saveDraft(actor, versionId, "not json"))).status).toBe(422);
    expect((await versionRow(versionId)).content).toEqual(before.content);
  });

  it("saveDraft saves a definition with non-structure problems and returns them", async () => {
    const { actor, versionId } = await freshInstrument();
    const def = questionnaire();
    def.sections[0]!.items.push(single("Q1"), { code: "Q9", type: "single", text: { ru: "Вопрос", en: "", source: "ru" }, options: [] });
    const { problems } = await saveDraft(actor, versionId, def);
    expect(kindsAt(problems)).toEqual(
      expect.arrayContaining([
        { path: "sections[0].items[3].code", kind: "duplicate" },
        { path: "sections[0].items[4].options", kind: "empty" },
        { path: "sections[0].items[4].text", kind: "translation-missing" },
      ]),
    );
    const row = await versionRow(versionId);
    expect(row.status).toBe("DRAFT");
    expect(row.content).toEqual(parsed(def));
    expect((await getVersion(actor, versionId)).problems).toEqual(problems);
  });

  it("saveDraft cannot turn a questionnaire into a guide, and 404s for an unknown version", async () => {
    const { actor, versionId } = await validInstrument();
    const before = await versionRow(versionId);
    expect((await rejection(saveDraft(actor, versionId, guide()))).status).toBe(409);
    expect((await versionRow(versionId)).content).toEqual(before.content);
    expect((await rejection(saveDraft(actor, "00000000-0000-4000-8000-000000000000", questionnaire()))).status).toBe(404);
  });
});

describe("instrument service: publishing", () => {
  it("publish refuses a definition with problems (422, every problem listed) and leaves it a draft", async () => {
    const { actor, versionId } = await freshInstrument();
    const def = questionnaire();
    def.sections[0]!.items[0]!.code = "Q3";
    def.title = { ...def.title, ru: "Изменённое название" };
    await saveDraft(actor, versionId, def);

    const error = await rejection(publishVersion(actor, versionId));
    expect(error.status).toBe(422);
    expect(error.code).toBe("invalid_definition");
    const listed = problemsOf(error);
    expect(listed).toEqual(checkDefinition(def).problems);
    expect(kindsAt(listed)).toEqual(
      expect.arrayContaining([
        { path: "sections[0].items[2].code", kind: "duplicate" },
        { path: "title", kind: "translation-stale" },
      ]),
    );
    const row = await versionRow(versionId);
    expect(row).toMatchObject({ status: "DRAFT", contentHash: null, publishedAt: null, publishedById: null });
  });

  it("the blank definition of a new instrument cannot be published", async () => {
    const { actor, versionId } = await freshInstrument();
    const error = await rejection(publishVersion(actor, versionId));
    expect(error.status).toBe(422);
    expect(kindsAt(problemsOf(error))).toEqual(expect.arrayContaining([{ path: "sections[0].items[0].options", kind: "empty" }]));
    expect((await versionRow(versionId)).status).toBe("DRAFT");
  });

  it("publish of a valid definition sets PUBLISHED and the SHA-256 of its canonical JSON; it is then frozen", async () => {
    const { actor, versionId, definition } = await validInstrument();
    const { contentHash: returned } = await publishVersion(actor, versionId);
    const row = await versionRow(versionId);
    expect(row.status).toBe("PUBLISHED");
    expect(row.contentHash).toBe(contentHash(parsed(definition)));
    expect(row.contentHash).toBe(contentHash(row.content));
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(returned).toBe(row.contentHash);
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(row.publishedById).toBe(actor.userId);
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: versionId, action: "instrument.publish" } });
    expect(audit?.after).toEqual({ number: 1, contentHash: row.contentHash });

    const later = await rejection(saveDraft(actor, versionId, questionnaire("Changed")));
    expect(later.status).toBe(409);
    expect((await rejection(publishVersion(actor, versionId))).status).toBe(409);
    expect(await versionRow(versionId)).toEqual(row);
  });

  it("the database refuses a raw change to a published version", async () => {
    const { versionId } = await validInstrument({ publish: true });
    const before = await versionRow(versionId);
    const changed = JSON.stringify(parsed(questionnaire("Tampered")));
    await expect(prisma.$executeRaw`UPDATE "InstrumentVersion" SET content = ${changed}::jsonb WHERE id = ${versionId}::uuid`).rejects.toThrow(
      /published and cannot be changed/,
    );
    await expect(prisma.$executeRaw`UPDATE "InstrumentVersion" SET status = 'DRAFT' WHERE id = ${versionId}::uuid`).rejects.toThrow(
      /published and cannot be changed/,
    );
    await expect(prisma.instrumentVersion.update({ where: { id: versionId }, data: { contentHash: "0".repeat(64) } })).rejects.toThrow();
    expect(await versionRow(versionId)).toEqual(before);
  });

  it("the database still lets a draft be changed", async () => {
    const { versionId } = await validInstrument();
    const changed = parsed(questionnaire("Changed directly"));
    await prisma.$executeRaw`UPDATE "InstrumentVersion" SET content = ${JSON.stringify(changed)}::jsonb WHERE id = ${versionId}::uuid`;
    expect((await versionRow(versionId)).content).toEqual(changed);
  });
});

describe("instrument service: new drafts and deletion", () => {
  it("openDraft on a published instrument makes draft version 2 with the same content; version 1 stays as it was", async () => {
    const { actor, instrumentId, versionId } = await validInstrument({ publish: true });
    const v1 = await versionRow(versionId);

    const opened = await openDraft(actor, instrumentId);
    expect(opened).toMatchObject({ number: 2, created: true });
    const v2 = await versionRow(opened.versionId);
    expect(v2).toMatchObject({ instrumentId, number: 2, status: "DRAFT", contentHash: null, publishedAt: null, createdById: actor.userId });
    expect(v2.content).toEqual(v1.content);

    const again = await openDraft(actor, instrumentId);
    expect(again).toEqual({ versionId: opened.versionId, number: 2, created: false });
    expect(await versionCount(instrumentId)).toBe(2);

    // Editing the new draft leaves version 1 untouched.
    await saveDraft(actor, opened.versionId, questionnaire("Second edition"));
    const v1After = await versionRow(versionId);
    expect(v1After).toEqual(v1);
    expect(v1After.contentHash).toBe(contentHash(v1After.content));
    expect((await versionRow(opened.versionId)).content).toEqual(parsed(questionnaire("Second edition")));
  });

  it("openDraft on an instrument whose latest version is a draft returns that draft", async () => {
    const { actor, instrumentId, versionId } = await freshInstrument();
    expect(await openDraft(actor, instrumentId)).toEqual({ versionId, number: 1, created: false });
    expect(await versionCount(instrumentId)).toBe(1);
    expect((await rejection(openDraft(actor, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });

  it("concurrent openDraft calls open one draft", async () => {
    const { actor, instrumentId } = await validInstrument({ publish: true });
    const results = await Promise.all([openDraft(actor, instrumentId), openDraft(actor, instrumentId), openDraft(actor, instrumentId)]);
    expect(new Set(results.map((r) => r.versionId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await versionCount(instrumentId)).toBe(2);
  });

  it("deleteVersion deletes a draft but refuses a version with responses and an instrument's only version", async () => {
    const { actor, study, instrumentId, versionId } = await validInstrument({ publish: true });
    const draft = await openDraft(actor, instrumentId);
    const expert = await makeExpert(prisma, study.id);
    await prisma.response.create({ data: { expertId: expert.expertId, instrumentId, versionId, optionOrder: {} } });

    const refused = await rejection(deleteVersion(actor, versionId));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/response/);
    expect((await versionRow(versionId)).status).toBe("PUBLISHED");

    await deleteVersion(actor, draft.versionId);
    expect(await prisma.instrumentVersion.findUnique({ where: { id: draft.versionId } })).toBeNull();
    expect(await versionCount(instrumentId)).toBe(1);
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: draft.versionId, action: "instrument.delete_draft" } });
    expect(audit?.before).toEqual({ number: 2 });
    expect((await rejection(deleteVersion(actor, draft.versionId))).status).toBe(404);

    const only = await freshInstrument();
    expect((await rejection(deleteVersion(only.actor, only.versionId))).status).toBe(409);
    expect(await versionCount(only.instrumentId)).toBe(1);
  });

  it("a published version is kept even with no responses, and the database refuses to delete it", async () => {
    const { actor, instrumentId, versionId } = await validInstrument({ publish: true });
    await openDraft(actor, instrumentId);
    expect((await rejection(deleteVersion(actor, versionId))).status).toBe(409);
    await expect(prisma.$executeRaw`DELETE FROM "InstrumentVersion" WHERE "id" = ${versionId}::uuid`).rejects.toThrow(/cannot be deleted/);
    expect((await versionRow(versionId)).status).toBe("PUBLISHED");
  });
});

describe("instrument service: export and import", () => {
  it("export then import reproduces the definition", async () => {
    const source = await validInstrument({ publish: true });
    const exported = await exportVersion(source.actor, source.versionId);
    const row = await versionRow(source.versionId);
    expect(exported).toMatchObject({ format: INSTRUMENT_FILE_FORMAT, formatVersion: 1, name: source.name, number: 1, status: "PUBLISHED", contentHash: row.contentHash });
    expect(exported.definition).toEqual(parsed(source.definition));
    expect(contentHash(exported.definition)).toBe(row.contentHash);

    // Through a file: JSON text out, JSON text in, into another instrument.
    const file = JSON.parse(JSON.stringify(exported)) as typeof exported;
    const target = await freshInstrument();
    const imported = await importDefinition(target.actor, target.instrumentId, file.definition);
    expect(imported).toEqual({ versionId: target.versionId, problems: [] });
    const targetRow = await versionRow(target.versionId);
    expect(targetRow.status).toBe("DRAFT");
    expect(targetRow.content).toEqual(exported.definition);
    expect(canonicalJson((await exportVersion(target.actor, target.versionId)).definition)).toBe(canonicalJson(exported.definition));

    // Into the source instrument itself: a new draft next to the published version.
    const again = await importDefinition(source.actor, source.instrumentId, file.definition);
    expect(again.versionId).not.toBe(source.versionId);
    expect((await versionRow(again.versionId)).content).toEqual(row.content);
    expect(await versionCount(source.instrumentId)).toBe(2);
    const audit = await prisma.auditEvent.findFirst({ where: { entityId: again.versionId, action: "instrument.import" } });
    expect(audit?.actorId).toBe(source.actor.userId);
  });

  it("an import with a duplicate code is refused whole, with every problem listed, and writes nothing", async () => {
    const { actor, instrumentId, versionId } = await validInstrument({ publish: true });
    const auditsBefore = await prisma.auditEvent.count({ where: { entityId: versionId } });
    const def = questionnaire("Imported");
    def.sections[0]!.items.push(single("Q2"), { code: "Q5", type: "scale", text: t("Q5"), min: 5, max: 1 });
    def.sections[0]!.title = { ru: "Раздел", en: "", source: "ru" };

    const error = await rejection(importDefinition(actor, instrumentId, def));
    expect(error.status).toBe(422);
    expect(error.code).toBe("invalid_definition");
    expect(kindsAt(problemsOf(error))).toEqual(
      expect.arrayContaining([
        { path: "sections[0].items[3].code", kind: "duplicate" },
        { path: "sections[0].items[4].min", kind: "bounds" },
        { path: "sections[0].title", kind: "translation-missing" },
      ]),
    );
    expect(problemsOf(error)).toEqual(checkDefinition(def).problems);
    expect(await versionCount(instrumentId)).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: versionId } })).toBe(auditsBefore);
  });

  it("an import with a duplicate code does not overwrite an open draft", async () => {
    const { actor, instrumentId, versionId } = await validInstrument();
    const before = await versionRow(versionId);
    const def = questionnaire("Imported");
    def.sections[0]!.items.push(single("Q1"));
    expect((await rejection(importDefinition(actor, instrumentId, def))).status).toBe(422);
    expect(await versionRow(versionId)).toEqual(before);
  });

  it("a structurally invalid import is refused with its structure problems", async () => {
    const { actor, instrumentId } = await validInstrument({ publish: true });
    const error = await rejection(importDefinition(actor, instrumentId, { kind: "questionnaire", title: t("X"), sections: [{ code: "S1", title: t("S"), items: [{ code: "Q1", type: "slider" }] }] }));
    expect(error.status).toBe(422);
    expect(kindsAt(problemsOf(error))).toEqual([{ path: "sections[0].items[0].type", kind: "structure" }]);
    expect(await versionCount(instrumentId)).toBe(1);
  });

  it("an import with only translation problems is accepted into the draft, with the problems returned", async () => {
    const { actor, instrumentId, versionId } = await validInstrument({ publish: true });
    const def = questionnaire("Imported");
    def.sections[0]!.title = { ru: "Раздел", en: "", source: "ru" };
    def.sections[0]!.items[0]!.text = { ...t("Q1"), ru: "Новый текст" };

    const result = await importDefinition(actor, instrumentId, def);
    expect(kindsAt(result.problems)).toEqual([
      { path: "sections[0].title", kind: "translation-missing" },
      { path: "sections[0].items[0].text", kind: "translation-stale" },
    ]);
    expect(result.versionId).not.toBe(versionId);
    const row = await versionRow(result.versionId);
    expect(row).toMatchObject({ status: "DRAFT", number: 2 });
    expect(row.content).toEqual(parsed(def));
    // ...but it cannot be published until they are fixed.
    expect((await rejection(publishVersion(actor, result.versionId))).status).toBe(422);
  });

  it("importing a guide into a questionnaire instrument (or the reverse) is a conflict and writes nothing", async () => {
    const { actor, instrumentId, versionId } = await validInstrument();
    const before = await versionRow(versionId);
    expect((await rejection(importDefinition(actor, instrumentId, guide()))).status).toBe(409);
    expect(await versionRow(versionId)).toEqual(before);
    expect(await versionCount(instrumentId)).toBe(1);

    const g = await freshInstrument("guide");
    expect((await rejection(importDefinition(g.actor, g.instrumentId, questionnaire()))).status).toBe(409);
    const imported = await importDefinition(g.actor, g.instrumentId, guide());
    expect(imported).toEqual({ versionId: g.versionId, problems: [] });
    expect((await versionRow(g.versionId)).content).toEqual(parsed(guide()));
  });

  it("importing into an unknown instrument is not found", async () => {
    const actor = await coordinator();
    expect((await rejection(importDefinition(actor, "00000000-0000-4000-8000-000000000000", questionnaire()))).status).toBe(404);
  });
});
