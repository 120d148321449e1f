import "server-only";
import { env } from "@/lib/env";
import { LiveHub } from "@/lib/live/hub";
import type { TLiveEvent } from "@/lib/live/events";
import { log } from "@/lib/log";

const globalForLive = globalThis as unknown as { liveHub?: LiveHub };

function hub(): LiveHub {
  globalForLive.liveHub ??= new LiveHub(env().DATABASE_URL, log);
  return globalForLive.liveHub;
}

/**
 * This instance's subscription to a study's live events (see lib/live/events.ts). Resolves once
 * the instance is listening (or has failed to and will retry), so that nothing committed after it
 * resolves is missed.
 */
export async function subscribeLive(studyId: string, onEvent: (event: TLiveEvent) => void): Promise<() => void> {
  const unsubscribe = hub().subscribe(studyId, onEvent);
  await hub().ready();
  return unsubscribe;
}
