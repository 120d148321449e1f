import type { TDb } from "@/lib/db/types";
import { lockedExpertStatus } from "@/lib/panel/sql";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { ExpertStatus } from "@/lib/generated/prisma/enums";

/** Statuses from which an expert can still decline or be withdrawn. */
export const ACTIVE_STATUSES: readonly ExpertStatus[] = ["NOMINATED", "VETTED", "INVITED", "STARTED"];

/**
 * The panel lifecycle. Vetting decides nominated experts (a rejection may be reconsidered, a
 * vetting revised before invitation); invitations, responses and interviews move vetted experts
 * on; anyone active may decline or be withdrawn, and be reinstated later.
 */
const NEXT: Record<ExpertStatus, readonly ExpertStatus[]> = {
  NOMINATED: ["VETTED", "REJECTED", "DECLINED", "WITHDRAWN"],
  VETTED: ["INVITED", "REJECTED", "DECLINED", "WITHDRAWN"],
  REJECTED: ["VETTED", "NOMINATED"],
  INVITED: ["STARTED", "DECLINED", "WITHDRAWN"],
  // A reopened response takes a completed expert back to started.
  STARTED: ["COMPLETED", "DECLINED", "WITHDRAWN"],
  COMPLETED: ["STARTED"],
  DECLINED: ["NOMINATED", "VETTED"],
  WITHDRAWN: ["NOMINATED", "VETTED"],
};

export function canTransition(from: ExpertStatus, to: ExpertStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedTransitions(from: ExpertStatus): readonly ExpertStatus[] {
  return NEXT[from];
}

export function illegalTransition(from: ExpertStatus, to: ExpertStatus): AppError {
  return new AppError(409, "illegal_transition", `An expert cannot go from ${from.toLowerCase()} to ${to.toLowerCase()}.`, { from, to });
}

/**
 * Moves an expert to a new status inside the caller's transaction: locks the row, refuses an
 * illegal move with a 409, stamps the decision (vetted/rejected) or invitation time, and audits
 * the change with before and after values.
 */
export async function transitionStatus(tx: TDb, expertId: string, to: ExpertStatus, actorId: string | null): Promise<{ from: ExpertStatus; to: ExpertStatus }> {
  const from = await lockedExpertStatus(tx, expertId);
  if (!from) throw notFound("The expert");
  if (!canTransition(from, to)) throw illegalTransition(from, to);
  const now = new Date();
  const decision = to === "VETTED" || to === "REJECTED" ? { decidedById: actorId, decidedAt: now } : {};
  const invited = to === "INVITED" ? { invitedAt: now } : {};
  const before = await tx.expert.findUniqueOrThrow({ where: { id: expertId }, select: { decidedById: true, decidedAt: true } });
  await tx.expert.update({ where: { id: expertId }, data: { status: to, ...decision, ...invited } });
  await recordAudit(tx, {
    actorId,
    action: "expert.status",
    entity: "Expert",
    entityId: expertId,
    before: { status: from, ...(to === "VETTED" || to === "REJECTED" ? { decidedById: before.decidedById, decidedAt: before.decidedAt?.toISOString() ?? null } : {}) },
    after: { status: to, ...(to === "VETTED" || to === "REJECTED" ? { decidedById: actorId, decidedAt: now.toISOString() } : {}) },
  });
  return { from, to };
}
