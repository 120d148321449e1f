// `npm test`: the whole suite (unit, integration, end-to-end), with nothing installed beforehand.
// - Database: TEST_DATABASE_URL's server if set, else an embedded PostgreSQL in a temporary folder.
//   Either way the run gets its own database, created here and dropped at the end.
// - End-to-end: builds the app if its sources changed and runs Playwright in Chromium against the
//   production server.
// Usage: npm test [-- --only unit|integration|e2e] [-- extra args passed to the runner]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, type TEmbeddedDatabase } from "./db/embedded";
import { freePort } from "./lib/net";
import { migrate } from "../lib/db/migrate";
import { ROOT, buildIfStale } from "./lib/build";
import { findChromium, noChromiumHint } from "./lib/chromium";
import { startNextServer, stopChild, waitForHealthy } from "./lib/server";

type TSuite = "unit" | "integration" | "e2e";
type TCounts = { passed: number; failed: number; skipped: number };

const say = (line: string) => console.log(`[test] ${line}`);

function parseArgs(argv: string[]): { suites: TSuite[]; extra: string[] } {
  const suites: TSuite[] = [];
  const extra: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--only") suites.push(argv[++i] as TSuite);
    else extra.push(argv[i]!);
  }
  for (const s of suites) if (!["unit", "integration", "e2e"].includes(s)) throw new Error(`Unknown suite "${s}".`);
  return { suites: suites.length ? suites : ["unit", "integration", "e2e"], extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/**
 * Counts from a runner's JSON report. A runner that exited non-zero, or whose report shows a suite
 * that failed to load, counts as at least one failure even when no single test failed.
 */
function vitestCounts(file: string, exitCode: number): TCounts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
    success: boolean;
  };
  const broken = exitCode !== 0 || !report.success || report.numFailedTestSuites > 0 ? 1 : 0;
  return { passed: report.numPassedTests, failed: Math.max(report.numFailedTests, broken), skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string, exitCode: number): TCounts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats, errors } = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  const broken = exitCode !== 0 || (errors?.length ?? 0) > 0 ? 1 : 0;
  if (stats.flaky > 0) say(`${stats.flaky} end-to-end test(s) passed only on their retry (flaky): see the list above.`);
  return { passed: stats.expected + stats.flaky, failed: Math.max(stats.unexpected, broken), skipped: stats.skipped };
}

async function main(): Promise<number> {
  const { suites, extra } = parseArgs(process.argv.slice(2));
  const chromium = suites.includes("e2e") ? await findChromium() : null;
  if (suites.includes("e2e")) {
    if (!chromium) {
      console.error(noChromiumHint());
      return 1;
    }
    say(`End-to-end tests run in Chromium from ${chromium.source}.`);
  }
  const reports = mkdtempSync(path.join(tmpdir(), "expert-panel-reports-"));
  const totals: TCounts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: TCounts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  delete baseEnv.DATABASE_URL;

  if (suites.includes("unit") && !suites.includes("integration")) {
    const out = path.join(reports, "unit.json");
    const code = await run(bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], baseEnv);
    add(vitestCounts(out, code));
  }

  const needsDatabase = suites.includes("integration") || suites.includes("e2e");
  let embedded: TEmbeddedDatabase | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  const runDatabase = `expert_panel_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let embeddedDir: string | undefined;
  try {
    if (needsDatabase) {
      if (serverUrl) {
        say(`Using the PostgreSQL server in TEST_DATABASE_URL (database ${runDatabase}).`);
      } else {
        embeddedDir = mkdtempSync(path.join(tmpdir(), "expert-panel-pg-"));
        embedded = await startEmbeddedPostgres({ dir: embeddedDir, persistent: false, log: say });
        serverUrl = embedded.url("postgres");
        say("Started an embedded PostgreSQL for this run.");
      }
      await ensureDatabase(serverUrl, runDatabase);
      await migrate(withDatabase(serverUrl, runDatabase));
    }
    const dbEnv: NodeJS.ProcessEnv = serverUrl
      ? { ...baseEnv, DATABASE_URL: withDatabase(serverUrl, runDatabase), TEST_SERVER_URL: serverUrl }
      : baseEnv;

    if (suites.includes("integration")) {
      const projects = suites.includes("unit") ? ["--project", "unit", "--project", "integration"] : ["--project", "integration"];
      const out = path.join(reports, "vitest.json");
      const code = await run(bin("vitest"), ["run", ...projects, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], dbEnv);
      add(vitestCounts(out, code));
    }

    if (suites.includes("e2e")) {
      buildIfStale(say);
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const appEnv: NodeJS.ProcessEnv = {
        ...dbEnv,
        NEXTAUTH_URL: baseUrl,
        DB_POOL_MAX: "10",
        // The production build, but every JSON answer checked against its route's contract (lib/route/handler.ts).
        CHECK_RESPONSES: "on",
      };
      const server = startNextServer({ port, host: "127.0.0.1", env: appEnv });
      try {
        await waitForHealthy(baseUrl, server);
        const out = path.join(reports, "playwright.json");
        const code = await run(bin("playwright"), ["test", ...extra], {
          ...appEnv,
          BASE_URL: baseUrl,
          ...chromium!.env,
          CHROMIUM_PATH: chromium!.executablePath,
          PLAYWRIGHT_JSON_OUTPUT_FILE: out,
        });
        add(playwrightCounts(out, code));
      } finally {
        await stopChild(server);
      }
    }
  } finally {
    if (serverUrl && needsDatabase) await dropDatabase(serverUrl, runDatabase).catch((e: Error) => say(`could not drop ${runDatabase}: ${e.message}`));
    await embedded?.stop();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  }
  if (suites.includes("integration") && extra.length === 0 && spawnSync("pspp", ["--version"]).status !== 0) {
    say("GNU PSPP is not installed, so the two checks that open the .sav export in it were skipped (`apt-get install -y pspp` adds it); everything else ran.");
  }
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[test] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
