import PgBoss from "pg-boss";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { deliverMessage, type TDeliveryConfig } from "@/lib/messaging/delivery";
import { sweepReminders } from "@/lib/messaging/reminders";

/**
 * The job queue: pg-boss in its own schema of the app database, so every instance shares it and
 * no job state lives in a process. Each app process runs one instance (lib/jobs/app.ts); tests
 * start their own with the same function.
 */
export const JOBS_SCHEMA = "pgboss";
export const QUEUES = { send: "message-send", reminders: "reminder-sweep" } as const;
/** The reminder sweep runs every minute; pg-boss sends a cron job once per minute across the cluster. */
export const REMINDER_CRON = "* * * * *";

export type TJobSettings = {
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  pollingIntervalSeconds: number;
};

export const DEFAULT_JOB_SETTINGS: TJobSettings = { retryLimit: 4, retryDelaySeconds: 30, retryBackoff: true, pollingIntervalSeconds: 1 };
const SEND_WORKERS_PER_INSTANCE = 4;

type TLogger = { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

export type TJobs = {
  boss: PgBoss;
  settings: TJobSettings;
  worker: boolean;
  /** Enqueues a send per message inside the caller's transaction: both commit or neither does. */
  enqueueSends: (tx: Prisma.TransactionClient, messageIds: string[]) => Promise<void>;
  stop: () => Promise<void>;
};

export type TJobsOptions = {
  connectionString: string;
  prisma: PrismaClient;
  delivery: TDeliveryConfig;
  /** false: this instance only enqueues (JOBS_WORKER=off). */
  worker: boolean;
  settings?: Partial<TJobSettings>;
  /** Schedule the minute-by-minute reminder sweep (tests run the sweep themselves). */
  schedule?: boolean;
  logger?: TLogger;
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
async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name);
  } catch (error) {
    if (!(error instanceof Error && /already exists|duplicate key/.test(error.message))) throw error;
  }
}

export async function startJobs(options: TJobsOptions): Promise<TJobs> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...options.settings };
  const logger = options.logger;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    application_name: "expert-panel-jobs",
    max: 4,
    supervise: options.worker,
    schedule: options.worker && (options.schedule ?? true),
  });
  boss.on("error", (error) => logger?.warn({ event: "jobs.error", err: { name: error.name, message: error.message } }, "job queue error"));
  await boss.start();
  await ensureQueue(boss, QUEUES.send);
  await ensureQueue(boss, QUEUES.reminders);

  const enqueueSends: TJobs["enqueueSends"] = async (tx, messageIds) => {
    for (const messageId of messageIds) {
      const id = await boss.send(
        QUEUES.send,
        { messageId },
        { db: inTransaction(tx), retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: settings.retryBackoff },
      );
      if (!id) throw new Error("The job queue refused a send job.");
    }
  };

  if (options.worker) {
    // pg-boss 10 fetches one job per poll and worker: a few workers per instance send a batch of
    // invitations in seconds rather than one every polling interval.
    for (let i = 0; i < SEND_WORKERS_PER_INSTANCE; i++) {
      await boss.work<{ messageId: string }>(
        QUEUES.send,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds },
        async (jobs) => {
          for (const job of jobs) {
            const outcome = await deliverMessage(options.prisma, job.data.messageId, options.delivery, { lastAttempt: job.retryCount >= job.retryLimit }).catch((error: unknown) => {
              logger?.warn({ event: "message.retry", messageId: job.data.messageId, attempt: job.retryCount + 1 }, "message delivery failed; will retry");
              throw error;
            });
            logger?.info({ event: `message.${outcome}`, messageId: job.data.messageId, transport: options.delivery.transport.kind }, "message job done");
          }
        },
      );
    }
    await boss.work(QUEUES.reminders, { batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
      const queued = await sweepReminders(options.prisma, enqueueSends);
      if (queued.length) logger?.info({ event: "reminders.queued", count: queued.length }, "reminders queued");
    });
    if (options.schedule ?? true) await boss.schedule(QUEUES.reminders, REMINDER_CRON);
  }

  return {
    boss,
    settings,
    worker: options.worker,
    enqueueSends,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      if (options.delivery.transport.kind === "smtp") options.delivery.transport.close();
    },
  };
}
