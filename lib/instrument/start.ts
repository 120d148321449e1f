import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkDefinition } from "@/lib/instrument/check";
import { createInstrumentWith, invalidDefinition } from "@/lib/instrument/create";
import type { TDefinition } from "@/lib/instrument/definition";
import { ZCopyInstrument, ZImportInstrument, type TCopyInstrument, type TImportInstrument } from "@/lib/instrument/schemas";
import { assertId, parseInput } from "@/lib/http/input";
import { coordinatedBy } from "@/lib/study/access";

/**
 * The two ways an instrument enters a study besides a blank draft (lib/instrument/service.ts
 * `createInstrument`): an exported file, or a copy of an instrument of a study the coordinator
 * coordinates. Either way the study gets a new instrument whose first version is a draft.
 */

const TRANSLATION_KINDS = new Set(["translation-missing", "translation-stale"]);

async function createDraftInstrument(actor: TActor, studyId: string, name: string, definition: TDefinition, audit: { action: string; after: Prisma.InputJsonObject }) {
  try {
    return await db().$transaction(async (tx) => {
      const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } });
      if (!study) throw notFound("The study");
      const created = await createInstrumentWith(tx, { studyId, kind: definition.kind, name, definition, actorId: actor.userId });
      await recordAudit(tx, { actorId: actor.userId, action: audit.action, entity: "Instrument", entityId: created.instrumentId, after: { name, kind: definition.kind, ...audit.after } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This study already has an instrument with that name.");
    throw error;
  }
}

/** A new instrument from the JSON the editor exports. Anything but translation gaps refuses the file, with every problem listed. */
export async function importInstrument(actor: TActor, raw: TImportInstrument) {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZImportInstrument, raw);
  const { definition, problems } = checkDefinition(input.file.definition);
  const blocking = problems.filter((p) => !TRANSLATION_KINDS.has(p.kind));
  if (!definition || blocking.length > 0) throw invalidDefinition(problems, "The file was not imported: fix these problems first.");
  const name = input.name || input.file.name?.trim() || "Imported instrument";
  const created = await createDraftInstrument(actor, input.studyId, name, definition, { action: "instrument.import_new", after: {} });
  return { ...created, problems };
}

/**
 * A new instrument holding the content of the latest version of another instrument, which must
 * belong to a study the actor coordinates (404 otherwise, as for every object of another team).
 */
export async function copyInstrument(actor: TActor, raw: TCopyInstrument) {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZCopyInstrument, raw);
  assertId(input.sourceInstrumentId, "The instrument");
  const source = await db().instrumentVersion.findFirst({
    where: { instrument: { id: input.sourceInstrumentId, study: coordinatedBy(actor) } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, content: true, instrument: { select: { studyId: true } } },
  });
  if (!source) throw notFound("The instrument");
  const { definition } = checkDefinition(source.content);
  if (!definition) throw invalidDefinition([], "The source version is not well-formed.");
  return createDraftInstrument(actor, input.studyId, input.name, definition, {
    action: "instrument.copy",
    after: { fromInstrumentId: input.sourceInstrumentId, fromStudyId: source.instrument.studyId, fromVersion: source.number },
  });
}
