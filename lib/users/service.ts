import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor } from "@/lib/auth/sessions";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import type { z } from "zod";
import { createStaffAccount } from "@/lib/users/accounts";
import type { ZCreateStaffUser, ZUpdateUser } from "@/lib/users/schemas";
import { assertAdmin } from "@/lib/auth/roles";

const STAFF_SELECT = { id: true, email: true, name: true, role: true, isAdmin: true, language: true, disabledAt: true, createdAt: true } as const;

export async function listStaff(actor: TActor) {
  assertAdmin(actor);
  return db().user.findMany({ where: { role: { not: "EXPERT" } }, select: STAFF_SELECT, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

export async function createStaffUser(actor: TActor, input: z.output<typeof ZCreateStaffUser>) {
  assertAdmin(actor);
  try {
    return await db().$transaction(async (tx) => {
      const { id } = await createStaffAccount(tx, input);
      await recordAudit(tx, { actorId: actor.userId, action: "user.create", entity: "User", entityId: id, after: { role: input.role, name: input.name } });
      return tx.user.findUniqueOrThrow({ where: { id }, select: STAFF_SELECT });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("An account with this e-mail already exists.");
    throw error;
  }
}

/**
 * Changes a staff account's role or disables it. Either ends all of that user's sessions at once.
 * The last enabled coordinator cannot be demoted or disabled, so the study is never left without one.
 */
export async function updateStaffUser(actor: TActor, userId: string, patch: z.output<typeof ZUpdateUser>) {
  assertAdmin(actor);
  return db().$transaction(async (tx) => {
    // Serialise changes to coordinators so two concurrent demotions cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('staff-roles'))`;
    const user = await tx.user.findFirst({ where: { id: userId, role: { not: "EXPERT" } }, select: STAFF_SELECT });
    if (!user) throw notFound("The account");
    const role = patch.role ?? user.role;
    const disabledAt = patch.disabled === undefined ? user.disabledAt : patch.disabled ? (user.disabledAt ?? new Date()) : null;
    const losesCoordinator = user.role === "COORDINATOR" && !user.disabledAt && (role !== "COORDINATOR" || disabledAt);
    if (losesCoordinator) {
      const others = await tx.user.count({ where: { role: "COORDINATOR", disabledAt: null, id: { not: user.id } } });
      if (others === 0) throw conflict("This is the last active coordinator: add another one first.");
    }
    const updated = await tx.user.update({ where: { id: user.id }, data: { role, disabledAt }, select: STAFF_SELECT });
    if (role !== user.role || (disabledAt && !user.disabledAt)) {
      await revokeUserSessions(tx, user.id, role !== user.role ? "role-change" : "disabled");
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.update",
      entity: "User",
      entityId: user.id,
      before: { role: user.role, disabled: Boolean(user.disabledAt) },
      after: { role: updated.role, disabled: Boolean(updated.disabledAt) },
    });
    return updated;
  });
}
