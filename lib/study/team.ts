import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { badRequest, conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertId, parseInput } from "@/lib/http/input";
import { coordinatedBy } from "@/lib/study/access";
import { archived } from "@/lib/study/lifecycle";
import { lockStudy } from "@/lib/study/sql";
import { ZAddMember, type TAddMember } from "@/lib/study/schemas";

/**
 * A study's team, managed by its coordinators. A member is an existing, enabled staff account: a
 * coordinator's account in either role, an interviewer's account as an interviewer; the last
 * coordinator stays.
 */

async function coordinatedStudy(tx: Prisma.TransactionClient, actor: TActor, studyId: string) {
  assertId(studyId, "The study");
  // Locks the study, so two changes to its team are checked one after the other.
  const study = (await lockStudy(tx, studyId)) ? await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { status: true } }) : null;
  if (!study) throw notFound("The study");
  if (study.status === "ARCHIVED") throw archived();
}

export async function listMembers(actor: TActor, studyId: string) {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const study = await db().study.findFirst({
    where: { id: studyId, ...coordinatedBy(actor) },
    select: {
      members: {
        select: { role: true, addedAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
        orderBy: [{ role: "asc" }, { addedAt: "asc" }],
      },
    },
  });
  if (!study) throw notFound("The study");
  return study.members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, disabled: Boolean(m.user.disabledAt), addedAt: m.addedAt }));
}

export async function addMember(actor: TActor, studyId: string, raw: TAddMember) {
  assertRole(actor, "COORDINATOR");
  const input = parseInput(ZAddMember, raw);
  try {
    return await db().$transaction(async (tx) => {
      await coordinatedStudy(tx, actor, studyId);
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, disabledAt: true } });
      if (!user || user.role === "EXPERT" || user.disabledAt) throw badRequest("There is no enabled staff account with this e-mail.", [{ path: "email", message: "noStaffAccount" }]);
      // A coordinator's account may interview for a study (it then also works in the interviewer's
      // area, for that study only); an interviewer's account never coordinates.
      if (input.role === "COORDINATOR" && user.role !== "COORDINATOR") {
        throw badRequest("This account works as an interviewer: add it as an interviewer.", [{ path: "role", message: `accountIs${user.role}` }]);
      }
      await tx.studyMember.create({ data: { studyId, userId: user.id, role: input.role, addedById: actor.userId } });
      await recordAudit(tx, { actorId: actor.userId, action: "study.member.add", entity: "Study", entityId: studyId, after: { userId: user.id, role: input.role } });
      return { userId: user.id, role: input.role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This person is already on the study's team.");
    throw error;
  }
}

export async function removeMember(actor: TActor, studyId: string, userId: string) {
  assertRole(actor, "COORDINATOR");
  assertId(userId, "The member");
  return db().$transaction(async (tx) => {
    await coordinatedStudy(tx, actor, studyId);
    const member = await tx.studyMember.findUnique({ where: { studyId_userId: { studyId, userId } }, select: { role: true } });
    if (!member) throw notFound("The member");
    if (member.role === "COORDINATOR" && (await tx.studyMember.count({ where: { studyId, role: "COORDINATOR" } })) === 1) {
      throw conflict("This is the study's last coordinator: add another one first.");
    }
    await tx.studyMember.delete({ where: { studyId_userId: { studyId, userId } } });
    await recordAudit(tx, { actorId: actor.userId, action: "study.member.remove", entity: "Study", entityId: studyId, before: { userId, role: member.role } });
    return { ok: true as const };
  });
}
