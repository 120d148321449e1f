import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor } from "@/lib/auth/sessions";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalJson, contentHash } from "@/lib/instrument/canonical";
import { checkDefinition } from "@/lib/instrument/check";
import { invalidDefinition } from "@/lib/instrument/create";
import type { TDefinition } from "@/lib/instrument/definition";
import { INSTRUMENT_FILE_FORMAT } from "@/lib/instrument/schemas";
import { blankDefinition } from "@/lib/instrument/templates";
import { lockInstrument, lockVersionRow } from "@/lib/instrument/sql";
import { versionTitles } from "@/lib/instrument/titles";
import { createInstrumentWith } from "@/lib/instrument/create";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";


const TRANSLATION_KINDS = new Set(["translation-missing", "translation-stale"]);

const VERSION_SELECT = {
  id: true,
  number: true,
  status: true,
  content: true,
  contentHash: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  instrument: { select: { id: true, name: true, kind: true, studyId: true } },
} as const;

export async function listInstruments(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  const instruments = await db().instrument.findMany({
    where: { study: coordinatedBy(actor) },
    select: {
      id: true,
      name: true,
      kind: true,
      study: { select: { id: true, titleEn: true, titleRu: true } },
      versions: { select: { id: true, number: true, status: true, publishedAt: true, updatedAt: true }, orderBy: { number: "desc" } },
      waves: { select: { id: true, number: true, kind: true, status: true, closesAt: true }, orderBy: { number: "asc" } },
    },
    orderBy: [{ createdAt: "asc" }],
  });
  // Named in both languages by the title of the newest version.
  const titles = await versionTitles(instruments.flatMap((i) => i.versions.slice(0, 1).map((v) => v.id)));
  return instruments.map((i) => ({ ...i, title: i.versions[0] ? titles.get(i.versions[0].id) : undefined }));
}

export async function getVersion(actor: TActor, versionId: string) {
  assertRole(actor, "COORDINATOR");
  const version = await db().instrumentVersion.findFirst({ where: { id: versionId, instrument: { study: coordinatedBy(actor) } }, select: VERSION_SELECT });
  if (!version) throw notFound("The instrument version");
  return { ...version, problems: checkDefinition(version.content).problems };
}

export async function createInstrument(actor: TActor, input: { studyId: string; kind: "questionnaire" | "guide"; name: string }) {
  assertRole(actor, "COORDINATOR");
  const study = await db().study.findFirst({ where: { id: input.studyId, ...coordinatedBy(actor) }, select: { id: true } });
  if (!study) throw notFound("The study");
  try {
    return await db().$transaction(async (tx) => {
      const created = await createInstrumentWith(tx, { ...input, definition: blankDefinition(input.kind, input.name), actorId: actor.userId });
      await recordAudit(tx, { actorId: actor.userId, action: "instrument.create", entity: "Instrument", entityId: created.instrumentId, after: { name: input.name, kind: input.kind } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This study already has an instrument with that name.");
    throw error;
  }
}

/** Locks the version row for the rest of the transaction and returns it, or 404. */
async function lockVersion(tx: Prisma.TransactionClient, actor: TActor, versionId: string) {
  await lockVersionRow(tx, versionId);
  const version = await tx.instrumentVersion.findFirst({ where: { id: versionId, instrument: { study: coordinatedBy(actor) } }, select: { id: true, status: true, instrumentId: true, content: true, number: true } });
  if (!version) throw notFound("The instrument version");
  return version;
}

/**
 * Saves a draft. Structure problems refuse the save (nothing is written); other problems are
 * returned so the editor can show them, and only block publishing.
 */
export async function saveDraft(actor: TActor, versionId: string, content: unknown) {
  assertRole(actor, "COORDINATOR");
  const { definition, problems } = checkDefinition(content);
  if (!definition) throw invalidDefinition(problems, "The definition is not well-formed.");
  await db().$transaction((tx) => writeDraft(tx, actor, versionId, definition));
  return { problems };
}

async function writeDraft(tx: Prisma.TransactionClient, actor: TActor, versionId: string, definition: TDefinition): Promise<void> {
  const version = await lockVersion(tx, actor, versionId);
  if (version.status !== "DRAFT") throw conflict("This version is published and cannot be changed. Edit the instrument to make a new draft.");
  const stored = version.content as { kind?: string };
  if (stored.kind !== definition.kind) throw conflict(`This version is a ${stored.kind}; it cannot become a ${definition.kind}.`);
  await tx.instrumentVersion.update({ where: { id: versionId }, data: { content: definition as Prisma.InputJsonValue } });
}

export async function publishVersion(actor: TActor, versionId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const version = await lockVersion(tx, actor, versionId);
    if (version.status === "PUBLISHED") throw conflict("This version is already published.");
    const { definition, problems } = checkDefinition(version.content);
    if (!definition || problems.length > 0) throw invalidDefinition(problems, "The version cannot be published until every problem is fixed.");
    const hash = contentHash(definition);
    await tx.instrumentVersion.update({
      where: { id: versionId },
      data: { status: "PUBLISHED", contentHash: hash, publishedAt: new Date(), publishedById: actor.userId },
    });
    await recordAudit(tx, { actorId: actor.userId, action: "instrument.publish", entity: "InstrumentVersion", entityId: versionId, after: { number: version.number, contentHash: hash } });
    return { contentHash: hash };
  });
}

/**
 * Editing a published instrument starts a new draft, copied from its latest version; the published
 * versions stay exactly as they were. If a draft is already open, that draft is returned.
 */
export async function openDraft(actor: TActor, instrumentId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction((tx) => openDraftIn(tx, actor, instrumentId));
}

async function openDraftIn(tx: Prisma.TransactionClient, actor: TActor, instrumentId: string) {
  const actorId = actor.userId;
  await lockInstrument(tx, instrumentId);
  const latest = await tx.instrumentVersion.findFirst({ where: { instrumentId, instrument: { study: coordinatedBy(actor) } }, orderBy: { number: "desc" }, select: { id: true, number: true, status: true, content: true } });
  if (!latest) throw notFound("The instrument");
  if (latest.status === "DRAFT") return { versionId: latest.id, number: latest.number, created: false };
  const draft = await tx.instrumentVersion.create({
    data: { instrumentId, number: latest.number + 1, content: latest.content as Prisma.InputJsonValue, createdById: actorId },
    select: { id: true, number: true },
  });
  await recordAudit(tx, { actorId, action: "instrument.draft", entity: "InstrumentVersion", entityId: draft.id, after: { number: draft.number, from: latest.number } });
  return { versionId: draft.id, number: draft.number, created: true };
}

/**
 * Deletes a draft. Published versions are kept for good (the database refuses to delete them):
 * responses are stamped with them, and exports name them by number and hash.
 */
export async function deleteVersion(actor: TActor, versionId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const version = await lockVersion(tx, actor, versionId);
    if (version.status === "PUBLISHED") {
      const responses = await tx.response.count({ where: { versionId } });
      throw conflict(`A published version cannot be deleted${responses ? `: ${responses} response(s) answer it` : ""}.`);
    }
    const others = await tx.instrumentVersion.count({ where: { instrumentId: version.instrumentId, id: { not: versionId } } });
    if (others === 0) throw conflict("This is the instrument's only version.");
    // Recorded first, while the version still tells the log which study this is.
    await recordAudit(tx, { actorId: actor.userId, action: "instrument.delete_draft", entity: "InstrumentVersion", entityId: versionId, before: { number: version.number } });
    await tx.instrumentVersion.delete({ where: { id: versionId } });
  });
}

export async function exportVersion(actor: TActor, versionId: string) {
  const version = await getVersion(actor, versionId);
  return {
    format: INSTRUMENT_FILE_FORMAT as typeof INSTRUMENT_FILE_FORMAT,
    formatVersion: 1 as const,
    name: version.instrument.name,
    number: version.number,
    status: version.status,
    contentHash: version.contentHash,
    definition: JSON.parse(canonicalJson(version.content)) as unknown,
  };
}

/**
 * Imports a definition as the instrument's draft (replacing an open draft, or starting a new one).
 * Anything but translation gaps refuses the whole import, with every problem listed.
 */
export async function importDefinition(actor: TActor, instrumentId: string, content: unknown) {
  assertRole(actor, "COORDINATOR");
  const { definition, problems } = checkDefinition(content);
  const blocking = problems.filter((p) => !TRANSLATION_KINDS.has(p.kind));
  if (!definition || blocking.length > 0) throw invalidDefinition(problems, "The file was not imported: fix these problems first.");
  const instrument = await db().instrument.findFirst({ where: { id: instrumentId, study: coordinatedBy(actor) }, select: { kind: true } });
  if (!instrument) throw notFound("The instrument");
  if ((instrument.kind === "GUIDE") !== (definition.kind === "guide")) throw conflict(`This instrument is a ${instrument.kind.toLowerCase()}; the file holds a ${definition.kind}.`);
  return db().$transaction(async (tx) => {
    const draft = await openDraftIn(tx, actor, instrumentId);
    await writeDraft(tx, actor, draft.versionId, definition);
    await recordAudit(tx, { actorId: actor.userId, action: "instrument.import", entity: "InstrumentVersion", entityId: draft.versionId });
    return { versionId: draft.versionId, problems };
  });
}
