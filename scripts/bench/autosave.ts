import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { allItems } from "@/lib/instrument/items";
import { runSaveFunctionBaseline, runUpsertBaseline, type TBaselineResult } from "./baseline";
import { acceptConsent, addBenchExperts, benchQuestionnaire, createBenchStudy, kindOf, signInExperts, type TBenchStudy } from "./fixtures";
import { serverLogSummary, serverLogTail } from "./harness";
import { HttpClient } from "./http";
import { closedLoop, ExpertPanel, openLoop, type TPhaseResult } from "./load";
import { sampleActivity, readStatements, resetStatements, type TActivity, type TStatement } from "./pgstats";
import { cpuBetween, cpuSnapshot, findPostmaster, type TCpuUse } from "./procstat";
import { int, markdownTable, ms, pct, perSecond, summarize } from "./stats";
import type { TBenchContext, TBenchmark, TCheck, TReport } from "./types";
import { verifyStoredAnswers } from "./verify";

/**
 * Benchmark 1 of issue 8, "Autosave under load": N experts, each with their own session, autosave
 * answers to a 60-item questionnaire through POST /api/expert/answers at a steady total rate, against
 * the production build. Afterwards the stored answers must equal what each expert was last told was
 * saved. Compared with the database's own speed for the same upsert, measured in the same run.
 */

const ITEMS = 60;
const BASELINE_RESPONSES = 100;
const REQUEST_TIMEOUT_MS = 30_000;
/** Closed-loop phase that finds the app's ceiling, for the comparison with the bare upsert. */
const CAPACITY_SECONDS = 10;
const CAPACITY_CONCURRENCY = 40;

const TARGETS = { ackedPerSecond: 300, p99Ms: 200, baselineShare: 0.4 };

function latencyRow(label: string, phase: TPhaseResult): string[] {
  const s = summarize(phase.latencies);
  return [label, int(phase.scheduled), int(phase.acked), perSecond(phase.ackedPerSecond), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(phase.errors), int(phase.conflicts)];
}

function cpuText(cpu: TCpuUse | null): string {
  if (!cpu) return "n/a (no /proc)";
  const c = (v: number) => `${(v * 100).toFixed(0)}%`;
  const busy = cpu.machineBusy === null ? "" : `; machine ${c(cpu.machineBusy)} busy of ${cpu.cores} cores`;
  const top = cpu.topOthers.filter(([, v]) => v >= 0.01).map(([name, v]) => `${name} ${c(v)}`).join(", ");
  const kernel = cpu.unattributed === null ? "" : `, not charged to any process (kernel) ${c(cpu.unattributed)}`;
  const steal = cpu.steal ? `, stolen by the hypervisor ${c(cpu.steal)}` : "";
  const others = `, other processes ${c(cpu.others)}${top ? ` (${top})` : ""}${kernel}${steal}`;
  return `app server ${c(cpu.app)}, PostgreSQL ${c(cpu.postgres)}, load generator ${c(cpu.generator)}${others} (100% = one core)${busy}`;
}

function activityText(a: TActivity, instances: number): string {
  const waits = Object.entries(a.waiting)
    .sort(([, x], [, y]) => y - x)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ");
  return `on average ${a.active.toFixed(1)} active, ${a.idleInTransaction.toFixed(1)} idle in transaction, ${a.idle.toFixed(1)} idle (of DB_POOL_MAX 20${instances > 1 ? ` × ${instances} instances` : ""})${waits ? `; active waiting on ${waits}` : ""}`;
}

function statementsText(statements: TStatement[], saves: number): string {
  const app = statements.filter((s) => !/pg_stat_activity|pg_stat_statements/.test(s.query));
  const calls = app.reduce((n, s) => n + s.calls, 0);
  const total = app.reduce((n, s) => n + s.totalMs, 0);
  const rows = [["calls/save", "mean", "share of DB time", "statement"]];
  for (const s of app.slice(0, 20)) {
    rows.push([(s.calls / Math.max(1, saves)).toFixed(2), ms(s.meanMs), pct(s.totalMs / Math.max(1e-9, total)), s.query.length > 110 ? `${s.query.slice(0, 107)}...` : s.query]);
  }
  return [
    `${(calls / Math.max(1, saves)).toFixed(1)} statements and ${(total / Math.max(1, saves)).toFixed(2)} ms of PostgreSQL execution time per acknowledged save (all requests of the measured phase, incl. the session check).`,
    "",
    markdownTable(rows),
  ].join("\n");
}

async function vacuumAnswers(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) "Answer", "Response"`);
  } finally {
    await client.end();
  }
}

/** The offered rate of `npm run bench` (run.ts); other rates are reported in sections of their own. */
export const DEFAULT_RATE = 400;

/** The five seconds with the slowest requests, in time order, as "t = 12 s: 1.2 s". */
function slowestSeconds(slowest: readonly number[]): string {
  const top = slowest.map((ms, second) => ({ second, ms })).sort((a, b) => b.ms - a.ms).slice(0, 5).sort((a, b) => a.second - b.second);
  return top.map((t) => `t = ${t.second} s: ${ms(t.ms)}`).join(", ") || "none";
}

async function run({ harness, flags, log }: TBenchContext): Promise<TReport> {
  // 1. Data: the load's study and panel, and a separate study whose responses the baseline writes.
  const prisma = createPrismaClient({ url: harness.databaseUrl, max: 8, connectionTimeoutMs: 10_000, statementTimeoutMs: 120_000 });
  let study: TBenchStudy;
  let panel: ExpertPanel;
  let baselineResponses: string[];
  let baselineExperts: string[];
  let baselineStudy: TBenchStudy;
  const setupStarted = performance.now();
  try {
    const questionnaire = benchQuestionnaire(ITEMS);
    study = await createBenchStudy(prisma, "autosave", questionnaire);
    const experts = await addBenchExperts(prisma, study, flags.experts, "autosave");
    await acceptConsent(prisma, study, experts);
    const cookies = await signInExperts(prisma, experts, harness.secret);
    const items = allItems(questionnaire).map((i) => ({ code: i.code, kind: kindOf(i) }));
    panel = new ExpertPanel(cookies, experts.map((e) => e.expertId), items, study.versionId);

    const baseStudy = await createBenchStudy(prisma, "baseline", questionnaire);
    const baseExperts = await addBenchExperts(prisma, baseStudy, BASELINE_RESPONSES, "baseline");
    await prisma.response.createMany({
      data: baseExperts.map((e) => ({ expertId: e.expertId, instrumentId: baseStudy.instrumentId, versionId: baseStudy.versionId, optionOrder: {} })),
    });
    baselineResponses = (await prisma.response.findMany({ where: { instrumentId: baseStudy.instrumentId }, select: { id: true } })).map((r) => r.id);
    baselineExperts = baseExperts.map((e) => e.expertId);
    baselineStudy = baseStudy;
  } finally {
    await prisma.$disconnect();
  }
  log(`Prepared ${int(flags.experts)} experts with consent and sessions, and a ${ITEMS}-item questionnaire, in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s.`);

  // One client per app server; the saves go round-robin over them.
  const clients = harness.baseUrls.map((url) => new HttpClient(url, { maxSockets: Math.ceil(flags.connections / harness.baseUrls.length), timeoutMs: REQUEST_TIMEOUT_MS }));
  const http = clients[0]!;
  try {
    // 2. A minted cookie must be a real session before any load.
    const check = await http.request("GET", "/api/expert/questionnaire", { cookie: panel.cookies[0]! });
    const state = check.status === 200 ? (JSON.parse(check.body) as { consent?: { accepted?: boolean }; questionnaire?: { versionId?: string } }) : null;
    if (!state || !state.consent?.accepted || state.questionnaire?.versionId !== study.versionId) {
      throw new Error(`GET /api/expert/questionnaire with a minted cookie answered ${check.status}: ${check.body.slice(0, 300)}\n${serverLogTail(harness)}`);
    }
    const anonymous = await http.request("POST", "/api/expert/answers", { "content-type": "application/json", origin: harness.origin }, "{}");
    if (anonymous.status !== 401) throw new Error(`A save without a session answered ${anonymous.status}, expected 401.`);
    log("A minted session cookie is accepted (GET /api/expert/questionnaire → 200, consent accepted).");

    // 3. Baseline: the bare upsert, while the app is idle.
    log(`Baseline: bare pg upsert, ${flags.baselineClients} clients, ${flags.baselineSeconds} s...`);
    const baseline: TBaselineResult = await runUpsertBaseline({
      databaseUrl: harness.databaseUrl,
      clients: flags.baselineClients,
      seconds: flags.baselineSeconds,
      responseIds: baselineResponses,
      items: panel.items,
    });
    log(`Baseline: ${perSecond(baseline.perSecond)} upserts (p50 ${ms(baseline.latency.p50)}, p99 ${ms(baseline.latency.p99)}).`);
    log(`Baseline: the app's save statement (save_answer) in a bare pg loop, ${flags.baselineClients} clients, ${flags.baselineSeconds} s...`);
    const saveBaseline: TBaselineResult = await runSaveFunctionBaseline({
      databaseUrl: harness.databaseUrl,
      clients: flags.baselineClients,
      seconds: flags.baselineSeconds,
      expertIds: baselineExperts,
      instrumentId: baselineStudy.instrumentId,
      versionId: baselineStudy.versionId,
      items: panel.items,
    });
    log(`Baseline: ${perSecond(saveBaseline.perSecond)} saves through save_answer (p50 ${ms(saveBaseline.latency.p50)}, p99 ${ms(saveBaseline.latency.p99)}).`);
    // The baselines leave ~100,000 dead row versions in "Answer": clean them up now, or autovacuum
    // does it (a core's worth of work for seconds) in the middle of the measured load.
    await vacuumAnswers(harness.databaseUrl);

    // Other work on the machine skews every figure: measure it while we are idle.
    const postmaster = harness.postgresDataDir ? findPostmaster(harness.postgresDataDir) : undefined;
    const idleBefore = cpuSnapshot();
    await new Promise((r) => setTimeout(r, 2_000));
    const idleCpu = cpuBetween(idleBefore, cpuSnapshot(), harness.servers.map((s) => s.pid), postmaster);
    if (idleCpu?.others && idleCpu.others > 0.2) {
      log(`Warning: other processes already use ${(idleCpu.others * 100).toFixed(0)}% of a core before the load; the figures will be lower than on a quiet machine.`);
    }

    // 4. Warm-up (not measured), at the offered rate: JIT, as many pooled connections as the load needs, first responses.
    if (flags.warmup > 0) {
      const warm = await openLoop({
        label: "warm-up",
        http: clients,
        origin: harness.origin,
        panel,
        rate: flags.rate,
        seconds: flags.warmup,
        maxInFlight: flags.maxInFlight,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      log(`Warm-up: ${int(warm.acked)} saves in ${flags.warmup} s, ${int(warm.errors)} errors.`);
    }

    // 5. The measured open-loop run, with CPU, connection and statement monitors.
    if (harness.pgStats) await resetStatements(harness.databaseUrl).catch(() => {});
    const activity = await sampleActivity(harness.databaseUrl);
    const cpuBefore = cpuSnapshot();
    log(`Load: ${int(flags.experts)} experts, ${flags.rate} saves/s for ${flags.seconds} s (open loop, at most ${int(flags.maxInFlight)} in flight)...`);
    const load = await openLoop({
      label: "load",
      http: clients,
      origin: harness.origin,
      panel,
      rate: flags.rate,
      seconds: flags.seconds,
      maxInFlight: flags.maxInFlight,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(), harness.servers.map((s) => s.pid), postmaster);
    const act = await activity.stop();
    const statements = harness.pgStats ? await readStatements(harness.databaseUrl).catch(() => []) : [];
    const loadLat = summarize(load.latencies);
    log(`Load: ${perSecond(load.ackedPerSecond)} acknowledged, p50 ${ms(loadLat.p50)}, p99 ${ms(loadLat.p99)}, ${int(load.errors)} errors, ${int(load.conflicts)} conflicts.`);

    // 6. Capacity: closed loop, as fast as the app answers, to compare like with like with the baseline.
    log(`Capacity: closed loop, ${CAPACITY_CONCURRENCY} saves in flight, ${CAPACITY_SECONDS} s...`);
    const capCpuBefore = cpuSnapshot();
    const capacity = await closedLoop({ label: "capacity", http: clients, origin: harness.origin, panel, concurrency: CAPACITY_CONCURRENCY, seconds: CAPACITY_SECONDS, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const capCpu = cpuBetween(capCpuBefore, cpuSnapshot(), harness.servers.map((s) => s.pid), postmaster);
    log(`Capacity: ${perSecond(capacity.ackedPerSecond)} acknowledged, p50 ${ms(summarize(capacity.latencies).p50)}.`);

    // 7. Every expert's stored answers must be what they were last told was saved.
    const v = await verifyStoredAnswers(harness.databaseUrl, study.instrumentId, panel);
    log(`Verified ${int(v.compared)} expert × item answers: ${int(v.mismatches)} mismatches.`);

    const ackedTotal = panel.revision.reduce((n, r) => n + r, 0);
    const timeline = load.timeline.slice(0, Math.max(1, Math.floor(flags.seconds)));
    const worstSecond = timeline.length ? Math.min(...timeline) : 0;
    const ratioAtRate = load.ackedPerSecond / baseline.perSecond;
    const ratioCapacity = capacity.ackedPerSecond / baseline.perSecond;
    const ratioSave = capacity.ackedPerSecond / saveBaseline.perSecond;
    const errorKinds = { ...load.errorKinds };
    for (const [k, n] of Object.entries(capacity.errorKinds)) errorKinds[`${k} (capacity phase)`] = n;
    const logSummary = serverLogSummary(harness);
    const errorList = Object.entries(errorKinds).map(([k, n]) => `${k}: ${n}`).join(", ") || "none";
    const errorExamples = Object.entries({ ...capacity.errorExamples, ...load.errorExamples }).map(([k, e]) => `  - ${k}: \`${e.replace(/`/g, "'")}\``);

    const checks: TCheck[] = [
      // Compared as shown, in whole saves per second: a run that acknowledges every save offered at
      // 300/s measures 299.9x/s, because the last answers arrive a few milliseconds after the schedule.
      { label: "Acknowledged saves/s", target: `≥ ${TARGETS.ackedPerSecond}/s`, actual: perSecond(load.ackedPerSecond), pass: Math.round(load.ackedPerSecond) >= TARGETS.ackedPerSecond },
      { label: `p99 latency at ${int(flags.experts)} concurrent experts`, target: `< ${TARGETS.p99Ms} ms (at 1,000 experts)`, actual: ms(loadLat.p99), pass: loadLat.p99 < TARGETS.p99Ms },
      { label: "Errors (non-200 other than conflicts, network, drops)", target: "0", actual: int(load.errors + capacity.errors), pass: load.errors + capacity.errors === 0 },
      {
        label: "Conflicts (409) on acknowledged revisions",
        target: "0 (each expert is its own client)",
        actual: int(load.conflicts + capacity.conflicts),
        pass: load.conflicts + capacity.conflicts === 0,
      },
      // "The same upserts" in a bare pg loop: the app's own save statement, which also locks the
      // response, checks the revision and logs the mutation. The single INSERT … ON CONFLICT is
      // reported beside it.
      {
        label: "App capacity / the same save (save_answer) in a bare pg loop",
        target: `≥ ${pct(TARGETS.baselineShare)}`,
        actual: pct(ratioSave),
        pass: saveBaseline.operations > 0 && saveBaseline.errors === 0 && ratioSave >= TARGETS.baselineShare,
      },
      { label: "Stored answers ≠ last acknowledged", target: "0", actual: int(v.mismatches), pass: v.mismatches === 0 },
    ];
    if (v.unknown === 0) {
      checks.push({ label: "Mutation log rows = acknowledged saves", target: int(ackedTotal), actual: int(v.mutationRows), pass: v.mutationRows === ackedTotal });
    }

    const phases = [
      ["phase", "requests", "acked", "acked/s", "p50", "p95", "p99", "max", "errors", "conflicts"],
      latencyRow(`open loop at ${flags.rate}/s (measured)`, load),
      latencyRow(`closed loop, ${CAPACITY_CONCURRENCY} in flight`, capacity),
    ];
    const details = [
      { title: "Phases", text: markdownTable(phases) },
      {
        title: "Diagnostics",
        text: [
          `- The offered rate is ${pct(flags.rate / Math.max(1e-9, capacity.ackedPerSecond))} of the app's closed-loop capacity${flags.rate > capacity.ackedPerSecond ? ": the queue grows for the whole run, so the open-loop latency is mostly waiting in line" : ""}.`,
          `- Slowest seconds of the measured load (by when their requests were due, the longest latency in each): ${slowestSeconds(load.slowestPerSecond)}.`,
          `- Offered ${perSecond(load.scheduled / flags.seconds)} for ${flags.seconds} s; worst whole second ${int(worstSecond)} acknowledged; at most ${int(load.maxInFlight)} requests in flight over ${int(load.sockets)} keep-alive connections; generator fell behind schedule by at most ${ms(load.maxSendLagMs)}.`,
          `- Errors by kind: ${errorList}.`,
          ...errorExamples,
          `- 409s after a save with an unknown outcome (the client resyncing to the stored revision, not counted as conflicts): ${int(load.resyncs + capacity.resyncs)}.`,
          `- Server log, warnings and errors: ${logSummary.length ? "" : "none."}`,
          ...logSummary.slice(0, 6).map((g) => `  - ${int(g.count)} × \`${g.what.replace(/`/g, "'")}\``),
          `- Other processes before the load (machine idle of ours): ${cpuText(idleCpu)}.`,
          `- CPU during the measured load: ${cpuText(cpu)}.${cpu ? ` Per acknowledged save: ${ms((cpu.app * load.seconds * 1000) / Math.max(1, load.acked))} of app-server CPU, ${ms((cpu.postgres * load.seconds * 1000) / Math.max(1, load.acked))} of PostgreSQL CPU.` : ""}`,
          `- CPU during the capacity phase: ${cpuText(capCpu)}.${capCpu ? ` Per acknowledged save: ${ms((capCpu.app * capacity.seconds * 1000) / Math.max(1, capacity.acked))} of app-server CPU, ${ms((capCpu.postgres * capacity.seconds * 1000) / Math.max(1, capacity.acked))} of PostgreSQL CPU.` : ""}`,
          `- App's PostgreSQL connections during the load (pg_stat_activity, sampled every 100 ms): ${activityText(act, harness.servers.length)}.`,
          `- save_answer baseline: ${int(saveBaseline.operations)} saves in ${saveBaseline.seconds.toFixed(1)} s with ${flags.baselineClients} clients = ${perSecond(saveBaseline.perSecond)}, latency p50 ${ms(saveBaseline.latency.p50)}, p99 ${ms(saveBaseline.latency.p99)}, ${int(saveBaseline.errors)} errors. Ratio app/baseline: ${pct(ratioSave)} at capacity.`,
          `- Bare upsert baseline: ${int(baseline.operations)} upserts in ${baseline.seconds.toFixed(1)} s with ${flags.baselineClients} clients = ${perSecond(baseline.perSecond)}, latency p50 ${ms(baseline.latency.p50)}, p99 ${ms(baseline.latency.p99)}, ${int(baseline.errors)} errors. Ratio app/baseline: ${pct(ratioCapacity)} at capacity (${perSecond(capacity.ackedPerSecond)}), ${pct(ratioAtRate)} at the offered rate.`,
          `- Verification: ${int(v.compared)} expert × item pairs compared with the stored answers (${int(v.responses)} responses), ${int(v.mismatches)} mismatches, ${int(v.unknown)} left out because a save of theirs had an unknown outcome.${v.examples.length ? ` Examples: ${v.examples.join("; ")}.` : ""}`,
        ].join("\n"),
      },
    ];
    if (statements.length) details.push({ title: "PostgreSQL statements per save (pg_stat_statements, measured phase)", text: statementsText(statements, load.acked) });

    // Several instances, and an offered rate other than the default, get a section of their own in
    // RESULTS.md, beside the one-instance figures.
    const instances = harness.servers.length;
    const atRate = flags.rate === DEFAULT_RATE ? "" : `-${flags.rate}`;
    return {
      name: `autosave${instances > 1 ? `-${instances}x` : ""}${atRate}`,
      title: `Autosave under load${instances > 1 ? `, ${instances} app instances` : ""}${atRate ? `, ${flags.rate} saves/s offered` : ""}`,
      parameters: [
        ["experts (each with its own session)", int(flags.experts)],
        ["questionnaire", `${ITEMS} items (single ×5 options, scale 1–10, number, text ≤ 200)`],
        ["offered rate", `${flags.rate} saves/s, open loop, for ${flags.seconds} s after a ${flags.warmup} s warm-up`],
        ["in-flight cap / connections", `${int(flags.maxInFlight)} / up to ${int(flags.connections)} keep-alive`],
        ["app", `${harness.servers.length > 1 ? `${harness.servers.length} × ` : ""}production build (next start), DB_POOL_MAX=20${harness.servers.length > 1 ? " each, saves round-robin" : ""}, ${harness.embedded ? "embedded PostgreSQL" : "PostgreSQL of DATABASE_URL"}`],
        ["baselines", `the app's save statement (save_answer) and a single INSERT … ON CONFLICT into "Answer", each in a bare pg loop, ${flags.baselineClients} clients, ${flags.baselineSeconds} s`],
      ],
      figures: [
        ["Acknowledged saves/s", perSecond(load.ackedPerSecond)],
        ["Latency p50 / p95 / p99 / max", `${ms(loadLat.p50)} / ${ms(loadLat.p95)} / ${ms(loadLat.p99)} / ${ms(loadLat.max)}`],
        ["Errors", `${int(load.errors)} of ${int(load.scheduled)}`],
        ["Conflicts (409)", `${int(load.conflicts)}${load.resyncs ? ` (+ ${int(load.resyncs)} resyncs after unknown outcomes)` : ""}`],
        ["App capacity (closed loop)", `${perSecond(capacity.ackedPerSecond)} (p50 ${ms(summarize(capacity.latencies).p50)}, p99 ${ms(summarize(capacity.latencies).p99)})`],
        ["save_answer in a bare pg loop", `${perSecond(saveBaseline.perSecond)} (app capacity ${pct(ratioSave)} of it)`],
        ["Bare upsert baseline (single INSERT … ON CONFLICT)", perSecond(baseline.perSecond)],
        ["Ratio app/bare upsert", `${pct(ratioCapacity)} at capacity, ${pct(ratioAtRate)} at the offered rate`],
        ["Mismatches after the run", int(v.mismatches)],
        ["Other processes' CPU during the load", !cpu ? "n/a" : `${pct(cpu.others)} of a core${cpu.others > 0.2 ? " (the machine was shared: figures are lower than on a quiet one)" : ""}`],
      ],
      checks,
      details,
    };
  } finally {
    for (const c of clients) c.close();
  }
}

export const autosave: TBenchmark = { name: "autosave", title: "Autosave under load", run };
