import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./build";

/** Starts the production server (`next start`) as a child process. */
export function startNextServer(options: { port: number; host: string; env: NodeJS.ProcessEnv; quiet?: boolean }): ChildProcess {
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(options.port), "-H", options.host], {
    cwd: ROOT,
    env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
}

/** Polls /api/health until the app and its database answer, or fails after `timeoutMs`. */
export async function waitForHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before it was ready.`);
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
