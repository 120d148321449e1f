import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor } from "@/lib/auth/sessions";
import { isUniqueViolation } from "@/lib/db/errors";
import type { TDb } from "@/lib/db/types";
import { badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateCode, ZUpdateCode, type TCreateCode, type TUpdateCode } from "@/lib/codebook/schemas";
import { buildTree, wouldCreateCycle, type TCodeNode, type TCodeRow } from "@/lib/codebook/tree";
import { assertId, parseInput } from "@/lib/http/input";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy, interviewedBy } from "@/lib/study/access";

export type { TCodeNode } from "@/lib/codebook/tree";

const ROW_SELECT = { id: true, parentId: true, code: true, nameRu: true, nameEn: true, descriptionRu: true, descriptionEn: true, position: true } as const;

/** Every code of a study as flat rows. */
export async function studyCodeRows(client: TDb, studyId: string): Promise<TCodeRow[]> {
  return client.themeCode.findMany({ where: { studyId }, select: ROW_SELECT });
}

/** The study's codebook as a tree. */
export async function studyCodeTree(client: TDb, studyId: string): Promise<TCodeNode[]> {
  return buildTree(await studyCodeRows(client, studyId));
}

/**
 * The given code ids, without repeats, after checking that every one is a code of the study:
 * 400 otherwise, so a quote or note of one study is never tagged with another study's codes.
 */
export async function codesOfStudy(client: TDb, studyId: string, codeIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codeIds)];
  if (unique.length === 0) return unique;
  const found = await client.themeCode.findMany({ where: { studyId, id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) {
    const known = new Set(found.map((c) => c.id));
    throw badRequest("Some codes are not in this study's codebook.", unique.filter((id) => !known.has(id)).map((id) => ({ path: "codeIds", message: `unknown code ${id}` })));
  }
  return unique;
}

/**
 * A study's codebook. Coordinators see every study's; an interviewer sees the codebook of a study
 * they interview for (tagging needs it), and any other study is 404 to them.
 */
export async function listCodes(actor: TActor, studyId: string): Promise<{ codes: TCodeNode[] }> {
  if (actor.role !== "COORDINATOR" && actor.role !== "INTERVIEWER") throw forbidden();
  assertId(studyId, "The study");
  const visible =
    actor.role === "COORDINATOR"
      ? await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } })
      : await db().interview.findFirst({ where: { interviewerId: actor.userId, expert: { studyId, study: interviewedBy(actor) } }, select: { id: true } });
  if (!visible) throw notFound("The study");
  return { codes: await studyCodeTree(db(), studyId) };
}

/** Serialises changes to one study's codebook, so checks (unique code, cycles) and writes cannot interleave. */
async function lockStudyCodebook(tx: Prisma.TransactionClient, studyId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Study" WHERE "id" = ${studyId}::uuid FOR NO KEY UPDATE`;
}

/** Puts `codeId` at `index` among the siblings under `parentId` and numbers the siblings 0, 1, 2, … */
async function placeAmongSiblings(tx: Prisma.TransactionClient, studyId: string, parentId: string | null, codeId: string, index: number | undefined) {
  const siblings = await tx.themeCode.findMany({
    where: { studyId, parentId, id: { not: codeId } },
    select: { id: true },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  const ids = siblings.map((s) => s.id);
  ids.splice(Math.min(index ?? ids.length, ids.length), 0, codeId);
  for (const [position, id] of ids.entries()) await tx.themeCode.update({ where: { id }, data: { position } });
}

const duplicateCode = (code: string) => conflict(`The code "${code}" is already in this study's codebook.`);

export async function createCode(actor: TActor, studyId: string, input: TCreateCode): Promise<{ id: string }> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const data = parseInput(ZCreateCode, input);
  const study = await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } });
  if (!study) throw notFound("The study");
  try {
    return await db().$transaction(async (tx) => {
      await lockStudyCodebook(tx, studyId);
      const parentId = data.parentId ?? null;
      if (parentId && !(await tx.themeCode.findFirst({ where: { id: parentId, studyId }, select: { id: true } }))) {
        throw badRequest("The parent code is not in this study's codebook.", [{ path: "parentId", message: "unknownParent" }]);
      }
      if (await tx.themeCode.findUnique({ where: { studyId_code: { studyId, code: data.code } }, select: { id: true } })) throw duplicateCode(data.code);
      const last = await tx.themeCode.aggregate({ where: { studyId, parentId }, _max: { position: true } });
      const created = await tx.themeCode.create({
        data: {
          studyId,
          parentId,
          code: data.code,
          nameRu: data.nameRu,
          nameEn: data.nameEn,
          descriptionRu: data.descriptionRu ?? "",
          descriptionEn: data.descriptionEn ?? "",
          position: (last._max.position ?? -1) + 1,
        },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.userId, action: "code.create", entity: "ThemeCode", entityId: created.id, after: { code: data.code, parentId } });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(data.code);
    throw error;
  }
}

/** Changes a code's names, descriptions, code, parent or place. A parent below the code itself is refused (400). */
export async function updateCode(actor: TActor, codeId: string, patch: TUpdateCode): Promise<{ id: string }> {
  assertRole(actor, "COORDINATOR");
  assertId(codeId, "The code");
  const data = parseInput(ZUpdateCode, patch);
  const found = await db().themeCode.findFirst({ where: { id: codeId, study: coordinatedBy(actor) }, select: { studyId: true } });
  if (!found) throw notFound("The code");
  const studyId = found.studyId;
  try {
    return await db().$transaction(async (tx) => {
      await lockStudyCodebook(tx, studyId);
      const rows = await studyCodeRows(tx, studyId);
      const current = rows.find((r) => r.id === codeId);
      if (!current) throw notFound("The code");
      const parentId = data.parentId === undefined ? current.parentId : data.parentId;
      const moved = parentId !== current.parentId;
      if (moved && parentId !== null) {
        if (!rows.some((r) => r.id === parentId)) throw badRequest("The parent code is not in this study's codebook.", [{ path: "parentId", message: "unknownParent" }]);
        if (wouldCreateCycle(rows, codeId, parentId)) throw badRequest("A code cannot be placed below itself or one of its own sub-codes.", [{ path: "parentId", message: "cycle" }]);
      }
      if (data.code !== undefined && data.code !== current.code && rows.some((r) => r.code === data.code)) throw duplicateCode(data.code);
      await tx.themeCode.update({
        where: { id: codeId },
        data: {
          code: data.code,
          parentId,
          nameRu: data.nameRu,
          nameEn: data.nameEn,
          descriptionRu: data.descriptionRu,
          descriptionEn: data.descriptionEn,
        },
      });
      // The siblings left behind keep their order; gaps in their positions are harmless.
      if (moved || data.position !== undefined) await placeAmongSiblings(tx, studyId, parentId, codeId, data.position);
      const after = { code: data.code ?? current.code, parentId, nameRu: data.nameRu ?? current.nameRu, nameEn: data.nameEn ?? current.nameEn };
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "code.update",
        entity: "ThemeCode",
        entityId: codeId,
        before: { code: current.code, parentId: current.parentId, nameRu: current.nameRu, nameEn: current.nameEn },
        after,
      });
      return { id: codeId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(data.code ?? "");
    throw error;
  }
}

/** Deletes a code with every code below it; quotes and notes lose those tags (and nothing else). */
export async function deleteCode(actor: TActor, codeId: string): Promise<{ ok: true }> {
  assertRole(actor, "COORDINATOR");
  assertId(codeId, "The code");
  const found = await db().themeCode.findFirst({ where: { id: codeId, study: coordinatedBy(actor) }, select: { studyId: true } });
  if (!found) throw notFound("The code");
  return db().$transaction(async (tx) => {
    await lockStudyCodebook(tx, found.studyId);
    const code = await tx.themeCode.findUnique({ where: { id: codeId }, select: { code: true, parentId: true, nameEn: true, nameRu: true } });
    if (!code) throw notFound("The code");
    // Recorded first, while the code still tells the log which study this is.
    await recordAudit(tx, { actorId: actor.userId, action: "code.delete", entity: "ThemeCode", entityId: codeId, before: code });
    await tx.themeCode.delete({ where: { id: codeId } });
    return { ok: true as const };
  });
}
