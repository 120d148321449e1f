import "server-only";
import type pg from "pg";
import { sql } from "@/lib/db";
import type { TDb } from "@/lib/db/types";
import type { TRespondent } from "@/lib/delphi/report";
import type { TAnswerValue } from "@/lib/instrument/answers";
import { ASSIGNMENT_SQL } from "@/lib/study/sql";
import type { TAssignmentRow } from "@/lib/study/waves";

/**
 * Every SQL statement of the Delphi domain (issue 19: one SQL file per domain). The callers have
 * already found the questionnaire through the actor's membership (coordinators) or the expert's own
 * assignment; these take its id. Synthetic demo experts count like others, as on the dashboard.
 */

type TRow = { expertId: string; country: string; group: string; answers: Record<string, TAnswerValue> | null };

/** The submitted responses of one wave, each with its expert's cell and answers to the given items. */
export async function roundRespondents(instrumentId: string, wave: number, itemCodes: readonly string[]): Promise<TRespondent[]> {
  const { rows } = await sql().query<TRow>(
    `SELECT r."expertId", e."country", e."expertGroup"::text AS "group",
            (SELECT jsonb_object_agg(a."itemCode", a."value") FROM "Answer" a
              WHERE a."responseId" = r."id" AND a."itemCode" = ANY($3::text[]) AND a."value" <> 'null'::jsonb) AS "answers"
       FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND r."status" = 'SUBMITTED'`,
    [instrumentId, wave, itemCodes],
  );
  return rows.map((r) => ({ expertId: r.expertId, country: r.country, group: r.group, answers: r.answers ?? {} }));
}

/** The reasons given in one wave, by item (no expert named). */
export async function roundReasons(instrumentId: string, wave: number): Promise<Array<{ itemCode: string; text: string }>> {
  const { rows } = await sql().query<{ itemCode: string; text: string }>(
    `SELECT x."itemCode", x."text" FROM "AnswerReason" x JOIN "Response" r ON r."id" = x."responseId"
      WHERE r."instrumentId" = $1::uuid AND r."wave" = $2::integer AND r."status" = 'SUBMITTED' AND x."text" <> ''`,
    [instrumentId, wave],
  );
  return rows;
}

/** Locks a questionnaire's waves, so two coordinators planning at once make one round. */
export async function lockWaves(tx: TDb, instrumentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Wave" WHERE "instrumentId" = ${instrumentId}::uuid FOR UPDATE`;
}

/** Locks one response and tells its status (undefined: no such response). */
export async function lockResponseStatus(tx: TDb, responseId: string): Promise<string | undefined> {
  const [response] = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status"::text AS "status" FROM "Response" WHERE "id" = ${responseId}::uuid FOR UPDATE`;
  return response?.status;
}

/** One (item, value, how many gave it) of a wave's answers: PostgreSQL counts equal values, so only distinct ones travel. */
export type TValueCount = [itemCode: string, value: TAnswerValue, n: number];

export type TFeedbackRow = TAssignmentRow & {
  suppressionK: number;
  publishedVersionId: string | null;
  /** The version's definition; null when the caller said it has it parsed already. */
  content: unknown;
  /** The expert's own answers in the previous round, by item. */
  own: Record<string, TAnswerValue> | null;
  /** A real-time round: the expert's own answers in this round so far (null otherwise). */
  ownNow: Record<string, TAnswerValue> | null;
  /** The group's values: this round's so far (real-time), or the previous round's submitted ones unless the caller has them. */
  groups: TValueCount[] | null;
};

/**
 * Everything the group feedback of an expert needs, in one round trip: the expert's assignment
 * (decided by ASSIGNMENT_SQL of lib/study/waves.ts, scoped by the user id), the study's k, the
 * version, the expert's own answers and the group's counted values. No row outside a Delphi round
 * from round 2 on. `knownVersions`: versions the caller has parsed (their content is not sent);
 * `knownGroups`: "instrumentId|wave" keys of previous rounds whose counts the caller holds (not
 * counted again; a real-time round's are always counted). `only`: one item code, or null for all. `pool`: the app's (a benchmark passes its own).
 */
export async function feedbackRow(userId: string, knownVersions: readonly string[], knownGroups: readonly string[], only: string | null, pool: pg.Pool = sql()): Promise<TFeedbackRow | null> {
  const { rows } = await pool.query<TFeedbackRow>(
    `WITH a AS (${ASSIGNMENT_SQL}),
     d AS (
       SELECT a.*, s."suppressionK", v."id" AS "publishedVersionId",
              CASE WHEN v."id" = ANY($3::uuid[]) THEN NULL ELSE v."content" END AS "content",
              CASE WHEN a."waveRealtime" THEN a."waveNumber" ELSE a."waveNumber" - 1 END AS "groupWave"
         FROM a JOIN "Study" s ON s."id" = a."studyId"
         LEFT JOIN LATERAL (
           SELECT x."id", x."content" FROM "InstrumentVersion" x
            WHERE x."instrumentId" = a."instrumentId" AND x."status" = 'PUBLISHED'
              AND (COALESCE(a."responseVersionId", a."waveVersionId") IS NULL OR x."id" = COALESCE(a."responseVersionId", a."waveVersionId"))
            ORDER BY x."number" DESC LIMIT 1) v ON true
        WHERE a."waveKind" = 'DELPHI_ROUND' AND a."waveNumber" >= 2
     )
     SELECT d.*,
            (SELECT jsonb_object_agg(x."itemCode", x."value") FROM "Response" r JOIN "Answer" x ON x."responseId" = r."id"
              WHERE r."expertId" = d."expertId" AND r."instrumentId" = d."instrumentId" AND r."wave" = d."waveNumber" - 1
                AND x."value" <> 'null'::jsonb AND ($4::text IS NULL OR x."itemCode" = $4::text)) AS "own",
            CASE WHEN d."waveRealtime" THEN
              (SELECT jsonb_object_agg(x."itemCode", x."value") FROM "Answer" x
                WHERE x."responseId" = d."responseId" AND x."value" <> 'null'::jsonb AND ($4::text IS NULL OR x."itemCode" = $4::text))
            END AS "ownNow",
            CASE WHEN d."waveRealtime" OR NOT ((d."instrumentId"::text || '|' || d."groupWave") = ANY($5::text[])) THEN
              (SELECT coalesce(jsonb_agg(jsonb_build_array(g."itemCode", g."value", g."n")), '[]'::jsonb) FROM (
                 SELECT x."itemCode", x."value", count(*)::int AS "n"
                   FROM "Response" r JOIN "Answer" x ON x."responseId" = r."id"
                  WHERE r."instrumentId" = d."instrumentId" AND r."wave" = d."groupWave" AND x."value" <> 'null'::jsonb
                    AND (d."waveRealtime" OR r."status" = 'SUBMITTED')
                    AND (NOT d."waveRealtime" OR $4::text IS NULL OR x."itemCode" = $4::text)
                  GROUP BY x."itemCode", x."value") g)
            END AS "groups"
       FROM d`,
    [userId, null, knownVersions, only, knownGroups],
  );
  return rows[0] ?? null;
}

/** A version's definition, when the caller's parsed copy was dropped after it said it had one. */
export async function versionContent(versionId: string): Promise<unknown> {
  const { rows } = await sql().query<{ content: unknown }>(`SELECT "content" FROM "InstrumentVersion" WHERE "id" = $1::uuid`, [versionId]);
  return rows[0]?.content ?? null;
}
