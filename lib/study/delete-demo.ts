import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/types";
import { conflict, notFound } from "@/lib/errors";
import { assertId } from "@/lib/http/input";
import { coordinatedBy } from "@/lib/study/access";
import { deleteDemoStudyRows } from "@/lib/study/sql";

/**
 * Deletes the demo study and everything in it in one audited step (the SQL function
 * `delete_demo_study`, prisma/README.md): its panel, answers, interviews, quotes, instruments with
 * their published versions, messages and team, and the expert accounts that belong to no other
 * study. Only a study marked as the demo can go: a real study is archived instead, which keeps its
 * data read-only. The audit log keeps every entry, this one included (about no study any more, so
 * the installation's administrator reads it).
 */
export async function deleteDemoStudy(actor: TActor, studyId: string): Promise<{ deleted: true }> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  return db().$transaction(async (tx) => {
    const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { isDemo: true, titleEn: true, titleRu: true, status: true } });
    if (!study) throw notFound("The study");
    if (!study.isDemo) throw conflict("Only the demo study can be deleted. Archive a real study instead: it stays read-only with all its data.");
    const deleted = await deleteDemoStudyRows(tx, studyId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "study.delete",
      entity: "Study",
      entityId: studyId,
      before: { titleEn: study.titleEn, titleRu: study.titleRu, status: study.status, isDemo: true },
      after: deleted,
    });
    return { deleted: true as const };
  }, LONG_TRANSACTION);
}
