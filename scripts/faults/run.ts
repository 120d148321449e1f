// `npm run test:faults`: the app under faults, against the production build.
// - Builds the app if its sources changed; starts its own embedded PostgreSQL (so that it can stop
//   and start it) in a temporary folder, or uses the server of FAULTS_DATABASE_URL (then the
//   database-restart scenario is skipped); creates a database for the run and drops it at the end.
// - Each scenario starts its own `next start` process(es), makes its own study and experts, puts the
//   autosave benchmark's simulated experts (scripts/bench/load.ts) to work and asserts what users
//   depend on: no acknowledged save lost, retried saves applied once, clean 503s, recovery.
// - `start` runs `npm start` itself (its own data folder and embedded PostgreSQL) and stops it with
//   SIGTERM, Ctrl-C and SIGKILL.
// Usage: npm run test:faults [-- --only killed,db,pool,instances,delphi,start]
import { buildIfStale } from "../lib/build";
import { startCluster, type TCluster } from "./cluster";
import type { TCheck, TScenario } from "./common";
import { appKilled, databaseRestarted } from "./crash";
import { delphiRealtime } from "./delphi";
import { twoInstances } from "./instances";
import { poolExhausted } from "./pool";
import { startStop } from "./start-stop";

const SCENARIOS: Array<{ key: string; scenario: TScenario }> = [
  { key: "killed", scenario: appKilled },
  { key: "db", scenario: databaseRestarted },
  { key: "pool", scenario: poolExhausted },
  { key: "instances", scenario: twoInstances },
  { key: "delphi", scenario: delphiRealtime },
  { key: "start", scenario: startStop },
];

const say = (line: string) => console.log(`[faults] ${line}`);

function selected(argv: string[]): typeof SCENARIOS {
  const i = argv.indexOf("--only");
  if (i < 0) return SCENARIOS;
  const keys = (argv[i + 1] ?? "").split(",").filter(Boolean);
  const unknown = keys.filter((k) => !SCENARIOS.some((s) => s.key === k));
  if (unknown.length || !keys.length) throw new Error(`--only takes some of ${SCENARIOS.map((s) => s.key).join(", ")}.`);
  return SCENARIOS.filter((s) => keys.includes(s.key));
}

let cluster: TCluster | undefined;

async function main(): Promise<number> {
  const scenarios = selected(process.argv.slice(2));
  const started = performance.now();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    buildIfStale(say);
    cluster = await startCluster(say);
    for (const { scenario } of scenarios) {
      const why = scenario.skip?.({ cluster, log: say }) ?? null;
      if (why) {
        say(`SKIP ${scenario.name}: ${why}`);
        skipped++;
        continue;
      }
      say(`--- ${scenario.name}`);
      const t0 = performance.now();
      let checks: TCheck[];
      try {
        checks = await scenario.run({ cluster, log: (line) => say(`  ${line}`) });
      } catch (error) {
        checks = [{ label: "the scenario ran to the end", pass: false, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }];
      }
      for (const c of checks) say(`  ${c.pass ? "✓" : "✗"} ${c.label} — ${c.detail}`);
      const ok = checks.length > 0 && checks.every((c) => c.pass);
      if (!ok) say(`app logs:\n${cluster.appLogs()}`);
      if (ok) passed++;
      else failed++;
      await cluster.stopApps();
      say(`${ok ? "PASS" : "FAIL"} ${scenario.name} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await cluster?.close();
  }
  say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`\nfaults: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    say(`${signal}: cleaning up...`);
    void (cluster?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[faults] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
