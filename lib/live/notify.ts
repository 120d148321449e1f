import { LIVE_CHANNEL, type TLiveTopic } from "@/lib/live/events";

type TExecutor = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/**
 * Announces a change no trigger covers. Inside a transaction, PostgreSQL delivers it at commit (and
 * drops it on rollback), so listeners never hear of a change that did not happen.
 */
export async function notifyLive(tx: TExecutor, studyId: string, topic: TLiveTopic): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ studyId, topic })})`;
}
