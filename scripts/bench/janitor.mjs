// The benchmark's last line of cleanup. run.ts starts this as a detached process; it waits for
// run.ts to end, and if run.ts died without cleaning up (Ctrl-C under tsx, which kills a child
// that does not answer its signal relay in time, an out-of-memory kill...), it does the cleanup:
// stops the app server(s) and the embedded PostgreSQL that run.ts started (by their pids), drops the
// bench database and removes the work folder. Plain JavaScript so that it needs no loader.
// Usage: node janitor.mjs <parent pid> <work dir>; the state it acts on is <work dir>/janitor.json.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const [parentPid, workDir] = [Number(process.argv[2]), process.argv[3]];
const stateFile = path.join(workDir, "janitor.json");

const alive = (pid) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stop(pid, signal, waitMs) {
  if (!alive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + waitMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

async function cleanup() {
  let state = {};
  try {
    state = JSON.parse(readFileSync(stateFile, "utf8"));
  } catch {
    // nothing recorded yet
  }
  for (const pid of [state.serverPid, ...(state.serverPids ?? [])]) if (pid) await stop(pid, "SIGTERM", 10_000).catch(() => {});
  if (state.adminUrl && state.databaseName) {
    const client = new pg.Client({ connectionString: state.adminUrl, connectionTimeoutMillis: 5_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(state.databaseName)} WITH (FORCE)`);
    } catch {
      // the server is gone (embedded, stopped) or unreachable
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (state.postgresDataDir) {
    try {
      const postmaster = Number(readFileSync(path.join(state.postgresDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      await stop(postmaster, "SIGINT", 15_000);
    } catch {
      // not running
    }
  }
  rmSync(workDir, { recursive: true, force: true });
}

// run.ts removes the work folder itself when it cleans up; then there is nothing left to do.
while (alive(parentPid) && existsSync(workDir)) await sleep(250);
if (existsSync(workDir)) await cleanup();
