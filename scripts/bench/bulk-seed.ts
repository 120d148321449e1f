import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { ZQuestionnaire, type TCondition, type TItem, type TQuestionnaire } from "@/lib/instrument/definition";
import { isAnswerable } from "@/lib/instrument/items";

/**
 * Bulk data for the read-side benchmarks (aggregates, exports): `count` experts with a SUBMITTED
 * response each to the study's published questionnaire, and an answer to every item they see, made
 * in PostgreSQL with generate_series (one INSERT … SELECT per item), not through the app.
 *
 * The answers have valid shapes for every item type (lib/instrument/answers.ts) and realistic,
 * skewed distributions: per item, option weights and scale means are fixed from the item code, so a
 * run is reproducible; conditions (showIf) are honoured, so a hidden item gets no answer, and every
 * item shown is answered (60 items give 60 answers a response); "other" carries its text; multiple choice
 * respects min/max and exclusive options; matrices rate every row (a few "cannot assess"), and on a
 * country-pair matrix raters from one of the pair's countries rate it higher. Experts are spread
 * over the five EAEU countries and the four groups like a real panel (more from Russia, more
 * scientists).
 */

export type TBulkSeedResult = { responses: number; answers: number; seconds: number };

const COUNTRY_SHARES: Array<[string, number]> = [
  ["RU", 0.34],
  ["KZ", 0.2],
  ["BY", 0.2],
  ["KG", 0.13],
  ["AM", 0.13],
];
const GROUP_SHARES: Array<[string, number]> = [
  ["SCIENTIST", 0.4],
  ["OFFICIAL", 0.25],
  ["BUSINESS", 0.2],
  ["NONPROFIT", 0.15],
];

const WORDS = [
  "граница", "торговля", "таможня", "регион", "сотрудничество", "инфраструктура", "логистика", "инвестиции",
  "border", "trade", "customs", "region", "cooperation", "transport", "labour", "mobility", "barriers", "agreement",
  "высокий", "низкий", "важно", "very", "somewhat", "ЕАЭС", "EAEU", "policy", "rules", "harmonisation",
];

/** A reproducible pseudo-random number in [0, 1) from a label (per-item parameters). */
function unit(label: string): number {
  return createHash("sha256").update(label).digest().readUInt32BE(0) / 2 ** 32;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const jsonLit = (v: unknown) => `${lit(JSON.stringify(v))}::jsonb`;

/** `CASE WHEN x < t1 THEN a WHEN x < t2 THEN b … END` over weighted outcomes (SQL expressions). */
function weightedCase(x: string, outcomes: Array<[string, number]>): string {
  const total = outcomes.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = outcomes.slice(0, -1).map(([expr, w]) => {
    acc += w / total;
    return `WHEN ${x} < ${acc.toFixed(6)} THEN ${expr}`;
  });
  return `CASE ${whens.join(" ")} ELSE ${outcomes[outcomes.length - 1]![0]} END`;
}

/** Skewed option weights: a random permutation of 1, 1/2^0.8, 1/3^0.8 …; "other" and "hard to say" stay rare. */
function optionWeights(item: TItem & { options: Array<{ code: string; other?: boolean; exclusive?: boolean }> }): Array<[string, number]> {
  const regular = item.options.filter((o) => !o.other && !o.exclusive);
  const ranked = [...regular].sort((a, b) => unit(`${item.code}:${a.code}`) - unit(`${item.code}:${b.code}`));
  const weights = new Map(ranked.map((o, i) => [o.code, 1 / (i + 1) ** 0.8]));
  return item.options.map((o) => [o.code, o.other || o.exclusive ? 0.05 : weights.get(o.code)!]);
}

/**
 * A bell-shaped integer in [min, max] around a mean, from the sum of three uniforms; `shift` moves
 * the mean (in scale points) by a per-row SQL expression.
 */
function bellSql(min: number, max: number, mean: number, shift = "0"): string {
  const spread = Math.max(1, (max - min) / 3);
  return `least(${max}, greatest(${min}, round(${mean.toFixed(3)} + (${shift}) + ${spread.toFixed(3)} * (random() + random() + random() - 1.5))))::int`;
}

/** The condition as SQL over the answers already inserted (an item that is hidden has none, as in visibleItemCodes). */
function conditionSql(c: TCondition): string {
  const v = `c."value"`;
  let test: string;
  switch (c.op) {
    case "equals":
      test =
        typeof c.value === "number"
          ? `jsonb_typeof(${v}->'value') = 'number' AND (${v}->>'value')::numeric = ${c.value}`
          : `(${v}->>'choice' = ${lit(c.value)} OR ${v}->>'value' = ${lit(c.value)})`;
      break;
    case "includes":
      test = `${v}->'choices' ? ${lit(String(c.value))}`;
      break;
    case "gte":
    case "lte":
      test =
        typeof c.value === "number"
          ? `jsonb_typeof(${v}->'value') = 'number' AND (${v}->>'value')::numeric ${c.op === "gte" ? ">=" : "<="} ${c.value}`
          : "false";
      break;
  }
  return `EXISTS (SELECT 1 FROM "Answer" c WHERE c."responseId" = r."id" AND c."itemCode" = ${lit(c.item)} AND ${test})`;
}

/** The SQL expression of one answer value for item `item`, for the row `r` of bulk_resp (n, id, country). */
function valueSql(item: TItem): string | null {
  // Every correlated subquery mentions r."n" so PostgreSQL evaluates it per row, not once.
  switch (item.type) {
    case "single": {
      const other = item.options.find((o) => o.other)?.code;
      const choice = weightedCase("random()", optionWeights(item).map(([code, w]) => [lit(code), w]));
      const base = `jsonb_build_object('choice', ch.code)`;
      const body = other ? `${base} || CASE WHEN ch.code = ${lit(other)} THEN jsonb_build_object('other', 'Other answer ' || r."n") ELSE '{}'::jsonb END` : base;
      return `(SELECT ${body} FROM (SELECT ${choice} AS code WHERE r."n" >= 0) ch)`;
    }
    case "multi": {
      const weights = optionWeights(item);
      const exclusive = item.options.find((o) => o.exclusive)?.code;
      const other = item.options.find((o) => o.other)?.code;
      const regular = weights.filter(([code]) => code !== exclusive);
      const top = Math.max(...regular.map(([, w]) => w));
      const max = item.maxSelect ?? item.options.length;
      const values = regular.map(([code, w], i) => `(${i}, ${lit(code)}, ${Math.min(0.85, (0.55 * w) / top).toFixed(4)})`).join(", ");
      const fallback = regular.find(([code]) => code !== other)?.[0] ?? regular[0]?.[0];
      const picked = `(SELECT jsonb_agg(s.code ORDER BY s.ord) FROM (SELECT o.ord, o.code FROM (VALUES ${values}) o(ord, code, p)
                        WHERE random() < o.p AND r."n" >= 0 ORDER BY random() LIMIT ${max}) s)`;
      const choices = `coalesce(${picked}, ${jsonLit([fallback])})`;
      const withOther = other
        ? `(SELECT jsonb_build_object('choices', x.ch) || CASE WHEN x.ch ? ${lit(other)} THEN jsonb_build_object('other', 'Other answer ' || r."n") ELSE '{}'::jsonb END FROM (SELECT ${choices} AS ch) x)`
        : `jsonb_build_object('choices', ${choices})`;
      return exclusive ? `CASE WHEN random() < 0.04 THEN ${jsonLit({ choices: [exclusive] })} ELSE ${withOther} END` : withOther;
    }
    case "scale": {
      const mean = item.min + (item.max - item.min) * (0.35 + 0.4 * unit(item.code));
      const value = `jsonb_build_object('value', ${bellSql(item.min, item.max, mean)})`;
      return item.cannotAssess ? `CASE WHEN random() < 0.03 THEN '{"cannotAssess": true}'::jsonb ELSE ${value} END` : value;
    }
    case "matrix": {
      const pairs = item.pairsOf ? new Set(item.pairsOf) : null;
      const rows = item.rows.map((row, i) => {
        const mean = item.min + (item.max - item.min) * (0.3 + 0.5 * unit(`${item.code}:${row.code}`));
        // Country-pair rows are coded <item>_<A>_<B>: raters from A or B rate their own pair higher.
        const [a, b] = row.code.split("_").slice(-2);
        const own = pairs && a && b && pairs.has(a) && pairs.has(b) ? `CASE WHEN r."country" IN (${lit(a)}, ${lit(b)}) THEN 1 ELSE 0 END` : "0";
        return `(${i}, ${lit(row.code)}, ${mean.toFixed(3)}::numeric, (${own})::numeric)`;
      });
      // One row per matrix row; the shift column mentions r, so it is evaluated per respondent.
      const rating = `CASE WHEN ${item.cannotAssess ? "random() < 0.04" : "false"} THEN to_jsonb('NA'::text) ELSE to_jsonb(${bellSql(item.min, item.max, 0, "m.mean + m.shift")}) END`;
      return `(SELECT jsonb_build_object('rows', jsonb_object_agg(m.code, ${rating})) FROM (VALUES ${rows.join(", ")}) m(ord, code, mean, shift))`;
    }
    case "ranking": {
      const weights = optionWeights(item);
      const values = weights.map(([code, w]) => `(${lit(code)}, ${w.toFixed(4)})`).join(", ");
      // Weighted random order (Efraimidis–Spirakis): sort by -ln(u)/w, keep the first topK.
      return `(SELECT jsonb_build_object('order', jsonb_agg(s.code ORDER BY s.k)) FROM (SELECT o.code, -ln(1 - random()) / o.w AS k FROM (VALUES ${values}) o(code, w)
                WHERE r."n" >= 0 ORDER BY k LIMIT ${Math.min(item.topK, item.options.length)}) s)`;
    }
    case "number": {
      const min = item.min ?? 0;
      const max = item.max ?? Math.max(min + 100, 100);
      const raw = `${min} + ${max - min} * power(random(), 2)`;
      return `jsonb_build_object('value', ${item.integer ? `floor(${raw})::bigint` : `round((${raw})::numeric, 2)`})`;
    }
    case "text": {
      const words = `ARRAY[${WORDS.map(lit).join(", ")}]`;
      const text = `array_to_string(ARRAY(SELECT (${words})[1 + floor(random() * ${WORDS.length})::int] FROM generate_series(1, 3 + floor(random() * 25)::int) WHERE r."n" >= 0), ' ')`;
      return `jsonb_build_object('text', left(${text}, ${item.maxLength}))`;
    }
    case "display":
      return null;
  }
}

async function publishedQuestionnaire(client: pg.PoolClient, studyId: string): Promise<{ instrumentId: string; versionId: string; q: TQuestionnaire }> {
  const { rows } = await client.query<{ instrumentId: string; versionId: string; content: unknown }>(
    `SELECT i."id" AS "instrumentId", v."id" AS "versionId", v."content"
       FROM "Instrument" i JOIN "InstrumentVersion" v ON v."instrumentId" = i."id"
      WHERE i."studyId" = $1::uuid AND i."kind" = 'QUESTIONNAIRE' AND v."status" = 'PUBLISHED'
      ORDER BY i."createdAt", v."number" DESC LIMIT 1`,
    [studyId],
  );
  const row = rows[0];
  if (!row) throw new Error(`Study ${studyId} has no published questionnaire.`);
  return { instrumentId: row.instrumentId, versionId: row.versionId, q: ZQuestionnaire.parse(row.content) };
}

/** Per-row SQL picking a code by cumulative shares of `x` in [0, 1). */
function sharesCase(x: string, shares: Array<[string, number]>): string {
  return weightedCase(x, shares.map(([code, w]) => [lit(code), w]));
}

export async function seedBulkResponses(pool: pg.Pool, opts: { studyId: string; count: number }): Promise<TBulkSeedResult> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    const { instrumentId, versionId, q } = await publishedQuestionnaire(client, opts.studyId);
    const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");
    // Pseudonyms continue after the study's last one; the study row is locked as addExpert does.
    await client.query(`SELECT 1 FROM "Study" WHERE "id" = $1::uuid FOR UPDATE`, [opts.studyId]);
    const { rows: lastRows } = await client.query<{ last: number }>(
      `SELECT coalesce(max("pseudonym"), 0)::int AS last FROM "Expert" WHERE "studyId" = $1::uuid`,
      [opts.studyId],
    );
    const last = lastRows[0]?.last ?? 0;
    await client.query(`CREATE TEMP TABLE bulk_resp (n int PRIMARY KEY, user_id uuid, expert_id uuid, id uuid, country text) ON COMMIT DROP`);
    await client.query(
      `INSERT INTO bulk_resp (n, user_id, expert_id, id, country)
       SELECT g, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ${sharesCase("random()", COUNTRY_SHARES)}
         FROM generate_series(1, $1::int) g`,
      [opts.count],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "language")
       SELECT b.user_id, 'bulk-' || $1 || '-' || b.n || '@bench.test', 'Bulk expert ' || b.n, 'EXPERT', CASE WHEN b.n % 3 = 0 THEN 'en' ELSE 'ru' END::"Language"
         FROM bulk_resp b`,
      [tag],
    );
    await client.query(
      `INSERT INTO "Expert" ("id", "studyId", "userId", "pseudonym", "country", "expertGroup", "status", "track", "invitedAt", "lastActivityAt")
       SELECT b.expert_id, $1::uuid, b.user_id, $2::int + b.n, b.country, (${sharesCase("random()", GROUP_SHARES)})::"ExpertGroup",
              'COMPLETED', 'QUESTIONNAIRE', now() - interval '30 days', now()
         FROM bulk_resp b`,
      [opts.studyId, last],
    );
    await client.query(
      `INSERT INTO "Consent" ("expertId", "decision", "textVersion", "language", "decidedAt")
       SELECT b.expert_id, 'ACCEPTED', s."consentVersion", 'ru', now() - interval '20 days' FROM bulk_resp b, "Study" s WHERE s."id" = $1::uuid`,
      [opts.studyId],
    );
    await client.query(
      `INSERT INTO "Response" ("id", "expertId", "instrumentId", "versionId", "status", "optionOrder", "startedAt", "updatedAt", "submittedAt")
       SELECT b.id, b.expert_id, $1::uuid, $2::uuid, 'SUBMITTED', '{}'::jsonb, now() - interval '20 days', now(), now() - (b.n % 1000) * interval '1 minute'
         FROM bulk_resp b`,
      [instrumentId, versionId],
    );
    let answers = 0;
    for (const section of q.sections) {
      for (const item of section.items) {
        if (!isAnswerable(item)) continue;
        const value = valueSql(item);
        if (!value) continue;
        const conditions = [...(section.showIf ?? []), ...(item.showIf ?? [])].map(conditionSql);
        const res = await client.query(
          `INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId", "updatedAt")
           SELECT r."id", ${lit(item.code)}, ${value}, 1, gen_random_uuid(), now() FROM bulk_resp r
           ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}`,
        );
        answers += res.rowCount ?? 0;
      }
    }
    await client.query("COMMIT");
    await client.query(`ANALYZE "Answer"`);
    await client.query(`ANALYZE "Response"`);
    await client.query(`ANALYZE "Expert"`);
    return { responses: opts.count, answers, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
