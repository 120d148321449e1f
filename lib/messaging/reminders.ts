import { LONG_TRANSACTION } from "@/lib/db/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type TEnqueueSends = (tx: Prisma.TransactionClient, messageIds: string[]) => Promise<void>;

/**
 * Queues every reminder that is due at `now`, in one statement:
 * - not started: the expert is INVITED and has no response;
 * - not finished: the expert (INVITED or STARTED) has a response IN_PROGRESS;
 * for the latest reminder day of the study's schedule that has passed since `invitedAt` (an expert
 * invited 8 days ago with days {3,7} gets the day-7 reminder only). Paused studies and experts get
 * none, nor do synthetic demo experts, nor studies that take no more answers (closed or archived). Each message carries a dedupe key such as
 * "REMINDER_NOT_STARTED:7", unique per expert, and the insert skips conflicts, so a reminder is
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
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Message" ("studyId", "expertId", "kind", "language", "toAddress", "dedupeKey")
      SELECT d."studyId", d."expertId", d."kind"::"MessageKind", d."language", d."email", d."kind" || ':' || d."day"
      FROM (
        SELECT e."studyId", e."id" AS "expertId", u."language", u."email", k."kind",
               (SELECT max(x) FROM unnest(k."days") AS x WHERE e."invitedAt" + x * interval '1 day' <= ${now}) AS "day"
        FROM "Expert" e
        JOIN "Study" s ON s."id" = e."studyId"
        JOIN "User" u ON u."id" = e."userId"
        CROSS JOIN LATERAL (
          SELECT 'REMINDER_NOT_STARTED' AS "kind", s."remindNotStartedDays" AS "days"
          WHERE e."status" = 'INVITED' AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id")
          UNION ALL
          SELECT 'REMINDER_NOT_FINISHED', s."remindNotFinishedDays"
          WHERE e."status" IN ('INVITED', 'STARTED')
            AND EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."status" = 'IN_PROGRESS')
        ) k
        WHERE s."status" IN ('DRAFT', 'FIELDWORK') AND NOT s."remindersPaused" AND NOT e."remindersPaused" AND NOT e."isDemo" AND e."invitedAt" IS NOT NULL AND u."disabledAt" IS NULL
          AND (${studyId}::uuid IS NULL OR e."studyId" = ${studyId}::uuid)
      ) d
      WHERE d."day" IS NOT NULL
      ON CONFLICT ("expertId", "dedupeKey") DO NOTHING
      RETURNING "id"`;
    const ids = rows.map((r) => r.id);
    if (ids.length) await enqueue(tx, ids);
    return ids;
  }, LONG_TRANSACTION);
}
