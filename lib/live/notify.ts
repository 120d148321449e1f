/** The live updates' SQL: NOTIFY in the caller's transaction, and the LISTEN of the hub's connection (lib/live/hub.ts). */
import { LIVE_CHANNEL, type TLiveTopic } from "@/lib/live/events";

type TExecutor = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/**
 * Announces a change no trigger covers. Inside a transaction, PostgreSQL delivers it at commit (and
 * drops it on rollback), so listeners never hear of a change that did not happen.
 */
export async function notifyLive(tx: TExecutor, studyId: string, topic: TLiveTopic): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ studyId, topic })})`;
}

/** Subscribes a dedicated connection to the channel (lib/live/hub.ts); LISTEN takes no bound parameter, and the channel is a constant. */
export async function listenToLive(client: { query: (text: string) => Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
}
