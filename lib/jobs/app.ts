import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startJobs, type TJobs } from "@/lib/jobs/runtime";

/** Registers the work of the app's queues on a worker instance (lib/server-start.ts passes lib/messaging/jobs.ts's). */
export type TRegisterWork = (jobs: TJobs) => Promise<void>;

// Kept on globalThis: instrumentation.ts and the route handlers are bundled separately, and the
// process must have one instance.
const holder = globalThis as unknown as { expertPanelJobs?: Promise<TJobs> };

async function start(worker: boolean, register?: TRegisterWork): Promise<TJobs> {
  const jobs = await startJobs({ connectionString: env().DATABASE_URL, worker, logger: log });
  if (worker && register) {
    try {
      await register(jobs);
    } catch (error) {
      await jobs.stop().catch(() => {});
      throw error;
    }
  }
  return jobs;
}

function keep(jobs: Promise<TJobs>): Promise<TJobs> {
  holder.expertPanelJobs = jobs.catch((error: unknown) => {
    holder.expertPanelJobs = undefined;
    throw error;
  });
  return holder.expertPanelJobs;
}

/**
 * Starts this process's job queue instance: with a worker running the registered work unless
 * JOBS_WORKER=off. Called once from lib/server-start.ts when the server starts.
 */
export function startAppJobs(register: TRegisterWork): Promise<TJobs> {
  return holder.expertPanelJobs ?? keep(start(env().JOBS_WORKER === "on", register));
}

/** The process's instance, for enqueueing (started without a worker if the server start did not run). */
export function appJobs(): Promise<TJobs> {
  return holder.expertPanelJobs ?? keep(start(false));
}

/** Graceful stop: workers finish their current job (up to 10 s), then connections close. */
export async function stopAppJobs(): Promise<void> {
  const jobs = holder.expertPanelJobs;
  holder.expertPanelJobs = undefined;
  if (jobs) await (await jobs).stop();
}

/**
 * For lib/server-start.ts: starts the instance (a database that is down at start-up only delays it:
 * it is retried in the background, so the app still serves its 503s) and stops it gracefully when
 * the process is asked to end.
 */
export async function startServerJobs(register: TRegisterWork): Promise<void> {
  const attempt = (delayMs: number) =>
    startAppJobs(register).then(
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
