import type { TAnswerValue } from "@/lib/instrument/answers";

/**
 * The browser side of autosave: every change waits here, in localStorage, until the server has
 * acknowledged it. It survives a reload, a closed tab, a lost network, a server restart and an
 * expired session; when the expert is back, entries are sent in order. Unsent changes to the same
 * item are merged (only the newest value matters), so a long offline spell stays small.
 */

export type TPending = {
  mutationId: string;
  item: string;
  value: TAnswerValue | null;
  /** Sent at least once: the server may have applied it even if no acknowledgement came back. */
  sent?: boolean;
};
export type TQueueState = {
  pending: TPending[];
  /** The last revision of each item this browser has seen acknowledged. */
  revisions: Record<string, number>;
  /**
   * The values of those revisions. A page reloaded offline comes from the service worker's copy,
   * which may predate answers saved since; these put them back.
   */
  values: Record<string, TAnswerValue | null>;
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
    return { pending: Array.isArray(parsed.pending) ? parsed.pending : [], revisions: parsed.revisions ?? {}, values: parsed.values ?? {} };
  } catch {
    return { pending: [], revisions: {}, values: {} };
  }
}

export function writeQueue(storage: TStorage, key: string, state: TQueueState): void {
  storage.setItem(key, JSON.stringify(state));
}

/**
 * Adds a change. An unsent entry for the same item is replaced in place. An entry that was ever
 * sent is never replaced: the server may have applied it with its lost acknowledgement, so it must
 * be replayed under its own mutation id, and the new change queues behind it.
 */
export function enqueue(state: TQueueState, change: TPending): TQueueState {
  const index = state.pending.findIndex((p) => p.item === change.item && !p.sent);
  const pending = [...state.pending];
  if (index >= 0) pending[index] = change;
  else pending.push(change);
  return { ...state, pending };
}

export function markSent(state: TQueueState, mutationId: string): TQueueState {
  return { ...state, pending: state.pending.map((p) => (p.mutationId === mutationId ? { ...p, sent: true } : p)) };
}

export function acknowledge(state: TQueueState, change: TPending, revision: number): TQueueState {
  const pending = state.pending.filter((p) => p.mutationId !== change.mutationId);
  if (revision < (state.revisions[change.item] ?? 0)) return { ...state, pending };
  return {
    pending,
    revisions: { ...state.revisions, [change.item]: revision },
    values: { ...state.values, [change.item]: change.value },
  };
}

/** The server holds a newer value: drop this browser's unsent changes to the item and adopt it. */
export function adoptServer(state: TQueueState, item: string, revision: number, value: TAnswerValue | null): TQueueState {
  return {
    pending: state.pending.filter((p) => p.item !== item),
    revisions: { ...state.revisions, [item]: revision },
    values: { ...state.values, [item]: value },
  };
}
