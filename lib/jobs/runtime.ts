import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The job queue: pg-boss in its own schema of the app database, so every instance shares it and
 * no job state lives in a process. It knows no job of its own: a domain registers the work of its
 * queues (`work`), e.g. lib/messaging/jobs.ts for sends and the reminder sweep. Each app process
 * runs one instance (lib/jobs/app.ts); tests start their own with the same function.
 */
export const JOBS_SCHEMA = "pgboss";

export type TJobSettings = {
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  pollingIntervalSeconds: number;
};

export const DEFAULT_JOB_SETTINGS: TJobSettings = { retryLimit: 4, retryDelaySeconds: 30, retryBackoff: true, pollingIntervalSeconds: 1 };

export type TJobLogger = { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

/** The work of one queue on a worker instance. */
export type TQueueWork<T extends object> = {
  queue: string;
  /** Handlers running at once on each instance (pg-boss 10 fetches one job per poll and worker). */
  workers?: number;
  /** A cron schedule: pg-boss sends the job once per tick across the cluster (when the instance schedules). */
  cron?: string;
  /** Throws to have the job retried (up to the settings' retryLimit). */
  handle: (data: T, attempt: { retryCount: number; lastAttempt: boolean }) => Promise<void>;
};

export type TJobs = {
  boss: PgBoss;
  settings: TJobSettings;
  worker: boolean;
  /** Enqueues one job per payload inside the caller's transaction: both commit or neither does. */
  enqueue: (tx: Prisma.TransactionClient, queue: string, payloads: object[]) => Promise<void>;
  /** Runs a queue's jobs here; does nothing on an instance that only enqueues. */
  work: <T extends object>(work: TQueueWork<T>) => Promise<void>;
  /** Something to close once the instance has stopped (e.g. an SMTP connection pool). */
  onStop: (close: () => void) => void;
  stop: () => Promise<void>;
};

export type TJobsOptions = {
  connectionString: string;
  /** false: this instance only enqueues (JOBS_WORKER=off). */
  worker: boolean;
  settings?: Partial<TJobSettings>;
  /** Run the queues' cron schedules (tests run scheduled work themselves). */
  schedule?: boolean;
  logger?: TJobLogger;
};

/** pg-boss runs its SQL through this: the caller's Prisma transaction. */
function inTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const params = values.map((v: unknown) => (v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/** Creates a queue once; another instance creating it at the same moment is fine. */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name);
  } catch (error) {
    if (!(error instanceof Error && /already exists|duplicate key/.test(error.message))) throw error;
  }
}

export async function startJobs(options: TJobsOptions): Promise<TJobs> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...options.settings };
  const schedule = options.worker && (options.schedule ?? true);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    application_name: "expert-panel-jobs",
    max: 4,
    supervise: options.worker,
    schedule,
  });
  boss.on("error", (error) => options.logger?.warn({ event: "jobs.error", err: { name: error.name, message: error.message } }, "job queue error"));
  await boss.start();

  // pg-boss 10 silently drops a job sent to a queue not created yet: each queue is created (once
  // per instance) before its first job is sent or worked.
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (name: string) => {
    let done = created.get(name);
    if (!done) {
      done = createQueue(boss, name);
      created.set(name, done);
      done.catch(() => created.delete(name));
    }
    return done;
  };
  const closers: Array<() => void> = [];

  return {
    boss,
    settings,
    worker: options.worker,
    enqueue: async (tx, queue, payloads) => {
      await ensureQueue(queue);
      for (const payload of payloads) {
        const id = await boss.send(queue, payload, {
          db: inTransaction(tx),
          retryLimit: settings.retryLimit,
          retryDelay: settings.retryDelaySeconds,
          retryBackoff: settings.retryBackoff,
        });
        if (!id) throw new Error(`The job queue refused a ${queue} job.`);
      }
    },
    work: async <T extends object>(work: TQueueWork<T>) => {
      if (!options.worker) return;
      await ensureQueue(work.queue);
      for (let i = 0; i < (work.workers ?? 1); i++) {
        await boss.work<T>(work.queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds }, async (jobs) => {
          for (const job of jobs) await work.handle(job.data, { retryCount: job.retryCount, lastAttempt: job.retryCount >= job.retryLimit });
        });
      }
      if (work.cron && schedule) await boss.schedule(work.queue, work.cron);
    },
    onStop: (close) => {
      closers.push(close);
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      for (const close of closers) close();
    },
  };
}
