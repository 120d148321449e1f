import type pg from "pg";
import type { TDb } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * The study domain's SQL, all of it (the rest of lib/study goes through Prisma's query builder).
 * Each statement takes the client it runs on: a transaction, the Prisma client, or pg's pool.
 */

/** Locks the study's row for the transaction (changes to one study are checked one after another); false when there is none. */
export async function lockStudy(tx: TDb, studyId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Study" WHERE "id" = ${studyId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Deletes a demo study and everything in it (database function `delete_demo_study`); returns what it deleted. */
export async function deleteDemoStudyRows(tx: TDb, studyId: string): Promise<Prisma.JsonObject> {
  const [row] = await tx.$queryRaw<Array<{ result: Prisma.JsonObject }>>`SELECT "delete_demo_study"(${studyId}::uuid) AS "result"`;
  return row?.result ?? {};
}

/** lib/study/waves.ts currentAssignment's one statement: $1 the expert's user, $2 the version a page showed (or null). */
export const ASSIGNMENT_SQL = `
  WITH e AS (
    SELECT x."id", x."studyId" FROM "Expert" x WHERE x."userId" = $1::uuid ORDER BY x."createdAt" DESC LIMIT 1
  ), q AS (
    SELECT i."id" FROM "Instrument" i JOIN e ON i."studyId" = e."studyId"
     WHERE i."kind" = 'QUESTIONNAIRE' ORDER BY i."createdAt", i."id" LIMIT 1
  ), w AS (
    SELECT w.*,
           (w."status" = 'OPEN' AND (w."closesAt" IS NULL OR w."closesAt" > now())
             AND (w."audience" = 'PANEL' OR EXISTS (
                   SELECT 1 FROM "Response" p
                    WHERE p."expertId" = e."id" AND p."instrumentId" = w."instrumentId"
                      AND p."wave" = w."number" - 1 AND p."status" = 'SUBMITTED'))) AS "eligible",
           EXISTS (SELECT 1 FROM "Response" r
                    WHERE r."expertId" = e."id" AND r."instrumentId" = w."instrumentId" AND r."wave" = w."number") AS "begun"
      FROM "Wave" w JOIN q ON w."instrumentId" = q."id" CROSS JOIN e
  ), chosen AS (
    SELECT * FROM w
     ORDER BY w."eligible" DESC, w."begun" DESC,
              CASE WHEN w."eligible" OR w."begun" THEN -w."number" ELSE w."number" END
     LIMIT 1
  )
  SELECT e."id" AS "expertId",
         e."studyId" AS "studyId",
         s."status"::text AS "studyStatus",
         (SELECT c."decision" = 'ACCEPTED' AND c."textVersion" = s."consentVersion"
            FROM "Consent" c WHERE c."expertId" = e."id" ORDER BY c."decidedAt" DESC LIMIT 1) AS "consented",
         q."id" AS "instrumentId",
         chosen."number" AS "waveNumber",
         chosen."kind"::text AS "waveKind",
         chosen."status"::text AS "waveStatus",
         chosen."eligible" AS "waveOpen",
         chosen."itemCodes" AS "waveItems",
         chosen."realtime" AS "waveRealtime",
         chosen."versionId" AS "waveVersionId",
         chosen."closesAt" AS "waveClosesAt",
         r."id" AS "responseId",
         r."status"::text AS "responseStatus",
         r."versionId" AS "responseVersionId",
         EXISTS (SELECT 1 FROM "InstrumentVersion" v
                  WHERE v."id" = $2::uuid AND v."instrumentId" = q."id" AND v."status" = 'PUBLISHED'
                    AND (chosen."versionId" IS NULL OR chosen."versionId" = v."id")) AS "versionPublished"
    FROM e
    JOIN "Study" s ON s."id" = e."studyId"
    LEFT JOIN q ON true
    LEFT JOIN chosen ON true
    LEFT JOIN "Response" r ON r."expertId" = e."id" AND r."instrumentId" = q."id" AND r."wave" = chosen."number"`;

/** The expert's assignment row (the columns above), on pg directly: it runs for every autosave. */
export async function assignmentRow<TRow extends pg.QueryResultRow>(pool: pg.Pool, userId: string, versionId: string | null): Promise<TRow | undefined> {
  const { rows } = await pool.query<TRow>(ASSIGNMENT_SQL, [userId, versionId]);
  return rows[0];
}
