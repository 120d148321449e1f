import type { TActor } from "@/lib/auth/sessions";
import { forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** The data layer's role check: every service function starts with it, whatever the route did. */
export function assertRole(actor: TActor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden();
}

/** Account management is the installation administrator's, whatever studies they belong to. */
export function assertAdmin(actor: TActor): void {
  if (actor.role === "EXPERT" || !actor.isAdmin) throw forbidden();
}
