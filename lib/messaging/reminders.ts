import { LONG_TRANSACTION } from "@/lib/db/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

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
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Message" ("studyId", "expertId", "kind", "language", "toAddress", "dedupeKey")
      SELECT d."studyId", d."expertId", d."kind"::"MessageKind", d."language", d."email",
             d."kind" || ':' || CASE WHEN d."wave" > 1 THEN 'w' || d."wave" || ':' ELSE '' END || d."day"
      FROM (
        SELECT e."studyId", e."id" AS "expertId", u."language", u."email", k."kind", cw."number" AS "wave",
               (SELECT max(x) FROM unnest(k."days") AS x WHERE k."since" + x * interval '1 day' <= ${now}) AS "day"
        FROM "Expert" e
        JOIN "Study" s ON s."id" = e."studyId"
        JOIN "User" u ON u."id" = e."userId"
        LEFT JOIN LATERAL (
          SELECT i."id" FROM "Instrument" i WHERE i."studyId" = e."studyId" AND i."kind" = 'QUESTIONNAIRE' ORDER BY i."createdAt", i."id" LIMIT 1
        ) q ON true
        LEFT JOIN LATERAL (
          SELECT w."number", w."openedAt" FROM "Wave" w
           WHERE w."instrumentId" = q."id" AND w."status" = 'OPEN' AND (w."closesAt" IS NULL OR w."closesAt" > ${now})
             AND (w."audience" = 'PANEL' OR EXISTS (
                   SELECT 1 FROM "Response" p WHERE p."expertId" = e."id" AND p."instrumentId" = w."instrumentId"
                      AND p."wave" = w."number" - 1 AND p."status" = 'SUBMITTED'))
           ORDER BY w."number" DESC LIMIT 1
        ) w ON true
        CROSS JOIN LATERAL (SELECT coalesce(w."number", 1) AS "number", coalesce(w."number" > 1, false) AS "later") cw
        LEFT JOIN "Response" r ON r."expertId" = e."id" AND r."instrumentId" = q."id" AND r."wave" = w."number"
        CROSS JOIN LATERAL (
          SELECT 'REMINDER_NOT_STARTED' AS "kind", s."remindNotStartedDays" AS "days",
                 CASE WHEN cw."later" THEN greatest(e."invitedAt", w."openedAt") ELSE e."invitedAt" END AS "since"
          WHERE r."id" IS NULL AND (e."status" = 'INVITED' OR (cw."later" AND e."status" IN ('STARTED', 'COMPLETED')))
          UNION ALL
          SELECT 'REMINDER_NOT_FINISHED', s."remindNotFinishedDays",
                 CASE WHEN cw."later" THEN greatest(e."invitedAt", w."openedAt") ELSE e."invitedAt" END
          WHERE r."status" = 'IN_PROGRESS' AND (e."status" IN ('INVITED', 'STARTED') OR (cw."later" AND e."status" = 'COMPLETED'))
        ) k
        WHERE s."status" IN ('DRAFT', 'FIELDWORK') AND NOT s."remindersPaused" AND NOT e."remindersPaused" AND NOT e."isDemo" AND e."invitedAt" IS NOT NULL AND u."disabledAt" IS NULL
          -- A questionnaire with no wave open to the expert: nothing to remind them of.
          AND (q."id" IS NULL OR w."number" IS NOT NULL)
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
