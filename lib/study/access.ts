import type { TActor } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StudyRole } from "@/lib/generated/prisma/enums";

/**
 * The studies an actor works on, as a Prisma `where` on Study: every study-scoped query of the data
 * layer nests it (`where: { id, study: coordinatedBy(actor) }`), so an object of a study the actor
 * has no part in is simply not found. A staff account's role says which area of the app it works in
 * (coordination or interviews); its membership role says in which studies.
 */
export function memberOf(actor: TActor, role?: StudyRole): Prisma.StudyWhereInput {
  return { members: { some: { userId: actor.userId, ...(role ? { role } : {}) } } };
}

/** Studies the actor coordinates: the scope of everything in the coordinator's area. */
export const coordinatedBy = (actor: TActor) => memberOf(actor, "COORDINATOR");

/** Studies the actor interviews for: the scope of the interviewer's area. */
export const interviewedBy = (actor: TActor) => memberOf(actor, "INTERVIEWER");
