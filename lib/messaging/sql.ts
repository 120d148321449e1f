import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * The messages' SQL, all of it (the rest of lib/messaging goes through Prisma's query builder).
 * Each statement runs in the caller's transaction.
 */

/** Claims a queued message for sending: false when another worker holds it or it is no longer QUEUED. */
export async function claimQueuedMessage(tx: Prisma.TransactionClient, messageId: string): Promise<boolean> {
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Message" WHERE "id" = ${messageId}::uuid AND "status" = 'QUEUED' FOR UPDATE SKIP LOCKED`;
  return claimed.length > 0;
}

/** Inserts every reminder due at `now` (lib/messaging/reminders.ts says which), of one study or all; returns the new messages' ids. */
export async function insertDueReminders(tx: Prisma.TransactionClient, now: Date, studyId: string | null): Promise<string[]> {
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
  return rows.map((r) => r.id);
}
