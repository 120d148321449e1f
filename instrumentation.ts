// Runs once when a server instance starts: a bad environment stops it here, naming the variable.
// Then the job queue starts (lib/jobs/app.ts) and stops gracefully when the process is asked to end.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { startAppJobs, stopAppJobs } = await import("@/lib/jobs/app");
  const { log } = await import("@/lib/log");
  // A database that is down at start-up must not keep the app from serving its 503s: retry in the background.
  const start = (delayMs: number) =>
    startAppJobs().catch((error: unknown) => {
      log.warn({ event: "jobs.start_failed", err: error instanceof Error ? error.message : String(error) }, "job queue did not start; retrying");
      setTimeout(() => start(Math.min(delayMs * 2, 60_000)), delayMs).unref();
    });
  await start(1_000);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopAppJobs().catch(() => {});
    });
  }
}
