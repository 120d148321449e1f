import type { TCondition, TItem, TItemType, TQuestionnaire } from "@/lib/instrument/definition";
import { countryPairs } from "@/lib/study/countries";
import type { TDb } from "@/lib/db/types";
import type { TFilters } from "@/lib/aggregates/types";

/**
 * The SQL of every aggregate: built here (the builders are pure; the few functions at the end run them)
 * so the service and the benchmark's direct-SQL baseline run exactly the same statements. All counting happens in PostgreSQL with
 * GROUP BY over answer rows; only the grouped rows come back.
 *
 * Every query starts from the same two CTEs:
 * - `resp`: the responses in scope (the study's questionnaire, the filters);
 * - `ans`: their answers to the items asked about, minus cleared answers (JSON null) and answers to
 *   items hidden for that respondent (a condition not met, evaluated per version as the
 *   questionnaire does: a condition on a hidden item does not hold).
 *
 * Codes and version ids are inlined as quoted literals (codes match ZCode, ids come from the
 * database); filter values are bound parameters.
 */

/**
 * Session settings every aggregate statement runs with (SET LOCAL, in its own transaction): no JIT
 * (the visibility subqueries inflate cost estimates past jit_above_cost, and compiling then takes
 * seconds, far more than the query), and room to group and sort in memory rather than on disk.
 */
export const AGGREGATE_SETTINGS = ["SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'"] as const;

export type TScopeVersion = { id: string; q: TQuestionnaire };
/** `wave`: the wave (or round) whose responses are read; the running totals keep every wave apart. */
export type TScope = { instrumentId: string; versions: TScopeVersion[]; wave: number };
export type TSql = { text: string; values: unknown[] };

/** One grouped row; which columns mean what depends on `q` (see each query; med is only filled by shape.ts). */
export type TAggRow = { q: string; item: string | null; k: string | null; g: string | null; n: number; mean: number | null; sd: number | null; med: number | null; x: number };

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The answers table; the tally sync reads a response's saved copy of its answers instead (tally.ts). */
const ANSWERS = `"Answer"`;

function conditionTest(c: TCondition, v: string): string {
  switch (c.op) {
    case "equals":
      return typeof c.value === "number"
        ? `(jsonb_typeof(${v}->'value') = 'number' AND (${v}->>'value')::numeric = ${Number(c.value)})`
        : `(${v}->>'choice' = ${lit(c.value)} OR ${v}->>'value' = ${lit(c.value)})`;
    case "includes":
      return `coalesce(${v}->'choices' ? ${lit(String(c.value))}, false)`;
    case "gte":
    case "lte":
      return typeof c.value === "number"
        ? `(jsonb_typeof(${v}->'value') = 'number' AND (${v}->>'value')::numeric ${c.op === "gte" ? ">=" : "<="} ${Number(c.value)})`
        : "false";
  }
}

/** SQL that is true when `code` is shown to the respondent of answer row `a` under questionnaire `q`. */
export function visibleSql(q: TQuestionnaire, code: string, rel = ANSWERS, depth = 0): string {
  if (depth > 50) return "false";
  const section = q.sections.find((s) => s.items.some((i) => i.code === code));
  const item = section?.items.find((i) => i.code === code);
  if (!section || !item) return "true";
  const conditions = [...(section.showIf ?? []), ...(item.showIf ?? [])];
  if (conditions.length === 0) return "true";
  return conditions
    .map((c) => {
      const shown = visibleSql(q, c.item, rel, depth + 1);
      const holds = `EXISTS (SELECT 1 FROM ${rel} c WHERE c."responseId" = a."responseId" AND c."itemCode" = ${lit(c.item)} AND ${conditionTest(c, `c."value"`)})`;
      return shown === "true" ? holds : `(${shown} AND ${holds})`;
    })
    .join(" AND ");
}

/** Per version in scope, the visibility of each conditional item among `codes`. */
function visibilitySql(scope: TScope, codes: readonly string[], rel: string): string {
  const branches: string[] = [];
  for (const v of scope.versions) {
    const whens = codes.map((code) => [code, visibleSql(v.q, code, rel)] as const).filter(([, sql]) => sql !== "true");
    if (whens.length) branches.push(`WHEN r."versionId" = ${lit(v.id)}::uuid THEN CASE a."itemCode" ${whens.map(([code, sql]) => `WHEN ${lit(code)} THEN ${sql}`).join(" ")} ELSE true END`);
  }
  return branches.length ? `CASE ${branches.join(" ")} ELSE true END` : "true";
}

/** Whether a stored value counts as an answer (as isAnswered in lib/instrument/answers.ts). */
export function answeredSql(type: TItemType, v = `a."value"`): string {
  switch (type) {
    case "single":
      return `${v} ? 'choice'`;
    case "multi":
      return `jsonb_array_length(${v}->'choices') > 0`;
    case "scale":
      return `(${v} ? 'value' OR ${v} ? 'cannotAssess')`;
    case "number":
      return `${v} ? 'value'`;
    case "matrix":
      return `${v}->'rows' <> '{}'::jsonb`;
    case "ranking":
      return `jsonb_array_length(${v}->'order') > 0`;
    case "text":
      return `btrim(${v}->>'text') <> ''`;
    case "display":
      return "false";
  }
}

/**
 * The `resp` CTE: the responses in scope, with the respondent's country and group. `status` narrows
 * them further: the submitted ones, the ones still in progress, or as the filters say.
 */
export function respCte(scope: TScope, filters: TFilters, values: unknown[], status: "filters" | "inProgress" = "filters"): string {
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [
    `r."instrumentId" = ${param(scope.instrumentId)}::uuid`,
    `r."wave" = ${param(scope.wave)}::int`,
    `r."versionId" = ANY(${param(scope.versions.map((v) => v.id))}::uuid[])`,
  ];
  if (status === "inProgress") where.push(`r."status" <> 'SUBMITTED'`);
  else if (!filters.includeInProgress) where.push(`r."status" = 'SUBMITTED'`);
  if (filters.country) where.push(`e."country" = ${param(filters.country)}`);
  if (filters.group) where.push(`e."expertGroup" = ${param(filters.group)}::"ExpertGroup"`);
  return `resp AS MATERIALIZED (
    SELECT r."id", r."versionId", r."wave", e."country", e."expertGroup"::text AS grp
      FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
     WHERE ${where.join(" AND ")}
  )`;
}

/**
 * The answers in scope to `items` (rid, ver, item, v, country, grp), as a subquery: read through the
 * ("itemCode", "responseId") index, so each part of a query reads only its own items' answers.
 * `rel` is the relation the answers come from (responseId, itemCode, value).
 */
function answersOf(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>, checkAnswered = true, rel = ANSWERS): string {
  const codes = items.map((i) => i.code);
  if (codes.length === 0) return `(SELECT NULL::uuid AS rid, NULL::uuid AS ver, NULL::int AS wave, NULL::text AS item, NULL::jsonb AS v, NULL::text AS "country", NULL::text AS grp WHERE false)`;
  const answered = checkAnswered ? `CASE a."itemCode" ${items.map((i) => `WHEN ${lit(i.code)} THEN ${answeredSql(i.type)}`).join(" ")} ELSE false END` : "true";
  return `(SELECT r."id" AS rid, r."versionId" AS ver, r."wave" AS wave, a."itemCode" AS item, a."value" AS v, r."country", r.grp
      FROM resp r JOIN ${rel} a ON a."responseId" = r."id"
     WHERE a."itemCode" IN (${codes.map(lit).join(", ")}) AND a."value" <> 'null'::jsonb
       AND ${answered}
       AND ${visibilitySql(scope, codes, rel)})`;
}

/** `resp` and `ans` (the answers to `items`) for the one-item queries. */
function baseCtes(scope: TScope, filters: TFilters, items: ReadonlyArray<Pick<TItem, "code" | "type">>, values: unknown[]): string {
  return `${respCte(scope, filters, values)}, ans AS ${answersOf(scope, items)}`;
}


/**
 * What each answer in scope adds to the summary, as rows (rid, ver, wave, country, grp, q, item, k, n, s,
 * ss, x): every figure of the summary is a sum of these, so the same rows serve computing it from the
 * answers and keeping running totals of it (tally.ts). By `q`:
 * - `n`: per item, n = 1 for a respondent who answered (x = 1 when they gave an "other" text, or,
 *   for a scale, chose "cannot assess");
 * - `opt`: per choice / multi option, k = option code, n = 1;
 * - `num`: per scale / number item, n = 1, s = the value, ss = its square;
 * - `dist`: per scale item, k = value, n = 1;
 * - `val`: per number item, k = value, n = 1 (its median and histogram are made from these);
 * - `row`: per matrix row, k = row code, n = 1 for a rating, s and ss, x = 1 for "cannot assess";
 * - `rank`: per ranking option, k = option, n = 1, s = its rank, x = 1 for a first place;
 * - `prof`: per answer (not number items: their `val` rows serve), k = its profile, n = 1: what of
 *   the answer the counts shown depend on (profileSql), which small-cell protection (protect.ts)
 *   exchanges between respondents.
 * Number items have no `n` row: their respondents are their numbers.
 */
export function contributionsSql(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>, rel = ANSWERS): string {
  const typed = (...types: TItemType[]) => items.filter((i) => types.includes(i.type));
  const from = (...types: TItemType[]) => `${answersOf(scope, typed(...types), false, rel)} ans`;
  const cols = `rid, ver, wave, "country", grp, e.q, item, e.k, e.n, e.s, e.ss, e.x`;
  const x = `(v->>'value')::numeric`;
  const other = `(btrim(coalesce(v->>'other', '')) <> '')::int`;
  const row = (q: string, k: string, n: string, s: string, ss: string, xx: string) => `SELECT ${lit(q)}::text AS q, ${k}::text AS k, ${n}::int AS n, ${s}::numeric AS s, ${ss}::numeric AS ss, ${xx}::int AS x`;
  return `
    SELECT ${cols} FROM ${from("single")} CROSS JOIN LATERAL (${row("n", "NULL", "1", "0", "0", other)} UNION ALL ${row("opt", "v->>'choice'", "1", "0", "0", "0")}
      UNION ALL ${row("prof", profileSql("single"), "1", "0", "0", "0")}) e
     WHERE v ? 'choice'
    UNION ALL
    SELECT ${cols} FROM ${from("multi")} CROSS JOIN LATERAL (
      ${row("n", "NULL", "1", "0", "0", other)} WHERE jsonb_array_length(v->'choices') > 0
      UNION ALL ${row("prof", profileSql("multi"), "1", "0", "0", "0")} WHERE jsonb_array_length(v->'choices') > 0
      UNION ALL SELECT 'opt', c.code, 1, 0, 0, 0 FROM jsonb_array_elements_text(v->'choices') c(code)) e
    UNION ALL
    SELECT ${cols} FROM ${from("scale")} CROSS JOIN LATERAL (
      ${row("n", "NULL", "1", "0", "0", "(v ? 'cannotAssess')::int")}
      UNION ALL ${row("prof", profileSql("scale"), "1", "0", "0", "0")}
      UNION ALL ${row("dist", "v->>'value'", "1", "0", "0", "0")} WHERE v ? 'value'
      UNION ALL ${row("num", "NULL", "1", x, `${x} * ${x}`, "0")} WHERE v ? 'value') e
     WHERE v ? 'value' OR v ? 'cannotAssess'
    UNION ALL
    SELECT ${cols} FROM ${from("number")} CROSS JOIN LATERAL (${row("num", "NULL", "1", x, `${x} * ${x}`, "0")} UNION ALL ${row("val", "v->>'value'", "1", "0", "0", "0")}) e
     WHERE v ? 'value'
    UNION ALL
    SELECT ${cols} FROM ${from("matrix")} CROSS JOIN LATERAL (
      ${row("n", "NULL", "1", "0", "0", "0")} WHERE v->'rows' <> '{}'::jsonb
      UNION ALL ${row("prof", profileSql("matrix"), "1", "0", "0", "0")} WHERE v->'rows' <> '{}'::jsonb
      UNION ALL SELECT 'row', m.key, (jsonb_typeof(m.value) = 'number')::int,
             CASE WHEN jsonb_typeof(m.value) = 'number' THEN m.value::text::numeric ELSE 0 END,
             CASE WHEN jsonb_typeof(m.value) = 'number' THEN m.value::text::numeric ^ 2 ELSE 0 END,
             (m.value = '"NA"'::jsonb)::int
        FROM jsonb_each(v->'rows') m) e
    UNION ALL
    SELECT ${cols} FROM ${from("ranking")} CROSS JOIN LATERAL (
      ${row("n", "NULL", "1", "0", "0", "0")} WHERE jsonb_array_length(v->'order') > 0
      UNION ALL ${row("prof", profileSql("ranking"), "1", "0", "0", "0")} WHERE jsonb_array_length(v->'order') > 0
      UNION ALL SELECT 'rank', o.code, 1, o.pos, 0, (o.pos = 1)::int FROM jsonb_array_elements_text(v->'order') WITH ORDINALITY o(code, pos)) e
    UNION ALL
    SELECT ${cols} FROM ${from("text")} CROSS JOIN LATERAL (${row("n", "NULL", "1", "0", "0", "0")} UNION ALL ${row("prof", "'t'", "1", "0", "0", "0")}) e
     WHERE btrim(v->>'text') <> ''`;
}

/**
 * An answer's profile (`v` is its value): the part of it that the counts shown depend on, as text
 * that protect.ts reads back (profileFeatures). Single choice: the option, "+t" when an "other"
 * text is given; multiple choice: the options in code order, comma-separated (and "+t"); scale:
 * the value or "NA"; matrix: per answered row in code order "row=R" (a rating) or "row=N" (cannot
 * assess); ranking: the first option, "|", the ranked options in code order; text: "t".
 */
export function profileSql(type: TItemType): string {
  const text = `CASE WHEN btrim(coalesce(v->>'other', '')) <> '' THEN '+t' ELSE '' END`;
  switch (type) {
    case "single":
      return `(v->>'choice') || ${text}`;
    case "multi":
      return `(SELECT string_agg(c, ',' ORDER BY c COLLATE "C") FROM jsonb_array_elements_text(v->'choices') c) || ${text}`;
    case "scale":
      return `CASE WHEN v ? 'cannotAssess' THEN 'NA' ELSE v->>'value' END`;
    case "matrix":
      return `(SELECT string_agg(m.key || CASE WHEN m.value = '"NA"'::jsonb THEN '=N' ELSE '=R' END, ',' ORDER BY m.key COLLATE "C") FROM jsonb_each(v->'rows') m)`;
    case "ranking":
      return `(v->'order'->>0) || '|' || (SELECT string_agg(o, ',' ORDER BY o COLLATE "C") FROM jsonb_array_elements_text(v->'order') o)`;
    default:
      return "'t'";
  }
}

/** The contribution rows the protection cube reads (`prof`, `val` for number items, `row` for the pair heatmap). */
export const CUBE_QS = ["prof", "val", "row"] as const;

/**
 * The protection cube (protect.ts): every count shown for an item is a sum, over the cells of
 * version × country × group × status ("S" submitted, "P" in progress) it covers, of what the
 * answers there contribute. Rows (q prefixed "c:"), g = the cell as "version|country|group|status":
 * `c:pop` n = responses in the cell; `c:prof`, `c:val` n = answers with profile (value) k;
 * `c:row` per matrix row k: n ratings, mean = their sum, sd = the sum of their squares, x = cannot
 * assess. Submitted responses come from the running totals (tally.ts, synced first), responses in
 * progress from their answers. Parameters continue `values`. Covers every published version,
 * whatever the filters: the protection is the same in every view.
 */
export function cubeSql(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>, values: unknown[]): string {
  const param = (v: unknown) => `$${values.push(v)}`;
  const instrument = param(scope.instrumentId);
  const versions = param(scope.versions.map((v) => v.id));
  const wave = param(scope.wave);
  const qs = `(${CUBE_QS.map(lit).join(", ")})`;
  const cell = (ver: string, status: string) => `concat_ws('|', ${ver}, "country", grp, '${status}')`;
  const live = respCte(scope, { includeInProgress: true }, values, "inProgress");
  return `
    SELECT 'c:pop' AS q, NULL::text AS item, NULL::text AS k, ${cell(`"versionId"`, "S")} AS g, count(*)::bigint AS n,
           NULL::float8 AS mean, NULL::float8 AS sd, NULL::float8 AS med, 0::bigint AS x
      FROM "TalliedResponse" WHERE "instrumentId" = ${instrument}::uuid AND "wave" = ${wave}::int AND "versionId" = ANY(${versions}::uuid[]) GROUP BY 4
    UNION ALL
    SELECT 'c:' || q, item, nullif(k, ''), ${cell(`"versionId"`, "S")}, n::bigint, s::float8, ss::float8, NULL::float8, x::bigint
      FROM "AnswerTally" WHERE "instrumentId" = ${instrument}::uuid AND "wave" = ${wave}::int AND "versionId" = ANY(${versions}::uuid[]) AND q IN ${qs} AND (n <> 0 OR x <> 0)
    UNION ALL
    SELECT * FROM (WITH ${live}
      SELECT 'c:pop' AS q, NULL::text AS item, NULL::text AS k, concat_ws('|', "versionId", "country", grp, 'P') AS g, count(*)::bigint AS n,
             NULL::float8 AS mean, NULL::float8 AS sd, NULL::float8 AS med, 0::bigint AS x FROM resp GROUP BY 4
      UNION ALL
      SELECT 'c:' || q, item, nullif(k, ''), ${cell("ver", "P")}, sum(n)::bigint, sum(s)::float8, sum(ss)::float8, NULL::float8, sum(x)::bigint
        FROM (${contributionsSql(scope, items)}) c WHERE q IN ${qs} GROUP BY q, item, k, 4) live`;
}

/** `sql` (a statement of grouped rows) with the protection cube's rows after it, in one statement (one snapshot). */
export function withCube(sql: TSql, scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const values = [...sql.values];
  const cube = cubeSql(scope, items, values);
  return { text: `SELECT q, item, k, g, n, mean, sd, med, x FROM (${sql.text}) s UNION ALL ${cube}`, values };
}

/**
 * Summed contribution rows (`src`: q, item, k, n, s, ss, x) as the summary's grouped rows: counts,
 * and the mean and SD of the values (computed in numeric, then rounded to float8). The `resp` row
 * (n = respondents in scope) comes from `respondents`, a scalar subquery.
 */
export function summedSql(src: string, respondents: string): string {
  const n = `sum(n)`;
  return `
    SELECT 'resp' AS q, NULL::text AS item, NULL::text AS k, NULL::text AS g, (${respondents})::bigint AS n,
           NULL::float8 AS mean, NULL::float8 AS sd, NULL::float8 AS med, 0::bigint AS x
    UNION ALL
    SELECT q, item, nullif(k, ''), NULL, ${n}::bigint,
           (sum(s) / nullif(${n}, 0))::float8,
           CASE WHEN ${n} > 1 THEN sqrt(greatest(sum(ss) - sum(s) ^ 2 / ${n}, 0) / (${n} - 1))::float8 END,
           NULL, sum(x)::bigint
      FROM (${src}) src WHERE q <> 'prof' GROUP BY q, item, nullif(k, '')`;
}

/** The summary computed from the answers in one statement (the tally's own check, and the benchmark's baseline). */
export function summarySql(scope: TScope, filters: TFilters, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const values: unknown[] = [];
  const text = `WITH ${respCte(scope, filters, values)} ${summedSql(`SELECT q, item, k, n, s, ss, x FROM (${contributionsSql(scope, items)}) c`, "SELECT count(*) FROM resp")}`;
  return { text, values };
}

export type TCrossBy = "country" | "group";

/**
 * A cross-tab of one choice or scale item by the respondent's country or expert group. Rows by `q`:
 * `base`: g = column, n = respondents in it who answered; `cell`: k = option (or scale value, or
 * "NA" for cannot assess), g = column, n = respondents.
 */
export function crossTabSql(scope: TScope, filters: TFilters, item: Pick<TItem, "code" | "type">, by: TCrossBy): TSql {
  const values: unknown[] = [];
  const ctes = baseCtes(scope, filters, [item], values);
  const col = by === "country" ? `"country"` : "grp";
  const key =
    item.type === "single"
      ? `v->>'choice'`
      : item.type === "scale"
        ? `CASE WHEN v ? 'cannotAssess' THEN 'NA' ELSE v->>'value' END`
        : item.type === "number"
          ? `v->>'value'`
          : null;
  const cells = key
    ? `SELECT 'cell', item, ${key}, ${col}, count(*), NULL::float8, NULL::float8, NULL::float8, 0::bigint FROM ans GROUP BY item, 3, ${col}`
    : `SELECT 'cell', item, c.code, ${col}, count(*), NULL::float8, NULL::float8, NULL::float8, 0::bigint
         FROM ans CROSS JOIN LATERAL jsonb_array_elements_text(v->'choices') c(code) GROUP BY item, c.code, ${col}`;
  return {
    text: `WITH ${ctes}
      SELECT 'base' AS q, item, NULL::text AS k, ${col} AS g, count(*) AS n, NULL::float8 AS mean, NULL::float8 AS sd, NULL::float8 AS med, 0::bigint AS x FROM ans GROUP BY item, ${col}
      UNION ALL ${cells}`,
    values,
  };
}

/** The rows of a country-pair matrix, as row code -> [country A, country B]. */
export function pairRows(item: Extract<TItem, { type: "matrix" }>): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  if (!item.pairsOf) return out;
  for (const [a, b] of countryPairs(item.pairsOf)) {
    const row = item.rows.find((r) => r.code === `${item.code}_${a}_${b}` || r.code === `${item.code}_${b}_${a}`);
    if (row) out.set(row.code, [a, b]);
  }
  return out;
}

/**
 * The pair heatmap: per row of a country-pair matrix and per rater group (g = "own" when the rater
 * is from one of the pair's two countries, "other" otherwise): n ratings, mean, sd, x = cannot assess.
 */
export function heatmapSql(scope: TScope, filters: TFilters, item: Extract<TItem, { type: "matrix" }>): TSql {
  const values: unknown[] = [];
  const ctes = baseCtes(scope, filters, [item], values);
  const pairs = Object.fromEntries(pairRows(item));
  values.push(JSON.stringify(pairs));
  const pairsParam = `$${values.length}::jsonb`;
  return {
    text: `WITH ${ctes}
      SELECT 'pair' AS q, item, m.key AS k, CASE WHEN ${pairsParam}->m.key ? "country" THEN 'own' ELSE 'other' END AS g,
             count(*) FILTER (WHERE jsonb_typeof(m.value) = 'number') AS n,
             avg((m.value)::text::float8) FILTER (WHERE jsonb_typeof(m.value) = 'number') AS mean,
             stddev_samp((m.value)::text::float8) FILTER (WHERE jsonb_typeof(m.value) = 'number') AS sd, NULL::float8 AS med,
             count(*) FILTER (WHERE m.value = '"NA"'::jsonb) AS x
        FROM ans CROSS JOIN LATERAL jsonb_each(v->'rows') m WHERE ${pairsParam} ? m.key GROUP BY item, m.key, 4`,
    values,
  };
}

/** The texts of a text item, or the "other" texts of a choice item (coordinators only). */
export function textsSql(scope: TScope, filters: TFilters, item: Pick<TItem, "code" | "type">): TSql {
  const values: unknown[] = [];
  const ctes = baseCtes(scope, filters, [item], values);
  const field = item.type === "text" ? "text" : "other";
  return { text: `WITH ${ctes} SELECT v->>'${field}' AS text FROM ans WHERE btrim(coalesce(v->>'${field}', '')) <> '' ORDER BY 1`, values };
}

/*
 * Running the statements: every raw query of the aggregates is here (the builders above and
 * tally.ts's only make text); lib/aggregates/service.ts decides which run, and in which transaction.
 */

/** Sets AGGREGATE_SETTINGS for the rest of the transaction. */
export async function applyAggregateSettings(tx: TDb): Promise<void> {
  for (const setting of AGGREGATE_SETTINGS) await tx.$executeRawUnsafe(setting);
}

/** Runs a built statement and returns its rows. */
export const queryRows = <R>(tx: TDb, sql: TSql): Promise<R[]> => tx.$queryRawUnsafe<R[]>(sql.text, ...sql.values);

/** Runs a built statement that returns no rows; its row count. */
export const execute = (tx: TDb, sql: TSql): Promise<number> => tx.$executeRawUnsafe(sql.text, ...sql.values);

/** The definition the instrument's tallies were built for (tally.ts tallyDefinition), if any. */
export async function tallyStateDefinition(tx: TDb, instrumentId: string): Promise<string | undefined> {
  const [state] = await tx.$queryRaw<Array<{ definition: string }>>`SELECT "definition" FROM "TallyState" WHERE "instrumentId" = ${instrumentId}::uuid`;
  return state?.definition;
}

/**
 * What the aggregates depend on, read cheaply: the questionnaire's responses (count, sum of updatedAt,
 * submitted count) and the study's panel (count, sum of updatedAt).
 */
export async function dataStampOf(client: TDb, instrumentId: string, studyId: string): Promise<string> {
  const [row] = await client.$queryRaw<Array<{ stamp: string }>>`
    SELECT concat_ws('|',
      (SELECT concat_ws('/', count(*), sum(extract(epoch FROM "updatedAt")), count(*) FILTER (WHERE "status" = 'SUBMITTED')) FROM "Response" WHERE "instrumentId" = ${instrumentId}::uuid),
      (SELECT concat_ws('/', count(*), sum(extract(epoch FROM "updatedAt"))) FROM "Expert" WHERE "studyId" = ${studyId}::uuid)) AS stamp`;
  return row?.stamp ?? "";
}
