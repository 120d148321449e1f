import type { TAnswerValue } from "@/lib/instrument/answers";

/**
 * The autosave queue as it is kept in localStorage (what lib/autosave/queue.ts works on). Apart,
 * so that what only reads or clears the stored queues (signing out, in every page's layout) does
 * not carry the queue's logic.
 */

export type TPending = {
  mutationId: string;
  item: string;
  value: TAnswerValue | null;
  /** Sent at least once: the server may have applied it even if no acknowledgement came back. */
  sent?: boolean;
  /** Server errors (HTTP 500) in a row for this change; after MAX_SERVER_ERRORS it is refused. */
  serverErrors?: number;
};

/** Why the server refused a change for good. */
export type TRefusalReason = "characters" | "invalid" | "tooLarge" | "gone" | "rejected" | "serverError";
export type TRefusal = { mutationId: string; value: TAnswerValue | null; reason: TRefusalReason };

export type TQueueState = {
  pending: TPending[];
  /** The last revision of each item this browser has seen acknowledged. */
  revisions: Record<string, number>;
  /**
   * The values of those revisions. A page reloaded offline comes from the service worker's copy,
   * which may predate answers saved since; these put them back.
   */
  values: Record<string, TAnswerValue | null>;
  /** Changes refused for good, per item (the latest), until resolved. */
  refused: Record<string, TRefusal>;
};

export interface TStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const QUEUE_PREFIX = "expert-panel.autosave.";

export function queueKey(userId: string, versionId: string): string {
  return `${QUEUE_PREFIX}${userId}.${versionId}`;
}

export function readQueue(storage: TStorage, key: string): TQueueState {
  try {
    const raw = storage.getItem(key);
    const parsed = (raw ? JSON.parse(raw) : {}) as Partial<TQueueState>;
    return { pending: Array.isArray(parsed.pending) ? parsed.pending : [], revisions: parsed.revisions ?? {}, values: parsed.values ?? {}, refused: parsed.refused ?? {} };
  } catch {
    return { pending: [], revisions: {}, values: {}, refused: {} };
  }
}

export function writeQueue(storage: TStorage, key: string, state: TQueueState): void {
  storage.setItem(key, JSON.stringify(state));
}
