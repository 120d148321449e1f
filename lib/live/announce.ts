import "server-only";
import { db } from "@/lib/db";
import type { TLiveTopic } from "@/lib/live/events";
import { notifyLive } from "@/lib/live/notify";
import { log } from "@/lib/log";

/** How long this instance gathers announcements of one kind before sending one notification. */
const COALESCE_MS = 150;

const pending = new Set<string>();

/**
 * Announces a change that has already committed, for a path too hot for a trigger: autosave.
 * A NOTIFY in the saving transaction would hold PostgreSQL's global notification lock through the
 * commit's WAL flush, queueing every save behind the one before. Instead each instance sends at
 * most one notification per study and topic every COALESCE_MS, in its own short statement, after
 * the save is acknowledged. Losing one (the instance dies first) only delays a dashboard until
 * the next change.
 */
export function announceLive(studyId: string, topic: TLiveTopic): void {
  const key = `${studyId}\n${topic}`;
  if (pending.has(key)) return;
  pending.add(key);
  setTimeout(() => {
    pending.delete(key);
    notifyLive(db(), studyId, topic).catch((error: unknown) =>
      log.warn({ event: "live.announce_failed", err: error instanceof Error ? error.message : String(error) }, "live update not sent"),
    );
  }, COALESCE_MS).unref();
}
