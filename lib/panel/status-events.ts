import { recordAudit } from "@/lib/audit/record";
import type { TDb } from "@/lib/db/types";
import { lockedExpertStatus } from "@/lib/panel/sql";
import type { ExpertStatus } from "@/lib/generated/prisma/enums";

/**
 * Panel status changes that follow from what the expert does (consent, submission) or from a
 * coordinator's reopening. Each runs in the caller's transaction, next to the event itself, and
 * moves the expert only from the statuses listed: a coordinator's decision (REJECTED, WITHDRAWN)
 * is never overwritten, and COMPLETED is only left by a reopen.
 *
 * Coordinators' moves follow lib/panel/status.ts (`canTransition`). These events are wider on
 * purpose: what an expert did is a fact to record, whatever step the coordinators' bookkeeping had
 * reached — an expert can hold a link issued directly before vetting was recorded, and can accept
 * consent after first declining it.
 */
const FROM: Record<"started" | "completed" | "reopened" | "declined", { to: ExpertStatus; from: ExpertStatus[] }> = {
  /** Consent accepted (or accepted again after a decline): the expert has begun. */
  started: { to: "STARTED", from: ["NOMINATED", "VETTED", "INVITED", "DECLINED"] },
  /** The response was submitted. */
  completed: { to: "COMPLETED", from: ["NOMINATED", "VETTED", "INVITED", "STARTED"] },
  /** A coordinator reopened the submitted response. */
  reopened: { to: "STARTED", from: ["COMPLETED"] },
  /** Consent declined. A completed response stays completed. */
  declined: { to: "DECLINED", from: ["NOMINATED", "VETTED", "INVITED", "STARTED"] },
};

export type TStatusEvent = keyof typeof FROM;

/** Applies one event to the expert's status; returns whether the status changed. */
export async function applyStatusEvent(tx: TDb, expertId: string, event: TStatusEvent, actorId: string | null = null): Promise<boolean> {
  const { to, from } = FROM[event];
  const status = await lockedExpertStatus(tx, expertId);
  if (!status || !from.includes(status)) return false;
  await tx.expert.update({ where: { id: expertId }, data: { status: to } });
  // Audited like a coordinator's move: reinstating reads the status an expert left from this log.
  await recordAudit(tx, { actorId, action: "expert.status", entity: "Expert", entityId: expertId, before: { status }, after: { status: to, event } });
  return true;
}
