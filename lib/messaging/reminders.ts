import { LONG_TRANSACTION } from "@/lib/db/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { insertDueReminders } from "@/lib/messaging/sql";

export type TEnqueueSends = (tx: Prisma.TransactionClient, messageIds: string[]) => Promise<void>;

/**
 * Queues every reminder that is due at `now`, in one statement, about the expert's current wave: the
 * highest-numbered open wave of the study's questionnaire (not past its closing date) whose audience
 * they are in (the whole panel, or those who submitted the previous wave), as lib/study/waves.ts
 * resolves it for the expert. A wave they completed, or one closed to them, brings no reminder.
 * - not started: no response in that wave, and the expert is INVITED (in wave 1) or still on the
 *   panel (a later wave: an expert who completed wave 1 has not started wave 2);
 * - not finished: the expert's response in that wave is IN_PROGRESS;
 * for the latest reminder day of the study's schedule that has passed since `invitedAt` (wave 1) or
 * since the wave opened (later waves): an expert invited 8 days ago with days {3,7} gets the day-7
 * reminder only. A study without a questionnaire reminds as of wave 1. Paused studies and experts get
 * none, nor do synthetic demo experts, nor studies that take no more answers (closed or archived). Each message carries a dedupe key such as
 * "REMINDER_NOT_STARTED:7" ("REMINDER_NOT_STARTED:w2:7" in wave 2), unique per expert, and the insert skips conflicts, so a reminder is
 * queued at most once however many workers sweep at the same time. The sends are enqueued in the same transaction.
 */
export async function sweepReminders(
  prisma: PrismaClient,
  enqueue: TEnqueueSends,
  now: Date = new Date(),
  scope: { studyId?: string } = {},
): Promise<string[]> {
  const studyId = scope.studyId ?? null;
  return prisma.$transaction(async (tx) => {
    const ids = await insertDueReminders(tx, now, studyId);
    if (ids.length) await enqueue(tx, ids);
    return ids;
  }, LONG_TRANSACTION);
}
