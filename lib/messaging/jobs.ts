import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startJobs, type TJobLogger, type TJobs, type TJobsOptions } from "@/lib/jobs/runtime";
import { log } from "@/lib/log";
import { deliverMessage, type TDeliveryConfig } from "@/lib/messaging/delivery";
import { MESSAGE_QUEUES, REMINDER_CRON } from "@/lib/messaging/queues";
import { sweepReminders, type TEnqueueSends } from "@/lib/messaging/reminders";
import { transportFrom } from "@/lib/messaging/transport";

/** A few send workers per instance send a batch of invitations in seconds rather than one per polling interval. */
const SEND_WORKERS_PER_INSTANCE = 4;

/** Enqueues a send per message on the instance, inside the caller's transaction. */
export const enqueueSends =
  (jobs: TJobs): TEnqueueSends =>
  (tx, messageIds) =>
    jobs.enqueue(
      tx,
      MESSAGE_QUEUES.send,
      messageIds.map((messageId) => ({ messageId })),
    );

export type TMessageWork = { prisma: PrismaClient; delivery: TDeliveryConfig; logger?: TJobLogger };

/** Registers the sends and the reminder sweep on a job queue instance (only a worker instance runs them). */
export async function registerMessageWork(jobs: TJobs, { prisma, delivery, logger }: TMessageWork): Promise<void> {
  if (delivery.transport.kind === "smtp") jobs.onStop(delivery.transport.close);
  await jobs.work<{ messageId: string }>({
    queue: MESSAGE_QUEUES.send,
    workers: SEND_WORKERS_PER_INSTANCE,
    handle: async ({ messageId }, { retryCount, lastAttempt }) => {
      const outcome = await deliverMessage(prisma, messageId, delivery, { lastAttempt }).catch((error: unknown) => {
        logger?.warn({ event: "message.retry", messageId, attempt: retryCount + 1 }, "message delivery failed; will retry");
        throw error;
      });
      logger?.info({ event: `message.${outcome}`, messageId, transport: delivery.transport.kind }, "message job done");
    },
  });
  await jobs.work({
    queue: MESSAGE_QUEUES.reminders,
    cron: REMINDER_CRON,
    handle: async () => {
      const queued = await sweepReminders(prisma, enqueueSends(jobs));
      if (queued.length) logger?.info({ event: "reminders.queued", count: queued.length }, "reminders queued");
    },
  });
}

/** The app's message work: the transport, links and their lifetime from the environment. */
export function registerAppMessageWork(jobs: TJobs): Promise<void> {
  const e = env();
  return registerMessageWork(jobs, {
    prisma: db(),
    delivery: { transport: transportFrom(e), baseUrl: (e.NEXTAUTH_URL ?? "").replace(/\/$/, ""), ttlDays: e.INVITATION_TTL_DAYS },
    logger: log,
  });
}

/** An instance of its own with the message work on it, and its enqueueing of sends (tests and fault scenarios). */
export async function startMessageJobs(options: TJobsOptions & TMessageWork): Promise<TJobs & { enqueueSends: TEnqueueSends }> {
  const jobs = await startJobs(options);
  await registerMessageWork(jobs, options);
  return { ...jobs, enqueueSends: enqueueSends(jobs) };
}
