import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { transportFrom } from "@/lib/messaging/transport";
import { startJobs, type TJobs } from "@/lib/jobs/runtime";

// Kept on globalThis: instrumentation.ts and the route handlers are bundled separately, and the
// process must have one instance.
const holder = globalThis as unknown as { expertPanelJobs?: Promise<TJobs> };

function start(worker: boolean): Promise<TJobs> {
  const e = env();
  return startJobs({
    connectionString: e.DATABASE_URL,
    prisma: db(),
    worker,
    delivery: { transport: transportFrom(e), baseUrl: (e.NEXTAUTH_URL ?? "").replace(/\/$/, ""), ttlDays: e.INVITATION_TTL_DAYS },
    logger: log,
  });
}

/**
 * Starts this process's job queue instance: with a worker (sends, reminder sweep) unless
 * JOBS_WORKER=off. Called once from instrumentation.ts when the server starts.
 */
export function startAppJobs(): Promise<TJobs> {
  holder.expertPanelJobs ??= start(env().JOBS_WORKER === "on").catch((error: unknown) => {
    holder.expertPanelJobs = undefined;
    throw error;
  });
  return holder.expertPanelJobs;
}

/** The process's instance, for enqueueing (started without a worker if instrumentation did not run). */
export function appJobs(): Promise<TJobs> {
  holder.expertPanelJobs ??= start(false).catch((error: unknown) => {
    holder.expertPanelJobs = undefined;
    throw error;
  });
  return holder.expertPanelJobs;
}

/** Graceful stop: workers finish their current job (up to 10 s), then connections close. */
export async function stopAppJobs(): Promise<void> {
  const jobs = holder.expertPanelJobs;
  holder.expertPanelJobs = undefined;
  if (jobs) await (await jobs).stop();
}

/**
 * For instrumentation.ts: starts the instance (a database that is down at start-up only delays it:
 * it is retried in the background, so the app still serves its 503s) and stops it gracefully when
 * the process is asked to end.
 */
export async function startServerJobs(): Promise<void> {
  const attempt = (delayMs: number) =>
    startAppJobs().then(
      () => undefined,
      (error: unknown) => {
        log.warn({ event: "jobs.start_failed", err: error instanceof Error ? error.message : String(error) }, "job queue did not start; retrying");
        setTimeout(() => void attempt(Math.min(delayMs * 2, 60_000)), delayMs).unref();
      },
    );
  await attempt(1_000);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopAppJobs().catch(() => {});
    });
  }
}
