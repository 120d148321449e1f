import type { TDb } from "@/lib/db/types";
import type { TAnswerValue } from "@/lib/instrument/answers";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { buildLayout, type TExportVersion, type TLayout, type TResponseMeta } from "@/lib/exports/layout";

/**
 * Reading a study's responses for an export (not server-only: the bench and tests call it with
 * their own client). Responses come in keyset-paginated batches ordered by pseudonym, so memory
 * holds one batch at a time, whatever the number of responses.
 */

export const BATCH_SIZE = 500;

export type TExportContext = {
  study: { id: string; slug: string; titleRu: string; titleEn: string };
  instrument: { id: string; name: string };
  versions: Array<TExportVersion & { id: string; publishedAt: Date | null }>;
  layout: TLayout;
};

export type TExportRow = { meta: TResponseMeta; answers: Map<string, TAnswerValue> };

/** The study, its questionnaire and every version that was published or answered; null if the study has no questionnaire. */
export async function loadExportContext(client: TDb, studyId: string): Promise<TExportContext | null> {
  const study = await client.study.findUnique({
    where: { id: studyId },
    select: {
      id: true,
      slug: true,
      titleRu: true,
      titleEn: true,
      instruments: { where: { kind: "QUESTIONNAIRE" }, orderBy: { createdAt: "asc" }, take: 1, select: { id: true, name: true } },
    },
  });
  const instrument = study?.instruments[0];
  if (!study || !instrument) return null;
  const rows = await client.instrumentVersion.findMany({
    where: { instrumentId: instrument.id, OR: [{ status: "PUBLISHED" }, { responses: { some: {} } }] },
    orderBy: { number: "asc" },
    select: { id: true, number: true, content: true, publishedAt: true },
  });
  const versions = rows.map((v) => ({ id: v.id, number: v.number, publishedAt: v.publishedAt, definition: ZQuestionnaire.parse(v.content) }));
  return { study: { id: study.id, slug: study.slug, titleRu: study.titleRu, titleEn: study.titleEn }, instrument, versions, layout: buildLayout(versions) };
}

type TMetaRow = Omit<TResponseMeta, "version"> & { version: number };

/** Every response of the questionnaire with its answers, in batches (cleared answers, stored as null, are left out). */
export async function* responseBatches(client: TDb, instrumentId: string, batchSize = BATCH_SIZE): AsyncGenerator<TExportRow[]> {
  let after = -1;
  for (;;) {
    const metas = await client.$queryRaw<TMetaRow[]>`
      SELECT r."id" AS "responseId", e."pseudonym", e."country", e."expertGroup"::text AS "expertGroup", r."status"::text AS "status",
             v."number" AS "version", r."startedAt", r."updatedAt", r."submittedAt"
        FROM "Response" r
        JOIN "Expert" e ON e."id" = r."expertId"
        JOIN "InstrumentVersion" v ON v."id" = r."versionId"
       WHERE r."instrumentId" = ${instrumentId}::uuid AND e."pseudonym" > ${after}
       ORDER BY e."pseudonym"
       LIMIT ${batchSize}`;
    if (metas.length === 0) return;
    const answers = await client.$queryRaw<Array<{ responseId: string; itemCode: string; value: TAnswerValue }>>`
      SELECT "responseId", "itemCode", "value" FROM "Answer"
       WHERE "responseId" = ANY(${metas.map((m) => m.responseId)}::uuid[]) AND "value" <> 'null'::jsonb`;
    const byResponse = new Map<string, Map<string, TAnswerValue>>(metas.map((m) => [m.responseId, new Map()]));
    for (const a of answers) byResponse.get(a.responseId)!.set(a.itemCode, a.value);
    yield metas.map((meta) => ({ meta, answers: byResponse.get(meta.responseId)! }));
    after = metas[metas.length - 1]!.pseudonym;
    if (metas.length < batchSize) return;
  }
}

/** Answers one by one for the long format, in keyset-paginated batches ordered by pseudonym and item. */
export async function* answerBatches(client: TDb, instrumentId: string, batchSize = BATCH_SIZE * 20) {
  let after: { pseudonym: number; itemCode: string } = { pseudonym: -1, itemCode: "" };
  for (;;) {
    const rows = await client.$queryRaw<
      Array<{ pseudonym: number; country: string; expertGroup: string; status: string; version: number; itemCode: string; value: unknown; updatedAt: Date }>
    >`
      SELECT e."pseudonym", e."country", e."expertGroup"::text AS "expertGroup", r."status"::text AS "status", v."number" AS "version",
             a."itemCode", a."value", a."updatedAt"
        FROM "Answer" a
        JOIN "Response" r ON r."id" = a."responseId"
        JOIN "Expert" e ON e."id" = r."expertId"
        JOIN "InstrumentVersion" v ON v."id" = r."versionId"
       WHERE r."instrumentId" = ${instrumentId}::uuid AND a."value" <> 'null'::jsonb
         AND (e."pseudonym", a."itemCode") > (${after.pseudonym}, ${after.itemCode})
       ORDER BY e."pseudonym", a."itemCode"
       LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { pseudonym: last.pseudonym, itemCode: last.itemCode };
    if (rows.length < batchSize) return;
  }
}

/** The longest stored text per item (and "other" text), in bytes: the string widths of the .sav file. */
export async function textWidths(client: TDb, instrumentId: string): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<Array<{ name: string; bytes: number }>>`
    SELECT name, max(bytes)::int AS bytes FROM (
      SELECT a."itemCode" AS name, octet_length(a."value"->>'text') AS bytes
        FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
       WHERE r."instrumentId" = ${instrumentId}::uuid AND a."value"->>'text' IS NOT NULL
      UNION ALL
      SELECT a."itemCode" || '_other', octet_length(a."value"->>'other')
        FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
       WHERE r."instrumentId" = ${instrumentId}::uuid AND a."value"->>'other' IS NOT NULL
    ) t GROUP BY name`;
  return new Map(rows.map((r) => [r.name, r.bytes]));
}
