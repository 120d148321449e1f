import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build";

/**
 * Node flags of every app server started here (`npm start`, tests, benchmarks, fault runs).
 * `--liftoff-only`: Prisma's query compiler is WebAssembly, and V8's optimising tier-up of it
 * left ~60 MB more in the process's memory (idle server 200–230 MB → 135–165 MB) while Prisma's
 * query cost stayed the same (its query plans are cached, so the compiler rarely runs).
 * `exit-with-parent.cjs`: a server whose starter was killed stops by itself.
 */
const SERVER_NODE_FLAGS = ["--liftoff-only", "--require", path.join(__dirname, "exit-with-parent.cjs")];

/**
 * Starts the production server (`scripts/app-server.mjs`: Next's request handler as `next start` runs it, which
 * also tells the app each request's socket address) as a child process. Its output goes to the console,
 * nowhere (`quiet`: stderr only) or, with `logFile`, appended to that file.
 */
export function startNextServer(options: {
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
  logFile?: string;
  /** Flags for node itself, e.g. --cpu-prof. */
  nodeFlags?: string[];
}): ChildProcess {
  const logFd = options.logFile ? openSync(options.logFile, "a") : undefined;
  const stdio = logFd !== undefined ? (["ignore", logFd, logFd] as const) : options.quiet ? (["ignore", "ignore", "inherit"] as const) : ("inherit" as const);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.nodeFlags ?? []), path.join(ROOT, "scripts", "app-server.mjs"), "-p", String(options.port), "-H", options.host], {
    cwd: ROOT,
    env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: stdio as never,
  });
  if (logFd !== undefined) closeSync(logFd);
  return child;
}

/** Polls /api/health until the app and its database answer, or fails after `timeoutMs`. */
export async function waitForHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The app exited (${child.exitCode ?? child.signalCode}) before it was ready.`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy within ${timeoutMs / 1000} s.`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
