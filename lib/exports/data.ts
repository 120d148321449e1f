import type pg from "pg";
import type { TDb } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAnswerValue } from "@/lib/instrument/answers";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { buildLayout, type TExportVersion, type TExportWave, type TLayout, type TResponseMeta } from "@/lib/exports/layout";
import { chosenWave, studyQuestionnaires } from "@/lib/study/study-waves";

/**
 * Reading a study's responses for an export (not server-only: the bench and tests call it with
 * their own client). Responses come in keyset-paginated batches ordered by pseudonym, one row per
 * response with its answers aggregated by PostgreSQL into one JSON text, which is parsed only when
 * that response is handed over: memory holds two batches of text and one response's values,
 * whatever the number of responses. The rows are read with plain `pg` (Prisma's raw queries cost
 * several times more per row on a million answers).
 */

/** Runs one parameterised statement and returns its rows. */
export type TSql = <R>(text: string, values: unknown[]) => Promise<R[]>;

export const pgSql =
  (pool: pg.Pool): TSql =>
  async <R>(text: string, values: unknown[]) =>
    (await pool.query(text, values)).rows as R[];

/**
 * Responses per batch. Measured on 20,000 EAEU responses (≈55 answers each, ≈250 KB of JSON per
 * batch): fewer make more round trips, more keep more text alive while it is written out.
 */
export const BATCH_SIZE = 100;

export type TExportContext = {
  study: { id: string; slug: string; titleRu: string; titleEn: string };
  instrument: { id: string; name: string };
  /** The waves exported (one, or all of them), in number order; `allWaves`: the questionnaire's opened waves. */
  waves: TExportWave[];
  allWaves: TExportWave[];
  versions: Array<TExportVersion & { id: string; publishedAt: Date | null }>;
  layout: TLayout;
};

/** A stored answer: item code, value and, when asked for, when it was last changed (ISO 8601, UTC, milliseconds). */
export type TStoredAnswer = [code: string, value: TAnswerValue, answeredAt?: string];

/** A response and its answers (cleared answers, stored as null, are left out), in no particular order. */
export type TExportRow = { meta: TResponseMeta; answers: TStoredAnswer[] };

/** The answers of a row as the layout reads them, by item code. */
export const answerMap = (answers: readonly TStoredAnswer[]) => new Map(answers.map(([code, value]) => [code, value]));

/**
 * The study, its questionnaire, the waves exported and every version that was published or answered;
 * null if the study has no questionnaire. `wave`: a wave's number, "all", or (absent) the latest
 * (lib/study/study-waves.ts).
 */
export async function loadExportContext(client: TDb, studyId: string, scope: Prisma.StudyWhereInput = {}, wave?: number | "all"): Promise<TExportContext | null> {
  const [study, questionnaires] = await Promise.all([
    client.study.findFirst({ where: { id: studyId, ...scope }, select: { id: true, slug: true, titleRu: true, titleEn: true } }),
    studyQuestionnaires(client, studyId, scope),
  ]);
  const q = questionnaires?.[0];
  if (!study || !q) return null;
  const instrument = { id: q.id, name: q.name };
  const opened = q.waves.filter((w) => w.status !== "PLANNED").map((w) => ({ number: w.number, kind: w.kind }));
  const one = wave === "all" ? null : chosenWave(q, wave);
  const waves = wave === "all" ? opened : one ? [{ number: one.number, kind: one.kind }] : [];
  const rows = await client.instrumentVersion.findMany({
    where: { instrumentId: instrument.id, OR: [{ status: "PUBLISHED" }, { responses: { some: {} } }] },
    orderBy: { number: "asc" },
    select: { id: true, number: true, content: true, publishedAt: true },
  });
  const versions = rows.map((v) => ({ id: v.id, number: v.number, publishedAt: v.publishedAt, definition: ZQuestionnaire.parse(v.content) }));
  return { study, instrument, waves, allWaves: opened, versions, layout: buildLayout(versions, waves) };
}

type TBatchRow = Omit<TResponseMeta, "version"> & { version: number; answers: string };
/** Where a batch starts: after this pseudonym and wave (an expert has a response per wave). */
type TAfter = { pseudonym: number; wave: number };

/** toISOString()'s format, so that the long CSV needs no Date per answer. */
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** One batch: the next `batchSize` responses of the exported waves after `after` (by pseudonym, then wave), each with its answers as JSON text. */
function fetchBatch(sql: TSql, ctx: TExportContext, after: TAfter, batchSize: number, answeredAt: boolean): Promise<TBatchRow[]> {
  const answer = answeredAt ? `a."itemCode", a."value", to_char(a."updatedAt" AT TIME ZONE 'UTC', ${ISO_UTC})` : `a."itemCode", a."value"`;
  return sql<TBatchRow>(
    `SELECT r."id" AS "responseId", e."pseudonym", r."wave", e."country", e."expertGroup"::text AS "expertGroup", r."status"::text AS "status",
            v."number" AS "version", r."startedAt", r."updatedAt", r."submittedAt",
            (SELECT coalesce(json_agg(json_build_array(${answer})), '[]')::text
               FROM "Answer" a WHERE a."responseId" = r."id" AND a."value" <> 'null'::jsonb) AS "answers"
       FROM "Response" r
       JOIN "Expert" e ON e."id" = r."expertId"
       JOIN "InstrumentVersion" v ON v."id" = r."versionId"
      WHERE e."studyId" = $1::uuid AND r."instrumentId" = $2::uuid AND r."wave" = ANY($6::int[])
        AND (e."pseudonym", r."wave") > ($3::int, $4::int)
      ORDER BY e."pseudonym", r."wave"
      LIMIT $5`,
    [ctx.study.id, ctx.instrument.id, after.pseudonym, after.wave, batchSize, ctx.waves.map((w) => w.number)],
  );
}

/**
 * Every response of the exported waves with its answers, one at a time, ordered by pseudonym and wave
 * (`answeredAt`: with when each answer was last changed). The next batch is read while the caller
 * handles this one, so PostgreSQL and the writer work at the same time.
 */
export async function* responses(sql: TSql, ctx: TExportContext, options: { answeredAt?: boolean; batchSize?: number } = {}): AsyncGenerator<TExportRow> {
  const { answeredAt = false, batchSize = BATCH_SIZE } = options;
  let next: Promise<TBatchRow[]> = fetchBatch(sql, ctx, { pseudonym: -1, wave: 0 }, batchSize, answeredAt);
  try {
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      const last = batch[batch.length - 1]!;
      next = batch.length < batchSize ? Promise.resolve([]) : fetchBatch(sql, ctx, { pseudonym: last.pseudonym, wave: last.wave }, batchSize, answeredAt);
      for (let i = 0; i < batch.length; i++) {
        const { answers, ...meta } = batch[i]!;
        yield { meta, answers: JSON.parse(answers) as TStoredAnswer[] };
      }
    }
  } finally {
    // A reader that stops early leaves the prefetched batch unread: its failure is of no interest.
    next.catch(() => {});
  }
}

/** The longest stored text per item (and "other" text), in bytes: the string widths of the .sav file. */
export async function textWidths(sql: TSql, instrumentId: string): Promise<Map<string, number>> {
  const rows = await sql<{ name: string; bytes: number }>(
    `
    SELECT name, max(bytes)::int AS bytes FROM (
      SELECT a."itemCode" AS name, octet_length(a."value"->>'text') AS bytes
        FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
       WHERE r."instrumentId" = $1::uuid AND a."value"->>'text' IS NOT NULL
      UNION ALL
      SELECT a."itemCode" || '_other', octet_length(a."value"->>'other')
        FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
       WHERE r."instrumentId" = $1::uuid AND a."value"->>'other' IS NOT NULL
    ) t GROUP BY name`,
    [instrumentId],
  );
  return new Map(rows.map((r) => [r.name, r.bytes]));
}
