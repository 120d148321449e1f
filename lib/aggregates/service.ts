import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { assertRole } from "@/lib/auth/roles";
import { coordinatedBy } from "@/lib/study/access";
import type { TActor } from "@/lib/auth/sessions";
import { badRequest, notFound } from "@/lib/errors";
import type { TItem } from "@/lib/instrument/definition";
import type { TLang } from "@/lib/i18n/text";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { chosenWave, studyQuestionnaires, type TStudyWave } from "@/lib/study/study-waves";
import { applyAggregateSettings, cubeSql, dataStampOf, execute, queryRows, tallyStateDefinition, textsSql, withCube, type TAggRow, type TCrossBy, type TScope, type TSql } from "@/lib/aggregates/query";
import { tallyAddSql, tallyDefinition, tallyLockSql, tallyRemoveSql, tallyResetSql, tallySummarySql, tallyZeroSql, TALLY_BATCH } from "@/lib/aggregates/tally";
import { combineVersions, shapeCrossTab, shapeHeatmap, shapeSummary, type TCombinedItem } from "@/lib/aggregates/shape";
import { suppressHeatmap, suppressSummary, suppressTable } from "@/lib/aggregates/suppress";
import { boxKey, figureKey, pairSide, type TBox } from "@/lib/aggregates/figures";
import { crossTabRows, cubeFigure, heatmapRows, hiddenOf, protect, readCube, type TCube, type TProtection } from "@/lib/aggregates/protect";
import { ZPercentDecimals, type TCell, type TFilters, type THeatmap, type TPercentDecimals, type TSummary, type TTable } from "@/lib/aggregates/types";
import { assertId, parseInput } from "@/lib/http/input";

/**
 * Aggregates of a study's questionnaire answers for coordinators: counted in PostgreSQL (query.ts),
 * shaped into tables (shape.ts) and suppressed (suppress.ts) before anything leaves this module.
 */

/**
 * `all`: every published version, whatever the filters narrow `scope` to (the tallies count them
 * all); `allItems`: their items combined, which the protection (protect.ts) covers in every view.
 */
type TContext = { studyId: string; k: number; decimals: number; scope: TScope; items: TCombinedItem[]; all: TScope; allItems: TItem[]; waves: TStudyWave[] };

/**
 * The study's questionnaire, the wave shown (the filter's, or the latest: lib/study/study-waves.ts)
 * and the published versions in scope (newest first), combined by item code.
 */
async function context(actor: TActor, studyId: string, filters: Pick<TFilters, "versionId" | "wave">): Promise<TContext> {
  assertRole(actor, "COORDINATOR");
  const scope = coordinatedBy(actor);
  const [study, questionnaires] = await Promise.all([
    db().study.findFirst({ where: { id: studyId, ...scope }, select: { suppressionK: true, percentDecimals: true } }),
    studyQuestionnaires(db(), studyId, scope),
  ]);
  if (!study || !questionnaires) throw notFound("The study");
  const instrument = questionnaires[0];
  const wave = instrument ? chosenWave(instrument, filters.wave) : null;
  const rows = instrument
    ? await db().instrumentVersion.findMany({ where: { instrumentId: instrument.id, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, content: true } })
    : [];
  const published = rows.map((v) => ({ id: v.id, q: publishedQuestionnaire(v.id, v.content) }));
  let versions = published;
  if (filters.versionId) {
    versions = versions.filter((v) => v.id === filters.versionId);
    if (versions.length === 0) throw badRequest("This version is not a published version of the study's questionnaire.");
  }
  const instrumentId = instrument?.id ?? "00000000-0000-0000-0000-000000000000";
  const waveNumber = wave?.number ?? 1;
  return {
    studyId,
    k: study.suppressionK,
    decimals: study.percentDecimals,
    scope: { instrumentId, versions, wave: waveNumber },
    items: combineVersions(versions),
    all: { instrumentId, versions: published, wave: waveNumber },
    allItems: combineVersions(published).map((c) => c.item),
    waves: instrument?.waves ?? [],
  };
}

/**
 * What the aggregates depend on, read cheaply: the responses of the questionnaire (every autosave,
 * submission and reopening moves a response's updatedAt forward, so the sum grows) and the panel
 * (country, group). Equal stamps, equal results.
 */
async function dataStamp(ctx: TContext): Promise<string> {
  return dataStampOf(db(), ctx.scope.instrumentId, ctx.studyId);
}

/** One statement with the aggregate settings (query.ts), in a transaction of its own. */
async function query<R>(sql: TSql): Promise<R[]> {
  // The transaction's own limit is above the statement timeout, which stays the one that applies.
  return db().$transaction(
    async (tx) => {
      await applyAggregateSettings(tx);
      return queryRows<R>(tx, sql);
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
        const exec = (statement: TSql) => execute(tx, statement);
        const count = async (statement: TSql) => (await queryRows<{ n: number }>(tx, statement))[0]?.n ?? 0;
        await exec(tallyLockSql(scope.instrumentId));
        await applyAggregateSettings(tx);
        let removed = 0;
        if ((await tallyStateDefinition(tx, scope.instrumentId)) !== definition) for (const statement of tallyResetSql(scope)) await exec(statement);
        else if ((removed = await count(tallyRemoveSql(scope, items))) > 0) await exec(tallyZeroSql(scope.instrumentId));
        const added = await count(tallyAddSql(scope, items));
        if (removed === TALLY_BATCH || added === TALLY_BATCH) return null;
        return queryRows<TAggRow>(tx, sql);
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
export async function resultsMeta(actor: TActor, studyId: string, lang: TLang, wave?: number) {
  const ctx = await context(actor, studyId, { wave });
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
    /** The questionnaire's opened waves and the one shown (the wave filter's default: the latest). */
    waves: ctx.waves.filter((w) => w.status !== "PLANNED").map((w) => ({ number: w.number, kind: w.kind, status: w.status })),
    wave: ctx.scope.wave,
    decimals: ctx.decimals,
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

/** The box of a view: its filters (a version filter only where there is more than one version). */
function boxOf(ctx: TContext, filters: TFilters): TBox {
  return { country: filters.country, group: filters.group, version: ctx.all.versions.length > 1 ? filters.versionId : undefined, submittedOnly: !filters.includeInProgress };
}

/**
 * The protection of a cube, kept per cube content, items and k (the same always give the same, so
 * the summary under any filter, the cross-tabs and the heatmap of one state of the data share one).
 */
const protections = new Map<string, { cube: TCube; protection: TProtection }>();
const byRows = new WeakMap<readonly TAggRow[], string>();

function protectionOf(ctx: TContext, rows: readonly TAggRow[]): { cube: TCube; protection: TProtection } {
  let key = byRows.get(rows);
  if (key === undefined) {
    // The cube's content whatever the order of its rows: a sum of per-row hashes (and their count).
    let sum1 = 0;
    let sum2 = 0;
    let count = 0;
    for (const r of rows) {
      if (!r.q.startsWith("c:")) continue;
      const [h1, h2] = hash53(`${r.q}|${r.item}|${r.k}|${r.g}|${r.n}|${r.mean}|${r.x}`);
      sum1 = (sum1 + h1) % 2 ** 52;
      sum2 = (sum2 + h2) % 2 ** 52;
      count++;
    }
    key = createHash("sha256").update(JSON.stringify([sum1, sum2, count, ctx.allItems, [...conditionalItems(ctx)]])).digest("base64");
    byRows.set(rows, key);
  }
  const full = `${key}:${ctx.k}`;
  let entry = protections.get(full);
  if (entry) {
    protections.delete(full);
  } else {
    const cube = readCube(rows);
    entry = { cube, protection: protect(ctx.allItems, cube, ctx.k, conditionalItems(ctx)) };
  }
  protections.set(full, entry);
  while (protections.size > 16) protections.delete(protections.keys().next().value!);
  return entry;
}

/** Two 53-bit hashes of a string (cyrb53 with two seeds): cheap, for summing over many rows. */
function hash53(text: string): [number, number] {
  const one = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  return [one(1), one(2)];
}

/** Items that a condition (their own, or their section's) shows to some respondents only, in any version. */
function conditionalItems(ctx: TContext): Set<string> {
  const out = new Set<string>();
  for (const v of ctx.all.versions) for (const s of v.q.sections) for (const i of s.items) if (s.showIf?.length || i.showIf?.length) out.add(i.code);
  return out;
}

/** The cube on its own (cross-tabs, the heatmap, the texts): the running totals synced, read in the same statement. */
async function cubeOf(ctx: TContext): Promise<{ cube: TCube; protection: TProtection }> {
  if (ctx.all.versions.length === 0) return protectionOf(ctx, EMPTY_ROWS);
  const values: unknown[] = [];
  const sql = { text: cubeSql(ctx.all, ctx.allItems, values), values };
  return protectionOf(ctx, await run(ctx, sql, () => fromTallies(ctx.all, sql)));
}
const EMPTY_ROWS: TAggRow[] = [];

export type TSummaryResult = TSummary<TCell>;

export async function getSummary(actor: TActor, studyId: string, filters: TFilters, lang: TLang): Promise<TSummaryResult> {
  const ctx = await context(actor, studyId, filters);
  // The view's figures and the cube they are protected by, in one statement.
  const sql = withCube(tallySummarySql(ctx.scope, filters, ctx.items.map((c) => c.item)), ctx.all, ctx.allItems);
  const rows = ctx.scope.versions.length ? await run(ctx, sql, () => fromTallies(ctx.all, sql)) : EMPTY_ROWS;
  const { protection } = protectionOf(ctx, rows);
  const own = rows.filter((r) => !r.q.startsWith("c:"));
  return suppressSummary(shapeSummary(ctx.items, own, lang, ctx.k, boxKey(boxOf(ctx, filters)), protection.ranges), ctx.k, protection);
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
  const { cube, protection } = await cubeOf(ctx);
  const box = boxOf(ctx, filters);
  const rows = crossTabRows(item, input.by, cube, box, protection.ranges);
  const column = (c: string) => boxKey(input.by === "country" ? { ...box, country: c } : { ...box, group: c });
  const table = suppressTable(shapeCrossTab(item, input.by, rows, lang, input.groupLabel, column), ctx.k, protection, item.code);
  return { k: ctx.k, item: item.code, title: item.text[lang] || item.text[item.text.source], table };
}

function pairHeatmap(ctx: TContext, cube: TCube, protection: TProtection, filters: TFilters, item: Extract<TItem, { type: "matrix" }>, lang: TLang): THeatmap<TCell> {
  const box = boxOf(ctx, filters);
  const sideBox = (who: "all" | "own" | "other", a: string, b: string) => {
    if (who === "all") return boxKey(box);
    // With a country filter one side is the filter's box, the other is empty (0, no figure of its own).
    if (box.country) return (who === "own") === (box.country === a || box.country === b) ? boxKey(box) : undefined;
    return boxKey({ ...box, country: pairSide(who, a, b) });
  };
  return suppressHeatmap(shapeHeatmap(item, heatmapRows(item, cube, box), lang, sideBox), ctx.k, protection);
}

/** The pair heatmap of `itemCode`, or of the first country-pair matrix; null when there is none. */
export async function getPairHeatmap(actor: TActor, studyId: string, filters: TFilters, itemCode: string | undefined, lang: TLang): Promise<{ k: number; heatmap: THeatmap<TCell> }> {
  const ctx = await context(actor, studyId, filters);
  const item = (itemCode ? itemOf(ctx, itemCode) : ctx.items.find((c) => c.item.type === "matrix" && c.item.pairsOf?.length)?.item) ?? null;
  if (!item) return { k: ctx.k, heatmap: null };
  if (item.type !== "matrix" || !item.pairsOf?.length) throw badRequest(`${item.code} is not a country-pair matrix.`);
  const { cube, protection } = await cubeOf(ctx);
  return { k: ctx.k, heatmap: pairHeatmap(ctx, cube, protection, filters, item, lang) };
}

/** Every pair heatmap (for the export). */
export async function getPairHeatmaps(actor: TActor, studyId: string, filters: TFilters, lang: TLang): Promise<Array<NonNullable<THeatmap<TCell>>>> {
  const ctx = await context(actor, studyId, filters);
  const out: Array<NonNullable<THeatmap<TCell>>> = [];
  const pairItems = ctx.items.flatMap((c) => (c.item.type === "matrix" && c.item.pairsOf?.length ? [c.item] : []));
  if (pairItems.length === 0) return out;
  const { cube, protection } = await cubeOf(ctx);
  for (const item of pairItems) {
    const heatmap = pairHeatmap(ctx, cube, protection, filters, item, lang);
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
  // The list's length is the count of texts: listed only where that count is shown (not "< k", not
  // hidden by the protection), and only while it is the count the protection was made for.
  const { cube, protection } = await cubeOf(ctx);
  const box = boxOf(ctx, filters);
  const feature = item.type === "text" ? "n" : "t";
  const shown = rows.length >= ctx.k && !protection.withheld.has(item.code) && !hiddenOf(protection, item.code).has(figureKey(boxKey(box), feature));
  const same = cubeFigure(item, cube, box, feature, protection.ranges) === rows.length;
  return { k: ctx.k, texts: shown && same ? rows.map((r) => r.text) : null };
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

/** Coordinators set how many decimals the study's percentages show (report, charts, CSV); recorded in the audit log. */
export async function setPercentDecimals(actor: TActor, studyId: string, raw: TPercentDecimals): Promise<{ decimals: number }> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const { decimals } = parseInput(ZPercentDecimals, raw);
  return db().$transaction(async (tx) => {
    const study = await tx.study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { percentDecimals: true } });
    if (!study) throw notFound("The study");
    await tx.study.update({ where: { id: studyId }, data: { percentDecimals: decimals } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "study.decimals",
      entity: "Study",
      entityId: studyId,
      before: { percentDecimals: study.percentDecimals },
      after: { percentDecimals: decimals },
    });
    return { decimals };
  });
}

/** The study's decimals of percentages, for an export written outside the report. */
export async function getPercentDecimals(actor: TActor, studyId: string): Promise<number> {
  assertRole(actor, "COORDINATOR");
  assertId(studyId, "The study");
  const study = await db().study.findFirst({ where: { id: studyId, ...coordinatedBy(actor) }, select: { percentDecimals: true } });
  if (!study) throw notFound("The study");
  return study.percentDecimals;
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
