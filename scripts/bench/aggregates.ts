import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { createPrismaClient } from "@/lib/db/client";
import { AGGREGATE_SETTINGS, cubeSql, summarySql, withCube, type TScope, type TSql } from "@/lib/aggregates/query";
import { tallyAddSql, tallyLockSql, tallyRemoveSql, tallySummarySql } from "@/lib/aggregates/tally";
import { combineVersions } from "@/lib/aggregates/shape";
import type { TFilters } from "@/lib/aggregates/types";
import { ZQuestionnaire, type TQuestionnaire } from "@/lib/instrument/definition";
import { allItems, isAnswerable } from "@/lib/instrument/items";
import { createStaffAccount } from "@/lib/users/accounts";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { seedBulkResponses } from "./bulk-seed";
import { benchQuestionnaire, createBenchStudy, SESSION_COOKIE } from "./fixtures";
import { HttpClient } from "./http";
import { int, markdownTable, ms, summarize, type TSummary } from "./stats";
import type { TBenchContext, TBenchmark, TCheck, TReport } from "./types";

/**
 * Benchmark 2 of issue 8, "Aggregates": N completed responses to a 60-item questionnaire (the EAEU
 * questionnaire, with its conditions and the country-pair matrix, topped up with single, scale,
 * number and text items) seeded in SQL (bulk-seed.ts); then every dashboard aggregate endpoint
 * timed over HTTP against the production build, as a coordinator: the full summary, a cross-tab and
 * the pair heatmap. Each is timed twice: "changed" (a response is touched before every request, as
 * an autosave would, so the app's result cache cannot answer) and "unchanged" (the dashboard
 * refetching while nothing changed). Baseline: the very same SQL statements run directly with pg on
 * the same database, in the same run. EXPLAIN plans are printed and a sequential scan of "Answer"
 * is flagged.
 */

const ITEMS = 60;
const REQUESTS = 20;
const WARMUP = 3;
const TARGETS = { summaryP95Ms: 500, overDirect: 1.5 };

/** The EAEU questionnaire with items of the load-test questionnaire added until it has `count` answerable items. */
export function aggregatesQuestionnaire(count = ITEMS): TQuestionnaire {
  const eaeu = ZQuestionnaire.parse(eaeuQuestionnaire);
  const have = allItems(eaeu).filter(isAnswerable).length;
  if (have >= count) return eaeu;
  const extra = allItems(benchQuestionnaire(count - have)).map((item) => {
    const code = `X${item.code}`;
    return "options" in item ? { ...item, code, options: item.options.map((o) => ({ ...o, code: `X${o.code}` })) } : { ...item, code };
  });
  return ZQuestionnaire.parse({ ...eaeu, sections: [...eaeu.sections, { code: "SX", title: eaeu.sections[0]!.title, items: extra }] });
}

/** `before`: statements the app runs first, in a transaction of their own (the tally sync), also run by the baseline. */
type TEndpoint = { label: string; path: string; sql: TSql; before?: TSql[] };
type TTiming = { changed: TSummary; unchanged: TSummary; direct: TSummary; errors: number };

async function coordinatorCookie(databaseUrl: string, secret: string, studyId: string): Promise<string> {
  const prisma = createPrismaClient({ url: databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  try {
    const { id } = await createStaffAccount(prisma, {
      email: `bench-coordinator-${randomBytes(4).toString("hex")}@bench.test`,
      password: randomBytes(16).toString("base64url"),
      name: "Bench coordinator",
      role: "COORDINATOR",
      language: "en",
    });
    await prisma.studyMember.create({ data: { studyId, userId: id, role: "COORDINATOR" } });
    const sid = await createSession(prisma, { id, role: "COORDINATOR" });
    return `${SESSION_COOKIE}=${await encode({ token: { sub: id, sid }, secret, maxAge: SESSION_COOKIE_MAX_AGE_SECONDS })}`;
  } finally {
    await prisma.$disconnect();
  }
}

/** The statement as the app runs it: in a transaction with the aggregate settings. */
async function direct<R extends pg.QueryResultRow>(pool: pg.Pool, sql: TSql, prefix = ""): Promise<R[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const s of AGGREGATE_SETTINGS) await client.query(s);
    const { rows } = await client.query<R>(prefix + sql.text, sql.values);
    await client.query("COMMIT");
    return rows;
  } finally {
    client.release();
  }
}

/** Statements in one transaction with the aggregate settings (the app's tally sync). */
async function directAll(pool: pg.Pool, statements: readonly TSql[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const s of AGGREGATE_SETTINGS) await client.query(s);
    for (const s of statements) await client.query(s.text, s.values);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

async function timeDirect(pool: pg.Pool, e: Pick<TEndpoint, "sql" | "before">, n: number): Promise<TSummary> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + n; i++) {
    const t = performance.now();
    if (e.before) await directAll(pool, e.before);
    await direct(pool, e.sql);
    if (i >= WARMUP) times.push(performance.now() - t);
  }
  return summarize(times);
}

async function run(ctx: TBenchContext): Promise<TReport> {
  const { harness, flags, log } = ctx;
  const responses = flags.responses;
  const prisma = createPrismaClient({ url: harness.databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 600_000 });
  const pool = new pg.Pool({ connectionString: harness.databaseUrl, max: 2, application_name: "expert-panel-bench" });
  const http = new HttpClient(harness.baseUrl, { maxSockets: 4, timeoutMs: 120_000 });
  try {
    // 1. Data: a study with the 60-item questionnaire and N completed responses, seeded in SQL.
    const questionnaire = aggregatesQuestionnaire();
    const study = await createBenchStudy(prisma, "aggregates", questionnaire);
    log(`Seeding ${int(responses)} completed responses × ${ITEMS} items...`);
    const seeded = await seedBulkResponses(pool, { studyId: study.studyId, count: responses });
    log(`Seeded ${int(seeded.responses)} responses, ${int(seeded.answers)} answers in ${seeded.seconds.toFixed(1)} s (${int(Math.round(seeded.answers / seeded.seconds))} answers/s).`);
    const [{ total } = { total: 0 }] = (await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM "Answer"`)).rows;

    // 2. The statements the app runs for each endpoint (the same builders), for the baseline and EXPLAIN.
    const scope: TScope = { instrumentId: study.instrumentId, versions: [{ id: study.versionId, q: questionnaire }], wave: 1 };
    const filters: TFilters = { includeInProgress: false };
    const items = combineVersions(scope.versions).map((c) => c.item);
    const pairs = items.find((i) => i.type === "matrix" && i.pairsOf?.length);
    const single = items.find((i) => i.type === "single")!;
    if (!pairs || pairs.type !== "matrix") throw new Error("The aggregates questionnaire has no country-pair matrix.");
    const base = `/api/coordinator/studies/${study.studyId}/aggregates`;
    const sync = [tallyLockSql(scope.instrumentId), tallyRemoveSql(scope, items), tallyAddSql(scope, items)];
    // The summary reads the protection cube in the same statement (withCube); cross-tabs and the
    // heatmap are computed from the cube alone (lib/aggregates/protect.ts).
    const cubeValues: unknown[] = [];
    const cube: TSql = { text: cubeSql(scope, items, cubeValues), values: cubeValues };
    const endpoints: TEndpoint[] = [
      { label: "full summary", path: base, sql: withCube(tallySummarySql(scope, filters, items), scope, items), before: sync },
      { label: `cross-tab ${single.code} × country`, path: `${base}/crosstab?item=${single.code}&by=country`, sql: cube, before: sync },
      { label: `pair heatmap ${pairs.code}`, path: `${base}/heatmap?item=${pairs.code}`, sql: cube, before: sync },
    ];

    const cookie = await coordinatorCookie(harness.databaseUrl, harness.secret, study.studyId);
    // The first summary counts every response into the running totals (lib/aggregates/tally.ts).
    const firstStarted = performance.now();
    const check = await http.request("GET", base, { cookie });
    const firstCount = performance.now() - firstStarted;
    if (check.status !== 200) throw new Error(`GET ${base} answered ${check.status}: ${check.body.slice(0, 300)}`);
    const respondents = (JSON.parse(check.body) as { respondents: { v: number } }).respondents.v;
    if (respondents !== responses) throw new Error(`The summary counts ${respondents} respondents, expected ${responses}.`);
    log(`The summary answers as a coordinator and counts ${int(respondents)} respondents; counting them into the totals took ${ms(firstCount)}.`);

    // 3. Timings: over HTTP with the data changed before each request, unchanged, and the same SQL directly.
    const { rows: touchRows } = await pool.query<{ id: string }>(`SELECT "id" FROM "Response" WHERE "instrumentId" = $1::uuid LIMIT 1`, [study.instrumentId]);
    const touch = () => pool.query(`UPDATE "Response" SET "updatedAt" = now() WHERE "id" = $1::uuid`, [touchRows[0]!.id]);
    const timings = new Map<string, TTiming>();
    for (const e of endpoints) {
      let errors = 0;
      const timeHttp = async (changeFirst: boolean) => {
        const times: number[] = [];
        for (let i = 0; i < WARMUP + REQUESTS; i++) {
          if (changeFirst) await touch();
          const t = performance.now();
          const res = await http.request("GET", e.path, { cookie });
          if (res.status !== 200) errors++;
          if (i >= WARMUP) times.push(performance.now() - t);
        }
        return summarize(times);
      };
      const changed = await timeHttp(true);
      const unchanged = await timeHttp(false);
      const direct = await timeDirect(pool, e, REQUESTS);
      timings.set(e.label, { changed, unchanged, direct, errors });
      log(`${e.label}: changed p50 ${ms(changed.p50)} p95 ${ms(changed.p95)}; unchanged p95 ${ms(unchanged.p95)}; direct SQL p95 ${ms(direct.p95)}.`);
    }

    // The summary as it was computed before the totals: from every answer, in one statement.
    const fromAnswers = summarySql(scope, filters, items);
    const recompute = await timeDirect(pool, { sql: fromAnswers }, 5);
    log(`full summary from the answers (no totals), direct SQL: p50 ${ms(recompute.p50)} p95 ${ms(recompute.p95)}.`);

    // 4. Plans (the sync's statements as they run when nothing is left to count).
    const explained: Array<{ label: string; sql: TSql }> = [
      ...endpoints.map((e) => ({ label: e.label, sql: e.sql })),
      { label: "full summary: sync, responses to take away", sql: sync[1]! },
      { label: "full summary: sync, responses to add", sql: sync[sync.length - 1]! },
    ];
    const plans: Array<{ label: string; plan: string; seqScan: boolean }> = [];
    for (const e of explained) {
      const rows = await direct<{ "QUERY PLAN": string }>(pool, e.sql, "EXPLAIN (ANALYZE, BUFFERS) ");
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      plans.push({ label: e.label, plan, seqScan: /Seq Scan on "Answer"/.test(plan) });
    }

    const summaryTiming = timings.get("full summary")!;
    const ratio = summaryTiming.changed.p95 / summaryTiming.direct.p95;
    const checks: TCheck[] = [
      { label: "Full summary p95, data changed before each request", target: `< ${TARGETS.summaryP95Ms} ms`, actual: ms(summaryTiming.changed.p95), pass: summaryTiming.changed.p95 < TARGETS.summaryP95Ms },
      { label: "Full summary p95, data unchanged (cached)", target: `< ${TARGETS.summaryP95Ms} ms`, actual: ms(summaryTiming.unchanged.p95), pass: summaryTiming.unchanged.p95 < TARGETS.summaryP95Ms },
      { label: "Full summary p95 (changed) / direct SQL p95", target: `≤ ${TARGETS.overDirect}×`, actual: `${ratio.toFixed(2)}×`, pass: ratio <= TARGETS.overDirect },
      { label: "HTTP errors", target: "0", actual: int([...timings.values()].reduce((n, t) => n + t.errors, 0)), pass: [...timings.values()].every((t) => t.errors === 0) },
    ];
    const rows = [["endpoint", "changed p50", "changed p95", "unchanged p50", "unchanged p95", "direct SQL p50", "direct SQL p95", "changed / direct (p95)"]];
    for (const [label, t] of timings) {
      rows.push([label, ms(t.changed.p50), ms(t.changed.p95), ms(t.unchanged.p50), ms(t.unchanged.p95), ms(t.direct.p50), ms(t.direct.p95), `${(t.changed.p95 / t.direct.p95).toFixed(2)}×`]);
    }
    return {
      name: "aggregates",
      title: "Aggregates over bulk data",
      parameters: [
        ["completed responses", int(responses)],
        ["questionnaire", `${ITEMS} items: the EAEU questionnaire (single, multi, scale, matrix incl. the 10-pair matrix, ranking, number, text; conditions) + load-test items`],
        ["requests per endpoint", `${REQUESTS} after ${WARMUP} warm-up, one at a time, per mode`],
        ["app", `production build (next start), ${harness.embedded ? "embedded PostgreSQL" : "PostgreSQL of DATABASE_URL"}`],
        ["baseline", "the same SQL statements (for the summary: the tally sync, then the read), with the same settings (no JIT, work_mem 64 MB), run directly with pg on the same database"],
      ],
      figures: [
        ["Seeded answers", `${int(seeded.answers)} (${int(total)} in the table)`],
        ["Seeding time / rate", `${seeded.seconds.toFixed(1)} s / ${int(Math.round(seeded.answers / seeded.seconds))} answers/s`],
        ["First summary (counts every response into the running totals)", ms(firstCount)],
        ["Full summary from the answers, without totals (direct SQL p50 / p95)", `${ms(recompute.p50)} / ${ms(recompute.p95)}`],
        ...[...timings].map(([label, t]) => [`${label} p50 / p95 (changed)`, `${ms(t.changed.p50)} / ${ms(t.changed.p95)}`] as [string, string]),
        ...plans.map((p) => [`Seq Scan on "Answer" (${p.label})`, p.seqScan ? "yes" : "no"] as [string, string]),
      ],
      checks,
      details: [
        { title: "Timings", text: markdownTable(rows) },
        {
          title: "Notes",
          text: [
            "- \"changed\": a response's updatedAt is moved before every request, as every autosave does, so the app recomputes; \"unchanged\": the app answers from its result cache, which is keyed by a stamp of the responses and the panel and so can never serve stale figures.",
            "- The full summary reads running totals (lib/aggregates/tally.ts): before each read, a sync takes away responses no longer counted as they were (reopened, deleted, moved to another country or group) and adds submitted ones not yet counted; then a few thousand summed rows are read. \"Full summary from the answers\" is the same figures computed from every answer in one statement, as the app did before the totals.",
            "- Every statement reads \"Answer\" through the (\"itemCode\", \"responseId\") index (migration answer_item_index): each part of the summary reads only its own items' answers, a cross-tab or heatmap one item's. Without it the cross-tab and heatmap scanned the whole table, and the summary materialized every answer once and rescanned it per item type (12 s at 2,000 responses with JIT on, 1.2 s without JIT, 0.4 s with the index at 3,000).",
          ].join("\n"),
        },
        ...plans.map((p) => ({ title: `EXPLAIN (ANALYZE, BUFFERS): ${p.label}${p.seqScan ? " — Seq Scan on \"Answer\"" : ""}`, text: "```\n" + p.plan + "\n```" })),
      ],
    };
  } finally {
    http.close();
    await pool.end();
    await prisma.$disconnect();
  }
}

export const aggregates: TBenchmark = { name: "aggregates", title: "Aggregates over bulk data", run };
