import pg from "pg";
import { validateSession } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/client";
import { acceptConsent, addBenchExperts, createBenchStudy, delphiQuestionnaire, openDelphiRoundTwo, signInExperts } from "./fixtures";
import { int, markdownTable, ms, summarize } from "./stats";
import type { TBenchContext, TBenchmark, TReport } from "./types";

/**
 * Issue 15, "Speed": the group feedback for one item served to an expert in p95 < 50 ms with 1,000
 * experts in the round. A Delphi round 2 of one 1–10 scale, asked of the 1,000 experts who submitted
 * round 1; experts with their own sessions ask GET /api/expert/delphi?item=D1 one after another
 * (the session check, the expert's assignment, their own previous answer and the item's previous
 * answers, counted by PostgreSQL and kept a few seconds per instance, summarised and suppressed).
 * Baseline in the same run: the group counts' statement (round 1's values of the item, counted)
 * run directly with pg, uncached; beside it the route's own database work run bare (the session
 * check and lib/delphi/sql.ts's one feedback statement), which tells HTTP/Next.js time apart.
 */

const EXPERTS = Number(process.env.BENCH_DELPHI_EXPERTS ?? 1_000);
const REQUESTS = 400;
const CALLERS = 50;
const TARGET_P95_MS = 50;
const AT_ONCE = 10;

const BASELINE_SQL = `SELECT a."itemCode", a."value", count(*)::int AS "n"
    FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id"
   WHERE r."instrumentId" = $1::uuid AND r."wave" = 1 AND a."itemCode" = ANY($2::text[]) AND a."value" <> 'null'::jsonb AND r."status" = 'SUBMITTED'
   GROUP BY a."itemCode", a."value"`;

export const delphi: TBenchmark = {
  name: "delphi",
  title: "Delphi group feedback, 1,000 experts in the round",
  async run({ harness, log }: TBenchContext): Promise<TReport> {
    const prisma = createPrismaClient({ url: harness.databaseUrl, max: 3, connectionTimeoutMs: 10_000, statementTimeoutMs: 120_000 });
    const pool = new pg.Pool({ connectionString: harness.databaseUrl, max: 1, application_name: "expert-panel-bench" });
    try {
      const study = await createBenchStudy(prisma, "delphi", delphiQuestionnaire);
      log(`Adding ${int(EXPERTS)} experts who submitted round 1…`);
      const experts = await addBenchExperts(prisma, study, EXPERTS, "delphi");
      await acceptConsent(prisma, study, experts);
      await openDelphiRoundTwo(prisma, study, experts, "D1", () => 1 + Math.floor(Math.random() * 10), false);
      await pool.query("ANALYZE");
      const cookies = await signInExperts(prisma, experts.slice(0, CALLERS), harness.secret);
      const url = `${harness.baseUrl}/api/expert/delphi?item=D1`;
      const first = await fetch(url, { headers: { cookie: cookies[0]! } });
      const body = (await first.json()) as { feedback?: { items?: { D1?: { group?: { rows?: Array<{ stats?: { n?: number } }> } } } } };
      const n = body.feedback?.items?.D1?.group?.rows?.[0]?.stats?.n ?? 0;
      if (first.status !== 200 || n !== EXPERTS) throw new Error(`The feedback route answered ${first.status} with n = ${n}, not ${EXPERTS}.`);
      for (let i = 0; i < 20; i++) await fetch(url, { headers: { cookie: cookies[i % CALLERS]! } }).then((r) => r.arrayBuffer());

      const timed = async (i: number, into: number[]) => {
        const started = performance.now();
        const res = await fetch(url, { headers: { cookie: cookies[i % CALLERS]! } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`The feedback route answered ${res.status}.`);
        into.push(performance.now() - started);
      };
      const app: number[] = [];
      for (let i = 0; i < REQUESTS; i++) await timed(i, app);
      // The same requests with AT_ONCE experts asking at the same time (a busy round, or a loaded machine).
      const busy: number[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: AT_ONCE }, async () => {
        while (next < REQUESTS) await timed(next++, busy);
      }));
      const bare: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        await pool.query(BASELINE_SQL, [study.instrumentId, ["D1"]]);
        bare.push(performance.now() - started);
      }
      // The route's own work in the database, bare: the session check and the one feedback statement
      // (lib/delphi/sql.ts), with round 1's counts and the version held as the route holds them.
      const users = experts.slice(0, CALLERS).map((e) => e.userId);
      const sessions = (await pool.query<{ id: string }>(`SELECT DISTINCT ON ("userId") "id" FROM "AuthSession" WHERE "userId" = ANY($1::uuid[])`, [users])).rows.map((r) => r.id);
      // lib/delphi/sql.ts reads the app's environment when loaded (lib/db): give it this run's.
      process.env.DATABASE_URL = harness.databaseUrl;
      process.env.NEXTAUTH_SECRET = harness.secret;
      const { feedbackRow } = await import("@/lib/delphi/sql");
      const route: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        await validateSession(pool, sessions[i % sessions.length]!);
        await feedbackRow(users[i % CALLERS]!, [study.versionId], [`${study.instrumentId}|1`], "D1", pool);
        route.push(performance.now() - started);
      }
      const a = summarize(app);
      const b = summarize(bare);
      const r = summarize(route);
      const c = summarize(busy);
      log(`Feedback over HTTP: p50 ${ms(a.p50)}, p95 ${ms(a.p95)}; bare statement: p50 ${ms(b.p50)}, p95 ${ms(b.p95)}; the route's statements: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}.`);
      return {
        name: "delphi",
        title: "Delphi group feedback, 1,000 experts in the round",
        parameters: [
          ["experts in the round", int(EXPERTS)],
          ["requests", `${int(REQUESTS)} one at a time, then ${int(REQUESTS)} with ${AT_ONCE} at once; ${CALLERS} experts' sessions in turn`],
        ],
        figures: [
          ["feedback for one item over HTTP", `p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, p99 ${ms(a.p99)}`],
          ["baseline: the feedback's statement with pg", `p50 ${ms(b.p50)}, p95 ${ms(b.p95)}`],
          ["the route's two statements with pg (session, feedback)", `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`],
          [`the same with ${AT_ONCE} experts asking at once`, `p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, p99 ${ms(c.p99)}`],
          ["ratio HTTP / baseline", `p50 ${(a.p50 / b.p50).toFixed(1)}×, p95 ${(a.p95 / b.p95).toFixed(1)}×`],
        ],
        checks: [{ label: "feedback p95", target: `< ${TARGET_P95_MS} ms`, actual: ms(a.p95), pass: a.p95 < TARGET_P95_MS }],
        details: [
          {
            title: "Latencies",
            text: markdownTable([
              ["", "p50", "p95", "p99", "max"],
              ["GET /api/expert/delphi?item=D1", ms(a.p50), ms(a.p95), ms(a.p99), ms(a.max)],
              [`… ${AT_ONCE} at once`, ms(c.p50), ms(c.p95), ms(c.p99), ms(c.max)],
              ["bare statement (pg)", ms(b.p50), ms(b.p95), ms(b.p99), ms(b.max)],
              ["session check + feedback statement (pg)", ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max)],
            ]),
          },
        ],
      };
    } finally {
      await pool.end();
      await prisma.$disconnect();
    }
  },
};
