import { z } from "zod";

/**
 * Live updates: database triggers (migrations 20261128151121 and 20261128161343), `notifyLive`
 * and, for autosave, `announceLive` send `pg_notify('live_events', '{"studyId": ..., "topic": ...}')`
 * when a change to dashboard numbers commits. Each app instance LISTENs once (LiveHub) and fans the events out to
 * its browsers over server-sent events, so an answer saved through one instance reaches dashboards
 * served by every other instance.
 */
export const LIVE_CHANNEL = "live_events";

export const LIVE_TOPICS = ["answers", "responses", "panel", "messages", "interviews"] as const;
export type TLiveTopic = (typeof LIVE_TOPICS)[number];

/** What subscribers receive. "resync" follows a lost LISTEN connection: events may have been missed. */
export type TLiveEvent = { studyId: string; topic: TLiveTopic | "resync" };

const ZPayload = z.object({ studyId: z.string().min(1), topic: z.enum(LIVE_TOPICS) });

export function parseLivePayload(payload: string | undefined): TLiveEvent | null {
  if (!payload) return null;
  try {
    const parsed = ZPayload.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
