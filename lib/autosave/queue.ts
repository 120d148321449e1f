import { UNSTORABLE_MESSAGE } from "@/lib/http/text-input";
import type { TAnswerValue } from "@/lib/instrument/answers";

/**
 * The browser side of autosave: every change waits here, in localStorage, until the server has
 * acknowledged it. It survives a reload, a closed tab, a lost network, a server restart and an
 * expired session; when the expert is back, entries are sent in order. Unsent changes to the same
 * item are merged (only the newest value matters), so a long offline spell stays small.
 *
 * A change the server refuses for good (invalid, unknown item, or failing with a server error
 * again and again) leaves the line at once, so it never holds back the changes behind it. It is
 * kept aside, per item, as a refusal: the page shows it on the item, with the value the user
 * entered, until a newer change to the item is saved, the user discards it, or the server's value
 * changes under it.
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

/** A change answered with a server error this many times in a row is refused ("serverError"). */
export const MAX_SERVER_ERRORS = 3;

/**
 * What an error answer to a save means, once the caller has handled its own cases (conflict,
 * signed out, submitted, finished...): refused for good, with the reason shown on the item; or to
 * be retried, `serverError` for an HTTP 500 (counted: refused after MAX_SERVER_ERRORS).
 */
export function classifyFailure(status: number, body: unknown): { kind: "refuse"; reason: TRefusalReason } | { kind: "retry"; serverError?: boolean } {
  if (status === 500) return { kind: "retry", serverError: true };
  // Busy, or unreachable behind a proxy, rate limited, timed out: it may well work in a moment.
  if (status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  if (status === 400) {
    const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
    const characters = Array.isArray(details) && details.some((d) => (d as { message?: unknown } | null)?.message === UNSTORABLE_MESSAGE);
    return { kind: "refuse", reason: characters ? "characters" : "invalid" };
  }
  if (status === 413) return { kind: "refuse", reason: "tooLarge" };
  if (status === 404) return { kind: "refuse", reason: "gone" };
  if (status === 409) return { kind: "refuse", reason: "rejected" };
  if (status >= 400) return { kind: "refuse", reason: "invalid" };
  // Any other answer that is not a save (a captive portal, a proxy's page): as if offline.
  return { kind: "retry" };
}
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

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * Adds a change. An unsent entry for the same item is replaced in place. An entry that was ever
 * sent is never replaced: the server may have applied it with its lost acknowledgement, so it must
 * be replayed under its own mutation id, and the new change queues behind it. A new change
 * supersedes the item's refusal: it is the user's correction.
 */
export function enqueue(state: TQueueState, change: TPending): TQueueState {
  const index = state.pending.findIndex((p) => p.item === change.item && !p.sent);
  const pending = [...state.pending];
  if (index >= 0) pending[index] = change;
  else pending.push(change);
  return { ...state, pending, refused: without(state.refused, change.item) };
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
    refused: without(state.refused, change.item),
  };
}

/** The server holds a newer value: drop this browser's unsent changes to the item and adopt it. */
export function adoptServer(state: TQueueState, item: string, revision: number, value: TAnswerValue | null): TQueueState {
  return {
    pending: state.pending.filter((p) => p.item !== item),
    revisions: { ...state.revisions, [item]: revision },
    values: { ...state.values, [item]: value },
    refused: without(state.refused, item),
  };
}

/** The server refused the change for good: out of the line, kept aside as the item's refusal. */
export function refuse(state: TQueueState, change: TPending, reason: TRefusalReason): TQueueState {
  return {
    ...state,
    pending: state.pending.filter((p) => p.mutationId !== change.mutationId),
    refused: { ...state.refused, [change.item]: { mutationId: change.mutationId, value: change.value, reason } },
  };
}

/**
 * The server failed on the change (HTTP 500): counted; after MAX_SERVER_ERRORS in a row it is
 * refused, so that one change the server cannot take does not hold back every other.
 */
export function serverError(state: TQueueState, change: TPending): { state: TQueueState; refused: boolean } {
  const errors = (state.pending.find((p) => p.mutationId === change.mutationId)?.serverErrors ?? 0) + 1;
  if (errors >= MAX_SERVER_ERRORS) return { state: refuse(state, change, "serverError"), refused: true };
  return { state: { ...state, pending: state.pending.map((p) => (p.mutationId === change.mutationId ? { ...p, serverErrors: errors } : p)) }, refused: false };
}

/** The user gives the refused change up: the item shows the last saved value again. */
export function discardRefusal(state: TQueueState, item: string): TQueueState {
  return { ...state, refused: without(state.refused, item) };
}

/**
 * Sends a refused change again (after a server error), under its own mutation id: if the server
 * did apply it, the replay is acknowledged, not applied twice. It goes to the end of the line;
 * a newer change to the item already queued wins over it.
 */
export function retryRefusal(state: TQueueState, item: string): TQueueState {
  const refusal = state.refused[item];
  if (!refusal) return state;
  const refused = without(state.refused, item);
  if (state.pending.some((p) => p.item === item)) return { ...state, refused };
  return { ...state, refused, pending: [...state.pending, { mutationId: refusal.mutationId, item, value: refusal.value, sent: true }] };
}
