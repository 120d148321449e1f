import "server-only";
import { sql } from "@/lib/db";
import type { StudyStatus, WaveKind, WaveStatus } from "@/lib/generated/prisma/enums";

/** The wave (or Delphi round) an expert answers now, as the resolver found it. */
export type TWaveNow = {
  number: number;
  kind: WaveKind;
  status: WaveStatus;
  /** The expert may answer in it now: open, not past its closing date, and the expert is in its audience. */
  open: boolean;
  /** The items it asks; empty: every item of the version. */
  itemCodes: string[];
  realtime: boolean;
  /** The version it asks; null: the latest published one when the expert starts. */
  versionId: string | null;
  closesAt: Date | null;
};

/**
 * Which questionnaire, wave, version and response an expert answers now: the one place that decides it
 * (issue 14, "waves and rounds"); every caller on the expert's side uses it.
 *
 * - The expert is their latest panel record; the questionnaire is their study's first one.
 * - The wave is the highest-numbered open wave the expert is in the audience of (the whole panel, or
 *   those who submitted the previous wave) and whose closing date has not passed. Failing that, the
 *   highest-numbered wave the expert has a response in (they see it, but cannot change it unless it is
 *   open); failing that, wave 1.
 * - The response is the expert's response in that wave, if they have begun it.
 * - `versionPublished` tells whether `versionId` (the version a page showed) is a published version of
 *   the questionnaire that the wave allows (its own version, or any when it names none).
 */
export type TAssignment = {
  expertId: string;
  studyId: string;
  studyStatus: StudyStatus;
  /** The latest consent decision accepts the study's current consent text; null: no decision yet. */
  consented: boolean | null;
  instrumentId: string | null;
  wave: TWaveNow | null;
  response: { id: string; status: "IN_PROGRESS" | "SUBMITTED"; versionId: string } | null;
  versionPublished: boolean;
};

export type TAssignmentRow = Omit<TAssignment, "wave" | "response"> & {
  waveNumber: number | null;
  waveKind: WaveKind | null;
  waveStatus: WaveStatus | null;
  waveOpen: boolean | null;
  waveItems: string[] | null;
  waveRealtime: boolean | null;
  waveVersionId: string | null;
  waveClosesAt: Date | null;
  responseId: string | null;
  responseStatus: "IN_PROGRESS" | "SUBMITTED" | null;
  responseVersionId: string | null;
};

/**
 * On pg directly (lib/db.ts, sql()): it runs for every autosave, with the session check and the save.
 * Parameters: $1 the user id, $2 the version a page showed (or null). Exported so a hot read can
 * fold it into its own statement (lib/delphi/sql.ts) and still decide the assignment here.
 */
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

/**
 * The acting expert's assignment (see TAssignment), in one query. `versionId` is the version a page
 * showed, checked for `versionPublished`; pass null when there is none.
 */
export async function currentAssignment(userId: string, versionId: string | null = null): Promise<TAssignment | null> {
  const { rows } = await sql().query<TAssignmentRow>(ASSIGNMENT_SQL, [userId, versionId]);
  return rows[0] ? assignmentOf(rows[0]) : null;
}

/** The assignment of one row of ASSIGNMENT_SQL. */
export function assignmentOf(row: TAssignmentRow): TAssignment {
  return {
    expertId: row.expertId,
    studyId: row.studyId,
    studyStatus: row.studyStatus,
    consented: row.consented,
    instrumentId: row.instrumentId,
    wave:
      row.waveNumber === null
        ? null
        : {
            number: row.waveNumber,
            kind: row.waveKind!,
            status: row.waveStatus!,
            open: row.waveOpen === true,
            itemCodes: row.waveItems ?? [],
            realtime: row.waveRealtime === true,
            versionId: row.waveVersionId,
            closesAt: row.waveClosesAt,
          },
    response: row.responseId ? { id: row.responseId, status: row.responseStatus!, versionId: row.responseVersionId! } : null,
    versionPublished: row.versionPublished,
  };
}
