import { LONG_TRANSACTION } from "@/lib/db/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type TEnqueueSends = (tx: Prisma.TransactionClient, messageIds: string[]) => Promise<void>;

/**
 * Queues every reminder that is due at `now`, in one statement, for the wave the expert answers now
 * (the highest-numbered open wave of the study's questionnaire they are in the audience of):
 * - in wave 1: not started (the expert is INVITED and has no response), not finished (INVITED or
 *   STARTED with a response IN_PROGRESS), for the latest reminder day of the study's schedule that
 *   has passed since `invitedAt` (an expert invited 8 days ago with days {3,7} gets the day-7 one only);
 * - in a later wave or Delphi round: no response in it yet, or one IN_PROGRESS, counted from the
 *   round's opening, dedupe keys such as "REMINDER_NOT_STARTED:w2:3";
 * - an expert outside every open wave's audience (e.g. who did not complete round 1 when round 2
 *   asks only those who did) gets none. Paused studies and experts get
 * none, nor do synthetic demo experts. Each message carries a dedupe key such as
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
      SELECT d."studyId", d."expertId", d."kind"::"MessageKind", d."language", d."email", d."kind" || ':' || d."round" || d."day"
      FROM (
        SELECT e."studyId", e."id" AS "expertId", u."language", u."email", k."kind", k."round",
               (SELECT max(x) FROM unnest(k."days") AS x WHERE k."since" + x * interval '1 day' <= ${now}) AS "day"
        FROM "Expert" e
        JOIN "Study" s ON s."id" = e."studyId"
        JOIN "User" u ON u."id" = e."userId"
        -- The study's questionnaire, and the wave the expert answers now: the highest-numbered open wave
        -- they are in the audience of (as lib/study/waves.ts decides it for the expert's page).
        LEFT JOIN LATERAL (
          SELECT i."id" FROM "Instrument" i WHERE i."studyId" = e."studyId" AND i."kind" = 'QUESTIONNAIRE' ORDER BY i."createdAt", i."id" LIMIT 1
        ) q ON true
        LEFT JOIN LATERAL (
          SELECT w."number", w."openedAt" FROM "Wave" w
           WHERE w."instrumentId" = q."id" AND w."status" = 'OPEN' AND (w."closesAt" IS NULL OR w."closesAt" > ${now})
             AND (w."audience" = 'PANEL' OR EXISTS (
                   SELECT 1 FROM "Response" p WHERE p."expertId" = e."id" AND p."instrumentId" = q."id" AND p."wave" = w."number" - 1 AND p."status" = 'SUBMITTED'))
           ORDER BY w."number" DESC LIMIT 1
        ) cw ON true
        CROSS JOIN LATERAL (
          -- The first wave, counted from the invitation (a study with no questionnaire yet is reminded as before).
          SELECT 'REMINDER_NOT_STARTED' AS "kind", s."remindNotStartedDays" AS "days", e."invitedAt" AS "since", '' AS "round"
          WHERE (q."id" IS NULL OR cw."number" = 1) AND e."status" = 'INVITED'
            AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND (q."id" IS NULL OR (r."instrumentId" = q."id" AND r."wave" = 1)))
          UNION ALL
          SELECT 'REMINDER_NOT_FINISHED', s."remindNotFinishedDays", e."invitedAt", ''
          WHERE (q."id" IS NULL OR cw."number" = 1) AND e."status" IN ('INVITED', 'STARTED')
            AND EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."status" = 'IN_PROGRESS' AND (q."id" IS NULL OR (r."instrumentId" = q."id" AND r."wave" = 1)))
          UNION ALL
          -- A later wave or Delphi round, counted from its opening, only for the experts it asks.
          SELECT 'REMINDER_NOT_STARTED', s."remindNotStartedDays", cw."openedAt", 'w' || cw."number" || ':'
          WHERE cw."number" > 1 AND e."status" NOT IN ('REJECTED', 'DECLINED', 'WITHDRAWN')
            AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."instrumentId" = q."id" AND r."wave" = cw."number")
          UNION ALL
          SELECT 'REMINDER_NOT_FINISHED', s."remindNotFinishedDays", cw."openedAt", 'w' || cw."number" || ':'
          WHERE cw."number" > 1 AND e."status" NOT IN ('REJECTED', 'DECLINED', 'WITHDRAWN')
            AND EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e."id" AND r."instrumentId" = q."id" AND r."wave" = cw."number" AND r."status" = 'IN_PROGRESS')
        ) k
        WHERE NOT s."remindersPaused" AND NOT e."remindersPaused" AND NOT e."isDemo" AND e."invitedAt" IS NOT NULL AND u."disabledAt" IS NULL
          AND k."since" IS NOT NULL
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
