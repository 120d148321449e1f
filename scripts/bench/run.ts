// `npm run bench`: performance benchmarks of issue 8 against the production build.
// - Database: a fresh `bench_<timestamp>` database on the server of DATABASE_URL if set, else on an
//   embedded PostgreSQL in a temporary folder; dropped (and the embedded server stopped) at the end,
//   also on failure or Ctrl-C.
// - Builds the app if its sources changed, serves it on 127.0.0.1, runs the benchmarks, prints a
//   table and writes scripts/bench/RESULTS.md.
// Usage: npm run bench -- [--experts 1000] [--seconds 60] [--rate 400] [--only autosave] [--help]
// Benchmarks are modules like autosave.ts and pages.ts (page weight, Lighthouse), listed in BENCHMARKS.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { aggregates } from "./aggregates";
import { autosave, DEFAULT_RATE } from "./autosave";
import { delphi } from "./delphi";
import { exportsBench } from "./exports";
import { pages } from "./pages";
import { startHarness, type THarness } from "./harness";
import { machineInfo, machineLines } from "./machine";
import { summarizeProfiles } from "./profile";
import { reportMarkdown, writeResults } from "./results";
import { textTable } from "./stats";
import type { TBenchmark, TFlags, TReport } from "./types";

const BENCHMARKS: TBenchmark[] = [autosave, pages, aggregates, exportsBench, delphi];
const RESULTS_FILE = path.join(__dirname, "RESULTS.md");

const say = (line: string) => console.log(`[bench] ${line}`);

const USAGE = `Usage: npm run bench -- [options]
  --experts N            simulated experts, each with its own session (default 1000)
  --seconds S            length of the measured load (default 60)
  --rate R               offered autosaves per second, in total (default 400)
  --warmup S             unmeasured warm-up at the offered rate before the load (default 10)
  --baseline-seconds S   length of the bare-upsert baseline (default 10)
  --baseline-clients N   concurrent clients of the baseline (default 20)
  --responses N          completed responses seeded for the aggregates benchmark (default 20000)
  --connections N        most keep-alive connections to the app (default 256)
  --max-in-flight N      requests outstanding before new ones are dropped (default 2000)
  --instances N          app servers on the one database, the load spread over them (default 1)
  --only NAME[,NAME]     benchmarks to run: ${BENCHMARKS.map((b) => b.name).join(", ")} (default all)
  --no-pg-stats          skip pg_stat_statements (the per-statement breakdown)
  --profile              record V8 CPU profiles of the server and summarise them
  --results FILE         where to write the results (default scripts/bench/RESULTS.md)`;

function parseFlags(argv: string[]): TFlags {
  const flags: TFlags = {
    experts: 1000,
    seconds: 60,
    rate: DEFAULT_RATE,
    warmup: 10,
    baselineSeconds: 10,
    baselineClients: 20,
    connections: 256,
    maxInFlight: 2000,
    responses: 20_000,
    instances: 1,
    only: BENCHMARKS.map((b) => b.name),
    pgStats: true,
    profile: false,
    results: RESULTS_FILE,
  };
  const numeric: Record<string, keyof TFlags> = {
    "--experts": "experts",
    "--seconds": "seconds",
    "--rate": "rate",
    "--warmup": "warmup",
    "--baseline-seconds": "baselineSeconds",
    "--baseline-clients": "baselineClients",
    "--connections": "connections",
    "--max-in-flight": "maxInFlight",
    "--responses": "responses",
    "--instances": "instances",
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
      return v;
    };
    if (name === "--help" || name === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (numeric[name]) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || (name !== "--warmup" && n <= 0)) throw new Error(`${name} must be a positive number.`);
      (flags[numeric[name]] as number) = name === "--seconds" || name === "--warmup" || name === "--baseline-seconds" || name === "--rate" ? n : Math.round(n);
    } else if (name === "--only") {
      flags.only = value().split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = flags.only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
      if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}.`);
    } else if (name === "--no-pg-stats") {
      flags.pgStats = false;
    } else if (name === "--profile") {
      flags.profile = true;
    } else if (name === "--results") {
      flags.results = path.resolve(value());
    } else {
      throw new Error(`Unknown option ${name}.\n${USAGE}`);
    }
  }
  return flags;
}

function printReport(report: TReport): void {
  console.log(`\n== ${report.title} ==\n`);
  console.log(textTable(report.parameters.map(([k, v]) => [k, v])));
  console.log("");
  console.log(textTable(report.figures.map(([k, v]) => [k, v])));
  console.log("");
  console.log(textTable([["target", "required", "measured", "result"], ...report.checks.map((c) => [c.label, c.target, c.actual, c.pass ? "PASS" : "FAIL"])]));
  for (const d of report.details) console.log(`\n-- ${d.title} --\n${d.text}`);
}

let closeHarness: (() => Promise<void>) | undefined;

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  let interrupted = false;
  const onSignal = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: cleaning up (should this process be stopped first, a background janitor finishes the job)...`);
    void (closeHarness?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Once cleanup has started, connections it closes may fail in flight; nothing must stop it.
  process.on("uncaughtException", (error) => {
    console.error("[bench] unexpected error:", error);
    if (!interrupted) onSignal("error");
  });
  process.on("unhandledRejection", (error) => {
    console.error("[bench] unexpected error:", error);
    if (!interrupted) onSignal("error");
  });

  let harness: THarness | undefined;
  const reports: TReport[] = [];
  let profileSummary: string | null = null;
  try {
    harness = await startHarness({
      pgStats: flags.pgStats,
      instances: flags.instances,
      profile: flags.profile,
      log: say,
      onClose: (close) => (closeHarness = close),
    });
    for (const bench of BENCHMARKS.filter((b) => flags.only.includes(b.name))) {
      say(`Running ${bench.title}...`);
      const report = await bench.run({ harness, flags, log: say });
      reports.push(report);
      printReport(report);
    }
    if (harness.profileDir) {
      await harness.stopServer();
      profileSummary = summarizeProfiles(harness.profileDir);
      if (profileSummary) {
        console.log(`\n-- Server CPU profile --\n${profileSummary}`);
        // Kept outside the work folder, which cleanup removes: open in Chrome DevTools or speedscope.
        const kept = mkdtempSync(path.join(tmpdir(), "expert-panel-bench-profile-"));
        cpSync(harness.profileDir, kept, { recursive: true });
        say(`Server CPU profile(s) kept in ${kept}.`);
      } else {
        say("No CPU profile was written by the server.");
      }
    }
  } finally {
    await closeHarness?.();
  }

  const machine = machineInfo(harness?.postgresVersion ?? "unknown");
  const date = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  console.log(`\n${machineLines(machine).join("\n")}`);
  const sections = reports.map((r) => {
    if (profileSummary && r === reports[reports.length - 1]) r.details.push({ title: "Server CPU profile (--profile)", text: profileSummary });
    return { name: r.name, markdown: reportMarkdown(r, { date, machine, command }) };
  });
  writeResults(flags.results, sections);
  say(`Wrote ${path.relative(process.cwd(), flags.results)}.`);
  const failed = reports.flatMap((r) => r.checks.filter((c) => !c.pass).map((c) => `${r.name}: ${c.label}`));
  if (failed.length) say(`Targets missed: ${failed.join("; ")}.`);
  return failed.length ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[bench] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
