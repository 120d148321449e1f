import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, withoutEmbeddedSignalHandlers, type TEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../../lib/db/migrate";
import { buildIfStale } from "../lib/build";
import { freePort } from "../lib/net";
import { startNextServer, stopChild, waitForHealthy } from "../lib/server";

/**
 * Everything the benchmarks run against: a fresh database (`bench_<timestamp>`) on the server of
 * DATABASE_URL, or on an embedded PostgreSQL in a temporary folder, migrated; and the production
 * build of the app serving on 127.0.0.1. `close()` undoes all of it in reverse order and is safe to
 * call more than once (run.ts also calls it on Ctrl-C).
 */
export type THarness = {
  /** The database server, naming its `postgres` database (for admin queries). */
  serverUrl: string;
  databaseName: string;
  databaseUrl: string;
  baseUrl: string;
  /** The Origin header writes must carry (NEXTAUTH_URL's origin). */
  origin: string;
  /** The NEXTAUTH_SECRET the server was given, for minting session cookies. */
  secret: string;
  postgresVersion: string;
  embedded: boolean;
  /** The embedded server's data directory (to tell its processes apart), null for DATABASE_URL. */
  postgresDataDir: string | null;
  /** Whether pg_stat_statements can be read for the bench database. */
  pgStats: boolean;
  server: ChildProcess;
  /** Every app server (with --instances N), the first being `server`; the same database. */
  servers: ChildProcess[];
  /** Their addresses, `baseUrl` first. They all take `origin` (one public NEXTAUTH_URL). */
  baseUrls: string[];
  /** The servers' stdout and stderr (all of them, in one file). */
  serverLog: string;
  /** Where the server writes V8 CPU profiles (with --profile), once it has stopped. */
  profileDir: string | null;
  stopServer(): Promise<void>;
  close(): Promise<void>;
};

const DB_POOL_MAX = "20";

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, application_name: "expert-panel-bench" });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An embedded PostgreSQL in `dir`, restarted once with pg_stat_statements preloaded when asked. */
async function startEmbedded(dir: string, pgStats: boolean, log: (line: string) => void): Promise<TEmbeddedDatabase> {
  let embedded = await startEmbeddedPostgres({ dir, persistent: true, log });
  if (pgStats) {
    await query(embedded.url("postgres"), "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await embedded.stop();
    embedded = await startEmbeddedPostgres({ dir, persistent: true, log });
  }
  return embedded;
}

async function enablePgStats(databaseUrl: string, log: (line: string) => void): Promise<boolean> {
  try {
    await query(databaseUrl, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await query(databaseUrl, "SELECT 1 FROM pg_stat_statements LIMIT 1");
    return true;
  } catch (error) {
    log(`pg_stat_statements is not available (${error instanceof Error ? error.message : String(error)}); the per-statement breakdown is skipped.`);
    return false;
  }
}

export async function startHarness(options: {
  pgStats: boolean;
  /** How many app servers to start on the one database (default 1). */
  instances?: number;
  profile: boolean;
  log: (line: string) => void;
  /** Receives `close` at once, so an interrupted start-up can be cleaned up too. */
  onClose?: (close: () => Promise<void>) => void;
}): Promise<THarness> {
  const { log } = options;
  const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    while (cleanups.length) {
      const step = cleanups.pop()!;
      log(`cleanup: ${step.what}`);
      try {
        await step.run();
      } catch (error) {
        log(`cleanup: could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  options.onClose?.(close);

  try {
    // Build first: nothing to clean up if it fails, and the database is not left idle meanwhile.
    buildIfStale(log);

    const workDir = mkdtempSync(path.join(tmpdir(), "expert-panel-bench-"));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data dir.
    chmodSync(workDir, 0o755);
    // If this process dies without cleaning up (tsx SIGKILLs a child that is slow to acknowledge
    // Ctrl-C), the janitor does it from what we record here.
    const janitorState: Record<string, unknown> = {};
    const record = (fields: Record<string, unknown>) => {
      Object.assign(janitorState, fields);
      writeFileSync(path.join(workDir, "janitor.json"), JSON.stringify(janitorState), { mode: 0o600 });
    };
    record({});
    spawn(process.execPath, [path.join(__dirname, "janitor.mjs"), String(process.pid), workDir], { detached: true, stdio: "ignore" }).unref();
    cleanups.push({ what: `remove ${workDir}`, run: () => rmSync(workDir, { recursive: true, force: true }) });

    let serverUrl: string;
    const external = process.env.DATABASE_URL;
    let embedded = false;
    let postgresDataDir: string | null = null;
    if (external) {
      serverUrl = withDatabase(external, "postgres");
      log("Using the PostgreSQL server in DATABASE_URL.");
    } else {
      const pgDir = path.join(workDir, "pg-data");
      record({ postgresDataDir: path.join(pgDir, "pg") });
      const db = await withoutEmbeddedSignalHandlers(() => startEmbedded(pgDir, options.pgStats, log));
      cleanups.push({ what: "stop the embedded PostgreSQL", run: () => db.stop() });
      serverUrl = db.url("postgres");
      embedded = true;
      postgresDataDir = path.join(pgDir, "pg");
      log(`Started an embedded PostgreSQL in ${pgDir}.`);
    }
    const databaseName = `bench_${Date.now()}`;
    record({ adminUrl: serverUrl, databaseName });
    await ensureDatabase(serverUrl, databaseName);
    cleanups.push({ what: `drop the database ${databaseName}`, run: () => dropDatabase(serverUrl, databaseName) });
    const databaseUrl = withDatabase(serverUrl, databaseName);
    log(`Created the database ${databaseName}.`);
    await migrate(databaseUrl);
    const pgStats = options.pgStats ? await enablePgStats(databaseUrl, log) : false;
    const [{ server_version: postgresVersion } = { server_version: "unknown" }] = await query<{ server_version: string }>(databaseUrl, "SHOW server_version");

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const secret = randomBytes(32).toString("base64url");
    const serverLog = path.join(workDir, "server.log");
    const profileDir = options.profile ? path.join(workDir, "profiles") : null;
    if (profileDir) mkdirSync(profileDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      LOG_LEVEL: "warn",
      DB_POOL_MAX,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const servers: ChildProcess[] = [];
    const baseUrls: string[] = [];
    const stopServer = async () => {
      for (const child of servers) await stopChild(child);
    };
    cleanups.push({ what: "stop the app server(s)", run: stopServer });
    for (let i = 0; i < (options.instances ?? 1); i++) {
      const instancePort = i === 0 ? port : await freePort();
      const child = startNextServer({
        port: instancePort,
        host: "127.0.0.1",
        env,
        logFile: serverLog,
        nodeFlags: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      });
      servers.push(child);
      baseUrls.push(`http://127.0.0.1:${instancePort}`);
      record({ serverPid: servers[0]!.pid, serverPids: servers.map((s) => s.pid) });
    }
    for (let i = 0; i < servers.length; i++) await waitForHealthy(baseUrls[i]!, servers[i]!);
    const server = servers[0]!;
    log(`The production server${servers.length > 1 ? "s are" : " is"} up at ${baseUrls.join(", ")} (pid ${servers.map((s) => s.pid).join(", ")}, DB_POOL_MAX=${DB_POOL_MAX} each).`);

    return {
      serverUrl,
      databaseName,
      databaseUrl,
      baseUrl,
      origin: new URL(baseUrl).origin,
      secret,
      postgresVersion,
      embedded,
      postgresDataDir,
      pgStats,
      server,
      servers,
      baseUrls,
      serverLog,
      profileDir,
      stopServer,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The server's warnings and errors (pino JSON lines, level ≥ 40) grouped by event and error, with
 * the first line of each one's stack, so a benchmark can say why requests failed.
 */
export function serverLogSummary(harness: THarness): Array<{ count: number; what: string }> {
  let text: string;
  try {
    text = readFileSync(harness.serverLog, "utf8");
  } catch {
    return [];
  }
  const groups = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; event?: string; msg?: string; code?: string; err?: { name?: string; message?: string; stack?: string } };
      if ((entry.level ?? 0) < 40) continue;
      const stack = entry.err?.stack?.split("\n")[0] ?? entry.err?.message ?? "";
      const what = [entry.event ?? entry.msg ?? "log", entry.code, stack].filter(Boolean).join(": ").slice(0, 300);
      groups.set(what, (groups.get(what) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  return [...groups].sort(([, a], [, b]) => b - a).map(([what, count]) => ({ what, count }));
}

/** The last lines of the server's output, for error messages. */
export function serverLogTail(harness: THarness, lines = 20): string {
  try {
    return readFileSync(harness.serverLog, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
