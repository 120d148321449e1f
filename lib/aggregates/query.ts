import type { TCondition, TItem, TItemType, TQuestionnaire } from "@/lib/instrument/definition";
import { countryPairs } from "@/lib/study/countries";
import type { TFilters } from "@/lib/aggregates/types";

/**
 * The SQL of every aggregate: built here (pure, no database) so the service and the benchmark's
 * direct-SQL baseline run exactly the same statements. All counting happens in PostgreSQL with
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
export type TScope = { instrumentId: string; versions: TScopeVersion[] };
export type TSql = { text: string; values: unknown[] };

/** One grouped row; which columns mean what depends on `q` (see each query). */
export type TAggRow = { q: string; item: string | null; k: string | null; g: string | null; n: number; mean: number | null; sd: number | null; med: number | null; x: number };

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

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
export function visibleSql(q: TQuestionnaire, code: string, depth = 0): string {
  if (depth > 50) return "false";
  const section = q.sections.find((s) => s.items.some((i) => i.code === code));
  const item = section?.items.find((i) => i.code === code);
  if (!section || !item) return "true";
  const conditions = [...(section.showIf ?? []), ...(item.showIf ?? [])];
  if (conditions.length === 0) return "true";
  return conditions
    .map((c) => {
      const shown = visibleSql(q, c.item, depth + 1);
      const holds = `EXISTS (SELECT 1 FROM "Answer" c WHERE c."responseId" = a."responseId" AND c."itemCode" = ${lit(c.item)} AND ${conditionTest(c, `c."value"`)})`;
      return shown === "true" ? holds : `(${shown} AND ${holds})`;
    })
    .join(" AND ");
}

/** Per version in scope, the visibility of each conditional item among `codes`. */
function visibilitySql(scope: TScope, codes: readonly string[]): string {
  const branches: string[] = [];
  for (const v of scope.versions) {
    const whens = codes.map((code) => [code, visibleSql(v.q, code)] as const).filter(([, sql]) => sql !== "true");
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

/** The `resp` CTE: the responses in scope, with the respondent's country and group. */
function respCte(scope: TScope, filters: TFilters, values: unknown[]): string {
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [`r."instrumentId" = ${param(scope.instrumentId)}::uuid`, `r."versionId" = ANY(${param(scope.versions.map((v) => v.id))}::uuid[])`];
  if (!filters.includeInProgress) where.push(`r."status" = 'SUBMITTED'`);
  if (filters.country) where.push(`e."country" = ${param(filters.country)}`);
  if (filters.group) where.push(`e."expertGroup" = ${param(filters.group)}::"ExpertGroup"`);
  return `resp AS MATERIALIZED (
    SELECT r."id", r."versionId", e."country", e."expertGroup"::text AS grp
      FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId"
     WHERE ${where.join(" AND ")}
  )`;
}

/**
 * The answers in scope to `items` (item, v, country, grp), as a subquery: read through the
 * ("itemCode", "responseId") index, so each part of a query reads only its own items' answers.
 */
function answersOf(scope: TScope, items: ReadonlyArray<Pick<TItem, "code" | "type">>, checkAnswered = true): string {
  const codes = items.map((i) => i.code);
  if (codes.length === 0) return `(SELECT NULL::text AS item, NULL::jsonb AS v, NULL::text AS "country", NULL::text AS grp WHERE false)`;
  const answered = checkAnswered ? `CASE a."itemCode" ${items.map((i) => `WHEN ${lit(i.code)} THEN ${answeredSql(i.type)}`).join(" ")} ELSE false END` : "true";
  return `(SELECT a."itemCode" AS item, a."value" AS v, r."country", r.grp
      FROM resp r JOIN "Answer" a ON a."responseId" = r."id"
     WHERE a."itemCode" IN (${codes.map(lit).join(", ")}) AND a."value" <> 'null'::jsonb
       AND ${answered}
       AND ${visibilitySql(scope, codes)})`;
}

/** `resp` and `ans` (the answers to `items`) for the one-item queries. */
function baseCtes(scope: TScope, filters: TFilters, items: ReadonlyArray<Pick<TItem, "code" | "type">>, values: unknown[]): string {
  return `${respCte(scope, filters, values)}, ans AS ${answersOf(scope, items)}`;
}


/**
 * The whole summary in one statement: one grouped pass per item type over the answers to its own
 * items (read through the item index). Per-item totals come from the same pass
 * (grouping sets, or the first element of an array answer). Rows by `q`:
 * - `resp`: n = respondents in scope;
 * - `n`: per item, n = respondents who answered (x = "other" texts given, for choice items);
 * - `opt`: per choice / multi option, k = option code, n = respondents choosing it;
 * - `num`: per scale / number item, n = numbers, mean, sd, x = "cannot assess"; med = median (number items);
 * - `dist`: per scale item, k = value, n = respondents (the median of a scale comes from these);
 * - `row`: per matrix row, k = row code, n = ratings, mean, sd, x = "cannot assess";
 * - `rank`: per ranking option, k = option, n = respondents ranking it, mean = mean rank, x = first places;
 * - `bin`: per number item, k = bin (1–10 between the smallest and largest value), g = "lo|hi", n = values.
 */
export function summarySql(scope: TScope, filters: TFilters, items: ReadonlyArray<Pick<TItem, "code" | "type">>): TSql {
  const values: unknown[] = [];
  const ctes = respCte(scope, filters, values);
  const typed = (...types: TItemType[]) => items.filter((i) => types.includes(i.type));
  const from = (...types: TItemType[]) => `${answersOf(scope, typed(...types), false)} ans`;
  const x = `(v->>'value')::float8`;
  const other = `(btrim(coalesce(v->>'other', '')) <> '')::int`;
  const text = `
    WITH ${ctes}
    SELECT 'resp' AS q, NULL::text AS item, NULL::text AS k, NULL::text AS g, (SELECT count(*) FROM resp) AS n,
           NULL::float8 AS mean, NULL::float8 AS sd, NULL::float8 AS med, 0::bigint AS x
    UNION ALL
    SELECT CASE WHEN GROUPING(v->>'choice') = 1 THEN 'n' ELSE 'opt' END, item, v->>'choice', NULL, count(*), NULL, NULL, NULL, sum(${other})
      FROM ${from("single")} WHERE v ? 'choice' GROUP BY GROUPING SETS ((item), (item, v->>'choice'))
    UNION ALL
    SELECT CASE WHEN GROUPING(c.code) = 1 THEN 'n' ELSE 'opt' END, item, c.code, NULL,
           CASE WHEN GROUPING(c.code) = 1 THEN count(*) FILTER (WHERE c.ord = 1) ELSE count(*) END, NULL, NULL, NULL,
           sum(${other}) FILTER (WHERE c.ord = 1)
      FROM ${from("multi")} CROSS JOIN LATERAL jsonb_array_elements_text(v->'choices') WITH ORDINALITY c(code, ord)
     GROUP BY GROUPING SETS ((item), (item, c.code))
    UNION ALL
    SELECT CASE WHEN GROUPING(v->>'value') = 1 THEN 'n' ELSE 'dist' END, item, v->>'value', NULL,
           CASE WHEN GROUPING(v->>'value') = 1 THEN count(*) ELSE count(${x}) END, NULL, NULL, NULL, count(*) FILTER (WHERE v ? 'cannotAssess')
      FROM ${from("scale")} WHERE (v ? 'value' OR v ? 'cannotAssess') GROUP BY GROUPING SETS ((item), (item, v->>'value'))
    UNION ALL
    SELECT 'num', item, NULL, NULL, count(${x}), avg(${x}), stddev_samp(${x}), NULL, 0 FROM ${from("scale")} WHERE v ? 'value' GROUP BY item
    UNION ALL
    SELECT 'num', item, NULL, NULL, count(*), avg(${x}), stddev_samp(${x}), percentile_cont(0.5) WITHIN GROUP (ORDER BY ${x}), 0
      FROM ${from("number")} WHERE v ? 'value' GROUP BY item
    UNION ALL
    SELECT 'bin', item, bin::text, lo || '|' || hi, count(*), NULL, NULL, NULL, 0 FROM (
      SELECT item, lo, hi, CASE WHEN hi = lo THEN 1 ELSE least(10, 1 + floor(10 * (x - lo) / (hi - lo)))::int END AS bin FROM (
        SELECT item, ${x} AS x, min(${x}) OVER w AS lo, max(${x}) OVER w AS hi FROM ${from("number")} WHERE v ? 'value' WINDOW w AS (PARTITION BY item)
      ) s
    ) b GROUP BY item, bin, lo, hi
    UNION ALL
    SELECT CASE WHEN GROUPING(m.key) = 1 THEN 'n' ELSE 'row' END, item, m.key, NULL,
           CASE WHEN GROUPING(m.key) = 1 THEN count(*) FILTER (WHERE m.ord = 1) ELSE count(*) FILTER (WHERE jsonb_typeof(m.value) = 'number') END,
           avg(m.value::text::float8) FILTER (WHERE jsonb_typeof(m.value) = 'number'),
           stddev_samp(m.value::text::float8) FILTER (WHERE jsonb_typeof(m.value) = 'number'), NULL,
           count(*) FILTER (WHERE m.value = '"NA"'::jsonb)
      FROM ${from("matrix")} CROSS JOIN LATERAL jsonb_each(v->'rows') WITH ORDINALITY m(key, value, ord)
     GROUP BY GROUPING SETS ((item), (item, m.key))
    UNION ALL
    SELECT CASE WHEN GROUPING(o.code) = 1 THEN 'n' ELSE 'rank' END, item, o.code, NULL,
           CASE WHEN GROUPING(o.code) = 1 THEN count(*) FILTER (WHERE o.pos = 1) ELSE count(*) END, avg(o.pos), NULL, NULL, count(*) FILTER (WHERE o.pos = 1)
      FROM ${from("ranking")} CROSS JOIN LATERAL jsonb_array_elements_text(v->'order') WITH ORDINALITY o(code, pos)
     GROUP BY GROUPING SETS ((item), (item, o.code))
    UNION ALL
    SELECT 'n', item, NULL, NULL, count(*), NULL, NULL, NULL, 0 FROM ${from("text")} WHERE btrim(v->>'text') <> '' GROUP BY item`;
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
