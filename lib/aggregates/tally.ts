import type { TItem } from "@/lib/instrument/definition";
import { contributionsSql, respCte, summedSql, type TScope, type TSql } from "@/lib/aggregates/query";
import type { TFilters } from "@/lib/aggregates/types";

/**
 * Running totals of the submitted answers ("AnswerTally"), so the dashboard's summary reads a few
 * thousand summed rows instead of every answer. Every figure of the summary is a sum of what each
 * answer contributes (contributionsSql), so totals can be added to and taken from:
 * - a submitted response is added, under its version, wave, country and group, and remembered in
 *   "TalliedResponse" with that key;
 * - a remembered response that is no longer submitted, is gone, was submitted again, or whose expert
 *   changed country or group is taken away under the key it was added with, from the copy of its
 *   answers that a trigger keeps when it is reopened or deleted (migration answer_tally), or from its
 *   answers when they cannot have changed (it is still submitted);
 * - when the published versions change, or the way figures are counted (TALLY_FORMAT), everything is
 *   counted again.
 * The sync runs before the summary is read (service.ts), and the read in the sync's last transaction,
 * under a per-instrument advisory lock, so any way a response is submitted, reopened or deleted is
 * caught, whichever instance did it, and no instance reads totals another is recounting. The
 * trigger's snapshot relies on READ COMMITTED (the default): a reopen blocked by the sync's lock on
 * its response must see the TalliedResponse row the sync committed. Responses still in progress are
 * never in the totals: when the filters include them, their answers are counted from the answers
 * table in the same statement.
 *
 * The builders here are pure (no database), as query.ts's, for the service and the benchmark.
 */

/** Bump when contributionsSql changes what it counts: stored totals are then recounted. */
export const TALLY_FORMAT = 3;
/** Responses added or taken away per statement, so a first count of a large study is made in bounded steps. */
export const TALLY_BATCH = 2_000;

/** What the totals of an instrument were counted for. */
export function tallyDefinition(scope: TScope): string {
  return `${TALLY_FORMAT}:${scope.versions.map((v) => v.id).sort().join(",")}`;
}

const COLUMNS = `"instrumentId", "versionId", "wave", "country", "grp", "q", "item", "k", "n", "s", "ss", "x"`;

/** A CTE `tallied` adding (or with sign -1 taking away) grouped contribution rows to the totals. */
function addCte(contributions: string, sign: 1 | -1): string {
  const m = sign === 1 ? "" : "-";
  return `tallied AS (
    INSERT INTO "AnswerTally" (${COLUMNS})
    SELECT $1::uuid, ver, wave, "country", grp, q, item, coalesce(k, ''), ${m}sum(n), ${m}sum(s), ${m}sum(ss), ${m}sum(x)
      FROM (${contributions}) c GROUP BY ver, wave, "country", grp, q, item, coalesce(k, '')
    ON CONFLICT ("instrumentId", "versionId", "wave", "country", "grp", "q", "item", "k") DO UPDATE
      SET "n" = "AnswerTally"."n" + excluded."n", "s" = "AnswerTally"."s" + excluded."s",
          "ss" = "AnswerTally"."ss" + excluded."ss", "x" = "AnswerTally"."x" + excluded."x"
    RETURNING 1
  )`;
}

export const tallyLockSql = (instrumentId: string): TSql => ({ text: `SELECT pg_advisory_xact_lock(hashtextextended('tally:' || $1, 0))`, values: [instrumentId] });

/** Forgets every total of the instrument (before counting again). */
export const tallyResetSql = (scope: TScope): TSql[] => [
  { text: `DELETE FROM "AnswerTally" WHERE "instrumentId" = $1::uuid`, values: [scope.instrumentId] },
  { text: `DELETE FROM "TalliedResponse" WHERE "instrumentId" = $1::uuid`, values: [scope.instrumentId] },
  {
    text: `INSERT INTO "TallyState" ("instrumentId", "definition") VALUES ($1::uuid, $2) ON CONFLICT ("instrumentId") DO UPDATE SET "definition" = excluded."definition"`,
    values: [scope.instrumentId, tallyDefinition(scope)],
  },
];

/**
 * Takes away up to TALLY_BATCH responses counted under a key that no longer holds; the statement
 * answers how many (`n`). Rows another transaction holds (a reopen writing its snapshot) are skipped
 * until the next sync, so a sync never waits on a row lock and cannot deadlock with one.
 */
export function tallyRemoveSql(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const text = `WITH stale AS MATERIALIZED (
      SELECT t."responseId", t."versionId", t."wave", t."country", t."grp", t."snapshot"
        FROM "TalliedResponse" t
        LEFT JOIN "Response" r ON r."id" = t."responseId"
        LEFT JOIN "Expert" e ON e."id" = r."expertId"
       WHERE t."instrumentId" = $1::uuid
         AND (r."id" IS NULL OR r."status" <> 'SUBMITTED' OR t."snapshot" IS NOT NULL
              OR e."country" <> t."country" OR e."expertGroup"::text <> t."grp")
       LIMIT ${TALLY_BATCH}
       FOR UPDATE OF t SKIP LOCKED
    ),
    resp AS (SELECT "responseId" AS "id", "versionId", "wave", "country", "grp" FROM stale),
    src AS (
      SELECT s."responseId", j.key AS "itemCode", j.value AS "value" FROM stale s CROSS JOIN LATERAL jsonb_each(s."snapshot") j WHERE s."snapshot" IS NOT NULL
      UNION ALL
      -- Per response, by its key: the planner cannot know that few are stale, and would rather scan
      -- every answer. OFFSET 0 keeps it from flattening the lookup into a join.
      SELECT a.* FROM stale s CROSS JOIN LATERAL (
        SELECT a."responseId", a."itemCode", a."value" FROM "Answer" a WHERE a."responseId" = s."responseId" OFFSET 0
      ) a WHERE s."snapshot" IS NULL
    ),
    forgotten AS (DELETE FROM "TalliedResponse" t USING stale s WHERE t."responseId" = s."responseId"),
    ${addCte(contributionsSql(scope, items, "src"), -1)}
    SELECT count(*)::int AS n FROM stale`;
  return { text, values: [scope.instrumentId] };
}

/** Totals every response has been taken away from (after a removal). */
export const tallyZeroSql = (instrumentId: string): TSql => ({
  text: `DELETE FROM "AnswerTally" WHERE "instrumentId" = $1::uuid AND "n" = 0 AND "x" = 0 AND "s" = 0 AND "ss" = 0`,
  values: [instrumentId],
});

/**
 * Adds up to TALLY_BATCH submitted responses not yet counted; the statement answers how many (`n`).
 * They are locked (FOR SHARE) until the sync commits, so one reopened meanwhile is reopened after it
 * is remembered, and its trigger keeps the copy of its answers; one locked already (being submitted
 * or reopened right now) waits for the next sync.
 */
export function tallyAddSql(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const text = `WITH resp AS MATERIALIZED (
      SELECT r."id", r."versionId", r."wave", e."country", e."expertGroup"::text AS grp
        FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
       WHERE r."instrumentId" = $1::uuid AND r."versionId" = ANY($2::uuid[]) AND r."status" = 'SUBMITTED'
         AND NOT EXISTS (SELECT 1 FROM "TalliedResponse" t WHERE t."responseId" = r."id")
       LIMIT ${TALLY_BATCH}
       FOR SHARE OF r SKIP LOCKED
    ),
    remembered AS (
      INSERT INTO "TalliedResponse" ("responseId", "instrumentId", "versionId", "wave", "country", "grp")
      SELECT "id", $1::uuid, "versionId", "wave", "country", grp FROM resp
    ),
    ${addCte(contributionsSql(scope, items), 1)}
    SELECT count(*)::int AS n FROM resp`;
  return { text, values: [scope.instrumentId, scope.versions.map((v) => v.id)] };
}

/**
 * The summary read from the totals (the submitted responses in scope), plus, when the filters
 * include responses in progress, those computed from their answers: the same grouped rows as
 * summarySql (query.ts) computes from the answers alone.
 */
export function tallySummarySql(scope: TScope, filters: TFilters, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const values: unknown[] = [scope.instrumentId, scope.versions.map((v) => v.id), scope.wave];
  const where = [`"instrumentId" = $1::uuid`, `"versionId" = ANY($2::uuid[])`, `"wave" = $3::int`];
  if (filters.country) where.push(`"country" = $${values.push(filters.country)}`);
  if (filters.group) where.push(`"grp" = $${values.push(filters.group)}`);
  const tallied = `SELECT q, item, k, n, s, ss, x FROM "AnswerTally" WHERE ${where.join(" AND ")}`;
  const counted = `SELECT count(*) FROM "TalliedResponse" WHERE ${where.join(" AND ")}`;
  if (!filters.includeInProgress) return { text: summedSql(tallied, counted), values };
  const live = respCte(scope, filters, values, "inProgress");
  return {
    text: `WITH ${live} ${summedSql(`${tallied} UNION ALL SELECT q, item, k, n, s, ss, x FROM (${contributionsSql(scope, items)}) c`, `(${counted}) + (SELECT count(*) FROM resp)`)}`,
    values,
  };
}
