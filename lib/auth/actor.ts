import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import type { TActor } from "@/lib/auth/sessions";
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden, unauthenticated, unavailable } from "@/lib/errors";

/**
 * The signed-in user of this request, re-validated against the database; null when anonymous.
 * Throws a 503 AppError when the database could not be asked (the session is kept).
 */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = await getServerSession(authOptions());
  if (session?.unavailable) throw unavailable();
  return session?.actor ?? null;
});

/** For data-layer functions: the actor, who must have one of the roles, or an AppError. */
export async function requireActor(roles: readonly Role[]): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

const HOME: Record<Role, string> = { COORDINATOR: "/coordinator", INTERVIEWER: "/interviewer", EXPERT: "/expert" };
export const homeOf = (role: Role) => HOME[role];

/**
 * For pages: anonymous visitors go to sign-in; a signed-in user of another role gets a 404, so a
 * page never confirms what lies behind another role's URL.
 */
export async function requirePageActor(role: Role, returnTo: string): Promise<TActor> {
  const actor = await getActor();
  if (!actor) {
    redirect(role === "EXPERT" ? "/invite" : `/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (actor.role !== role) notFound();
  return actor;
}
