import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { badRequest, notFound } from "@/lib/errors";
import type { TItem } from "@/lib/instrument/definition";
import type { TLang } from "@/lib/instrument/text";
import { publishedQuestionnaire } from "@/lib/responses/definitions";
import { AGGREGATE_SETTINGS, crossTabSql, heatmapSql, textsSql, type TAggRow, type TCrossBy, type TScope, type TSql } from "@/lib/aggregates/query";
import { tallyAddSql, tallyDefinition, tallyLockSql, tallyRemoveSql, tallyResetSql, tallySummarySql, tallyZeroSql, TALLY_BATCH } from "@/lib/aggregates/tally";
import { combineVersions, shapeCrossTab, shapeHeatmap, shapeSummary, type TCombinedItem } from "@/lib/aggregates/shape";
import { suppressHeatmap, suppressSummary, suppressTable } from "@/lib/aggregates/suppress";
import type { TCell, TFilters, THeatmap, TSummary, TTable } from "@/lib/aggregates/types";

/**
 * Aggregates of a study's questionnaire answers for coordinators: counted in PostgreSQL (query.ts),
 * shaped into tables (shape.ts) and suppressed (suppress.ts) before anything leaves this module.
 */

/** `all`: every published version, whatever the filters narrow `scope` to (the tallies count them all). */
type TContext = { studyId: string; k: number; scope: TScope; items: TCombinedItem[]; all: TScope };

/** The study's questionnaire and the published versions in scope (newest first), combined by item code. */
async function context(actor: TActor, studyId: string, filters: Pick<TFilters, "versionId">): Promise<TContext> {
  assertRole(actor, "COORDINATOR");
  const study = await db().study.findFirst({
    where: { id: studyId, ...coordinatedBy(actor) },
    select: {
      suppressionK: true,
      instruments: {
        where: { kind: "QUESTIONNAIRE" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { id: true, versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, content: true } } },
      },
    },
  });
  if (!study) throw notFound("The study");
  const instrument = study.instruments[0];
  const published = (instrument?.versions ?? []).map((v) => ({ id: v.id, q: publishedQuestionnaire(v.id, v.content) }));
  let versions = published;
  if (filters.versionId) {
    versions = versions.filter((v) => v.id === filters.versionId);
    if (versions.length === 0) throw badRequest("This version is not a published version of the study's questionnaire.");
  }
  const instrumentId = instrument?.id ?? "00000000-0000-0000-0000-000000000000";
  return { studyId, k: study.suppressionK, scope: { instrumentId, versions }, items: combineVersions(versions), all: { instrumentId, versions: published } };
}

/**
 * What the aggregates depend on, read cheaply: the responses of the questionnaire (every autosave,
 * submission and reopening moves a response's updatedAt forward, so the sum grows) and the panel
 * (country, group). Equal stamps, equal results.
 */
async function dataStamp(ctx: TContext): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ stamp: string }>>`
    SELECT concat_ws('|',
      (SELECT concat_ws('/', count(*), sum(extract(epoch FROM "updatedAt")), count(*) FILTER (WHERE "status" = 'SUBMITTED')) FROM "Response" WHERE "instrumentId" = ${ctx.scope.instrumentId}::uuid),
      (SELECT concat_ws('/', count(*), sum(extract(epoch FROM "updatedAt"))) FROM "Expert" WHERE "studyId" = ${ctx.studyId}::uuid)) AS stamp`;
  return row?.stamp ?? "";
}

/** One statement with the aggregate settings (query.ts), in a transaction of its own. */
async function query<R>(sql: TSql): Promise<R[]> {
  // The transaction's own limit is above the statement timeout, which stays the one that applies.
  return db().$transaction(
    async (tx) => {
      for (const setting of AGGREGATE_SETTINGS) await tx.$executeRawUnsafe(setting);
      return tx.$queryRawUnsafe<R[]>(sql.text, ...sql.values);
    },
    { timeout: env().DB_STATEMENT_TIMEOUT_MS + 5_000 },
  );
}

/**
 * The summary from the questionnaire's running totals (tally.ts), brought up to date first:
 * responses no longer counted as they were are taken away, then submitted ones not yet counted are
 * added, TALLY_BATCH of each per transaction so that a first count of a large study is made in
 * bounded steps. Each step holds the instrument's advisory lock, so instances syncing at once take
 * turns; the read happens in the last step, under the lock, so it never sees totals that another
 * instance is recounting.
 */
async function fromTallies(scope: TScope, sql: TSql): Promise<TAggRow[]> {
  const items = combineVersions(scope.versions).map((c) => c.item);
  const definition = tallyDefinition(scope);
  for (;;) {
    const rows = await db().$transaction(
      async (tx) => {
        const exec = (statement: TSql) => tx.$executeRawUnsafe(statement.text, ...statement.values);
        const count = async (statement: TSql) => (await tx.$queryRawUnsafe<Array<{ n: number }>>(statement.text, ...statement.values))[0]?.n ?? 0;
        await exec(tallyLockSql(scope.instrumentId));
        for (const setting of AGGREGATE_SETTINGS) await tx.$executeRawUnsafe(setting);
        const [state] = await tx.$queryRaw<Array<{ definition: string }>>`SELECT "definition" FROM "TallyState" WHERE "instrumentId" = ${scope.instrumentId}::uuid`;
        let removed = 0;
        if (state?.definition !== definition) for (const statement of tallyResetSql(scope)) await exec(statement);
        else if ((removed = await count(tallyRemoveSql(scope, items))) > 0) await exec(tallyZeroSql(scope.instrumentId));
        const added = await count(tallyAddSql(scope, items));
        if (removed === TALLY_BATCH || added === TALLY_BATCH) return null;
        return tx.$queryRawUnsafe<TAggRow[]>(sql.text, ...sql.values);
      },
      { timeout: env().DB_STATEMENT_TIMEOUT_MS * 3 + 5_000 },
    );
    if (rows) return rows;
  }
}

/**
 * Grouped rows by statement, kept while the data stamp is unchanged: a dashboard that refetches
 * after every live event, or several coordinators looking at once, cost one run per change; runs of
 * the same statement at the same time share one (single flight). Results are stored before
 * suppression, which is applied on every read with the study's current k. `compute` runs the
 * statement (by default on its own, with the aggregate settings).
 */
const CACHE_SIZE = 64;
const cache = new Map<string, Promise<TAggRow[]>>();

async function run(ctx: TContext, sql: TSql, compute: () => Promise<TAggRow[]> = () => query<TAggRow>(sql)): Promise<TAggRow[]> {
  const key = `${await dataStamp(ctx)}\n${sql.text}\n${JSON.stringify(sql.values)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = compute();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return pending;
}

function itemOf(ctx: TContext, code: string): TItem {
  const item = ctx.items.find((c) => c.item.code === code)?.item;
  if (!item) throw notFound(`The item ${code}`);
  return item;
}

/** What the dashboard's filters and pickers offer. */
export async function resultsMeta(actor: TActor, studyId: string, lang: TLang) {
  const ctx = await context(actor, studyId, {});
  const versions = await db().instrumentVersion.findMany({
    where: { id: { in: ctx.scope.versions.map((v) => v.id) } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  const countries = await db().expert.findMany({ where: { studyId }, distinct: ["country"], select: { country: true }, orderBy: { country: "asc" } });
  // The report's contents: each item under the section the newest version that asks it puts it in.
  const sections: Array<{ code: string; title: string }> = [];
  const sectionOf = new Map<string, string>();
  for (const v of ctx.scope.versions) {
    for (const s of v.q.sections) {
      if (!sections.some((x) => x.code === s.code)) sections.push({ code: s.code, title: s.title[lang] || s.title[s.title.source] });
      for (const i of s.items) if (!sectionOf.has(i.code)) sectionOf.set(i.code, s.code);
    }
  }
  return {
    k: ctx.k,
    versions,
    countries: countries.map((c) => c.country),
    sections,
    items: ctx.items.map(({ item }) => ({
      code: item.code,
      type: item.type,
      title: item.text[lang] || item.text[item.text.source],
      section: sectionOf.get(item.code) ?? "",
      /** The bounds of a scale or matrix, which its charts' axes span. */
      scale: item.type === "scale" || item.type === "matrix" ? { min: item.min, max: item.max } : undefined,
      crossTab: item.type === "single" || item.type === "multi" || item.type === "scale",
      pairs: item.type === "matrix" && Boolean(item.pairsOf?.length),
    })),
  };
}

export type TSummaryResult = TSummary<TCell>;

export async function getSummary(actor: TActor, studyId: string, filters: TFilters, lang: TLang): Promise<TSummaryResult> {
  const ctx = await context(actor, studyId, filters);
  const sql = tallySummarySql(ctx.scope, filters, ctx.items.map((c) => c.item));
  const rows = ctx.scope.versions.length ? await run(ctx, sql, () => fromTallies(ctx.all, sql)) : [];
  return suppressSummary(shapeSummary(ctx.items, rows, lang, ctx.k), ctx.k);
}

export async function getCrossTab(
  actor: TActor,
  studyId: string,
  filters: TFilters,
  input: { item: string; by: TCrossBy; groupLabel: (g: string) => string },
  lang: TLang,
): Promise<{ k: number; item: string; title: string; table: TTable<TCell> }> {
  const ctx = await context(actor, studyId, filters);
  const item = itemOf(ctx, input.item);
  // Not number items: their distinct values would become row labels, shown even where counts are suppressed.
  if (!["single", "multi", "scale"].includes(item.type)) throw badRequest("Cross-tabs are made of choice and scale items.");
  const rows = await run(ctx, crossTabSql(ctx.scope, filters, item, input.by));
  return { k: ctx.k, item: item.code, title: item.text[lang] || item.text[item.text.source], table: suppressTable(shapeCrossTab(item, input.by, rows, lang, input.groupLabel), ctx.k) };
}

/** The pair heatmap of `itemCode`, or of the first country-pair matrix; null when there is none. */
export async function getPairHeatmap(actor: TActor, studyId: string, filters: TFilters, itemCode: string | undefined, lang: TLang): Promise<{ k: number; heatmap: THeatmap<TCell> }> {
  const ctx = await context(actor, studyId, filters);
  const item = (itemCode ? itemOf(ctx, itemCode) : ctx.items.find((c) => c.item.type === "matrix" && c.item.pairsOf?.length)?.item) ?? null;
  if (!item) return { k: ctx.k, heatmap: null };
  if (item.type !== "matrix" || !item.pairsOf?.length) throw badRequest(`${item.code} is not a country-pair matrix.`);
  const rows = await run(ctx, heatmapSql(ctx.scope, filters, item));
  return { k: ctx.k, heatmap: suppressHeatmap(shapeHeatmap(item, rows, lang), ctx.k) };
}

/** Every pair heatmap (for the export). */
export async function getPairHeatmaps(actor: TActor, studyId: string, filters: TFilters, lang: TLang): Promise<Array<NonNullable<THeatmap<TCell>>>> {
  const ctx = await context(actor, studyId, filters);
  const out: Array<NonNullable<THeatmap<TCell>>> = [];
  for (const { item } of ctx.items) {
    if (item.type !== "matrix" || !item.pairsOf?.length) continue;
    const heatmap = suppressHeatmap(shapeHeatmap(item, await run(ctx, heatmapSql(ctx.scope, filters, item)), lang), ctx.k);
    if (heatmap) out.push(heatmap);
  }
  return out;
}

/**
 * The texts of a text item or the "other" texts of a choice item, sorted (not in response order).
 * Fewer than k respondents: nothing is listed.
 */
export async function listTexts(actor: TActor, studyId: string, filters: TFilters, itemCode: string): Promise<{ k: number; texts: string[] | null }> {
  const ctx = await context(actor, studyId, filters);
  const item = itemOf(ctx, itemCode);
  if (item.type !== "text" && !("options" in item && item.options.some((o) => o.other))) throw badRequest(`${item.code} has no texts.`);
  const sql = textsSql(ctx.scope, filters, item);
  const rows = await query<{ text: string }>(sql);
  return { k: ctx.k, texts: rows.length < ctx.k ? null : rows.map((r) => r.text) };
}

/** Coordinators set the study's suppression threshold k; recorded in the audit log. */
export async function setSuppressionK(actor: TActor, studyId: string, k: number): Promise<{ k: number }> {
  assertRole(actor, "COORDINATOR");
  return db().$transaction(async (tx) => {
    const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { suppressionK: true } });
    if (!study) throw notFound("The study");
    await tx.study.update({ where: { id: studyId }, data: { suppressionK: k } });
    await recordAudit(tx, { actorId: actor.userId, action: "study.suppression", entity: "Study", entityId: studyId, before: { suppressionK: study.suppressionK }, after: { suppressionK: k } });
    return { k };
  });
}

/** Records an aggregate export in the audit log (what was exported, with which filters). */
export async function auditAggregateExport(actor: TActor, studyId: string, filters: TFilters, extra: Record<string, string>): Promise<void> {
  assertRole(actor, "COORDINATOR");
  if (!(await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { id: true } }))) throw notFound("The study");
  await recordAudit(db(), {
    actorId: actor.userId,
    action: "export.aggregates",
    entity: "Study",
    entityId: studyId,
    after: { ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), ...extra },
  });
}
