import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../lib/build";
import { freePort } from "../lib/net";
import { check, sleep, type TCheck, type TScenario } from "./common";

/**
 * `npm start` however it is stopped: SIGTERM to it alone (as a supervisor sends it), Ctrl-C (SIGINT
 * to its whole process group, as a terminal sends it), and SIGKILL of the start process, after which
 * the next start must find the database it left running, stop it and carry on with the same data;
 * and a crash of the script and PostgreSQL together, after which the next start recovers.
 * Each start runs the real script with its own data folder and port and an embedded PostgreSQL.
 */

type TStart = { npm: ChildProcess; output: () => string; exited: Promise<number | null> };

const RUNNING = /Expert panel is running at/;

function startScript(dataDir: string, port: number): TStart {
  let output = "";
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", JOBS_WORKER: "off" };
  for (const name of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET"]) delete env[name];
  // Its own process group, so that "Ctrl-C" below reaches npm, the script, the app and PostgreSQL
  // alike, as a terminal's does, and nothing of the fault runner.
  const npm = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { npm, output: () => output, exited };
}

async function until(what: string, test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function running(start: TStart): Promise<void> {
  let done = false;
  void start.exited.then(() => (done = true));
  await until("the start script to report it is running", () => RUNNING.test(start.output()) || done, 240_000);
  if (!RUNNING.test(start.output())) throw new Error(`npm start exited before it was running:\n${start.output()}`);
}

/** Processes whose command line names this data folder (PostgreSQL's postmaster and backends). */
function processesOn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").includes(dataDir)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function portFree(port: number): Promise<boolean> {
  return (await freePort(port)) === port;
}

/** The pid of the script itself: npm's child (npm runs it with `exec`, so no shell between). */
function scriptPid(npm: ChildProcess): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === npm.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("scripts/start.ts")) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

async function stopsCleanly(label: string, start: TStart, dataDir: string, port: number, send: () => void): Promise<TCheck[]> {
  send();
  const code = await Promise.race([start.exited, sleep(60_000).then(() => "timeout" as const)]);
  await sleep(500);
  const left = processesOn(dataDir);
  return [
    check(`${label}: npm start exits 0`, code === 0, `exit ${code}`),
    check(`${label}: it says it stopped and the data is kept`, /Stopped\. Your data is kept/.test(start.output()), start.output().split("\n").filter((l) => /SIG|Stopped|failed/.test(l)).join(" | ") || "(no such line)"),
    check(`${label}: no PostgreSQL process of its data folder is left`, left.length === 0, left.length ? `left: ${left.join(", ")}` : "none"),
    check(`${label}: the app's port is free again`, await portFree(port), `port ${port}`),
  ];
}

export const startStop: TScenario = {
  name: "npm start stopped by SIGTERM, Ctrl-C and SIGKILL",
  skip: () => (process.platform === "linux" ? null : "reads /proc to find processes (Linux only)"),
  async run({ log }) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "expert-panel-start-"));
    const port = await freePort();
    const checks: TCheck[] = [];
    try {
      log("first start (seeds the demo), then SIGTERM to npm alone");
      const first = startScript(dataDir, port);
      await running(first);
      checks.push(...(await stopsCleanly("SIGTERM", first, dataDir, port, () => first.npm.kill("SIGTERM"))));

      log("second start, then Ctrl-C (SIGINT to the whole process group)");
      const second = startScript(dataDir, port);
      await running(second);
      checks.push(check("the start after a SIGTERM keeps the data (no new demo seeding)", !/Empty database/.test(second.output()), "no seeding"));
      checks.push(...(await stopsCleanly("Ctrl-C", second, dataDir, port, () => process.kill(-second.npm.pid!, "SIGINT"))));

      log("third start, then SIGKILL of the start script");
      const third = startScript(dataDir, port);
      await running(third);
      const pid = scriptPid(third.npm);
      if (!pid) throw new Error("could not find the start script's process");
      process.kill(pid, "SIGKILL");
      await third.exited;
      let appGone = false;
      for (let i = 0; i < 50 && !appGone; i++) {
        appGone = await portFree(port);
        if (!appGone) await sleep(200);
      }
      checks.push(check("after a SIGKILL of the script, the app server stops by itself", appGone, appGone ? "port free" : `port ${port} still taken after 10 s`));
      const orphans = processesOn(dataDir);
      log(`left running after the SIGKILL: ${orphans.length} PostgreSQL process(es)`);

      log("fourth start: must recover the database the killed one left");
      const fourth = startScript(dataDir, port);
      await running(fourth);
      const said = fourth.output().split("\n").filter((l) => /earlier run|did not stop cleanly|Stopped it/.test(l));
      checks.push(
        check(
          "the next start names what it found and recovers",
          orphans.length === 0 ? said.length === 0 : said.some((l) => /still running/.test(l)),
          said.join(" | ") || (orphans.length ? "(nothing said)" : "nothing was left to recover"),
        ),
      );
      checks.push(check("the recovered start keeps the data (no new demo seeding)", !/Empty database/.test(fourth.output()), "no seeding"));
      log("then a crash of everything: the start script and PostgreSQL killed with SIGKILL");
      const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(scriptPid(fourth.npm)!, "SIGKILL");
      process.kill(postmaster, "SIGKILL");
      await fourth.exited;
      await until("the killed PostgreSQL's backends to end", () => processesOn(dataDir).length === 0, 20_000);

      log("fifth start: must recover from the crashed database's stale lock file");
      const fifth = startScript(dataDir, port);
      await running(fifth);
      const fifthSaid = fifth.output().split("\n").filter((l) => /did not stop cleanly/.test(l));
      checks.push(check("after a crash, the next start names the stale lock file and starts", fifthSaid.length === 1, fifthSaid.join(" | ") || "(nothing said)"));
      checks.push(check("the start after a crash keeps the data (no new demo seeding)", !/Empty database/.test(fifth.output()), "no seeding"));
      checks.push(...(await stopsCleanly("SIGTERM after the crash", fifth, dataDir, port, () => fifth.npm.kill("SIGTERM"))));
      return checks;
    } finally {
      for (const pid of processesOn(dataDir)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
