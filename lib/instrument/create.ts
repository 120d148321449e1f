import type { TDb } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contentHash } from "@/lib/instrument/canonical";
import { checkDefinition, type TProblem } from "@/lib/instrument/check";
import type { TDefinition } from "@/lib/instrument/definition";

/** A definition refused with every problem listed (HTTP 422). */
export const invalidDefinition = (problems: TProblem[], message = "The definition has problems.") =>
  new AppError(422, "invalid_definition", message, { problems });

/**
 * Creates the instrument with its first version: a draft, or (for the demo seed) a version published
 * at once, which must then be free of problems.
 */
export async function createInstrumentWith(
  tx: TDb,
  input: { studyId: string; kind: "questionnaire" | "guide"; name: string; definition: TDefinition; actorId: string | null; publish?: boolean },
) {
  let published = {};
  if (input.publish) {
    const { problems } = checkDefinition(input.definition);
    if (problems.length) throw invalidDefinition(problems, `${input.name} cannot be published: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
    published = { status: "PUBLISHED" as const, contentHash: contentHash(input.definition), publishedAt: new Date(), publishedById: input.actorId };
  }
  const instrument = await tx.instrument.create({
    data: { studyId: input.studyId, kind: input.kind === "guide" ? "GUIDE" : "QUESTIONNAIRE", name: input.name },
    select: { id: true },
  });
  const version = await tx.instrumentVersion.create({
    data: { instrumentId: instrument.id, number: 1, content: input.definition as Prisma.InputJsonValue, createdById: input.actorId, ...published },
    select: { id: true },
  });
  return { instrumentId: instrument.id, versionId: version.id };
}

