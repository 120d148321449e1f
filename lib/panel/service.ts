import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { issueInvitation } from "@/lib/auth/invitations";
import type { TActor } from "@/lib/auth/sessions";
import { forbidden, notFound } from "@/lib/errors";
import { assertRole } from "@/lib/auth/roles";

/** The panel as coordinators see it: real names included. */
export async function listPanel(actor: TActor) {
  assertRole(actor, "COORDINATOR");
  return db().expert.findMany({
    select: {
      id: true,
      pseudonym: true,
      country: true,
      expertGroup: true,
      linkRequestedAt: true,
      study: { select: { slug: true, titleEn: true, titleRu: true } },
      user: { select: { name: true, email: true, language: true } },
      responses: { select: { id: true, status: true, updatedAt: true }, take: 1, orderBy: { startedAt: "asc" } },
    },
    orderBy: [{ linkRequestedAt: { sort: "desc", nulls: "last" } }, { pseudonym: "asc" }],
  });
}

/**
 * Issues a fresh sign-in link for an expert; every earlier link stops working. The token is
 * returned once, to be sent to the expert, and is not retrievable afterwards.
 */
export async function reissueInvitation(actor: TActor, expertId: string) {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findUnique({ where: { id: expertId }, select: { id: true } });
    if (!expert) throw notFound("The expert");
    const { token, expiresAt } = await issueInvitation(tx, { expertId, issuedById: actor.userId, ttlDays: env().INVITATION_TTL_DAYS });
    await tx.expert.update({ where: { id: expertId }, data: { linkRequestedAt: null } });
    await recordAudit(tx, { actorId: actor.userId, action: "invitation.reissue", entity: "Expert", entityId: expertId, after: { expiresAt: expiresAt.toISOString() } });
    return { path: `/invite/${token}`, expiresAt };
  });
}

/** An expert's own panel record: the query is scoped to the acting user, so nobody else's is reachable. */
export async function getOwnExpertProfile(actor: TActor) {
  if (actor.role !== "EXPERT") throw forbidden();
  const profile = await db().expert.findFirst({
    where: { userId: actor.userId },
    select: { pseudonym: true, country: true, expertGroup: true, study: { select: { titleRu: true, titleEn: true } } },
    orderBy: { createdAt: "desc" },
  });
  if (!profile) throw notFound("Your panel record");
  return profile;
}
