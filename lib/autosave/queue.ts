import type { TAnswerValue } from "@/lib/instrument/answers";
import type { TPending, TQueueState, TRefusalReason } from "@/lib/autosave/storage";
import type { TErrorBody } from "@/lib/http/contract";

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

export * from "@/lib/autosave/storage";

/** A change answered with a server error this many times in a row is refused ("serverError"). */
export const MAX_SERVER_ERRORS = 3;

const REFUSALS: Record<number, TRefusalReason> = { 404: "gone", 409: "rejected", 413: "tooLarge" };

/** A save's answer read once: the route's reply (saved, or a conflict) or its error body (lib/http/contract.ts). */
export async function readSaveAnswer<R extends { status: string }>(res: Response): Promise<{ body: unknown; reply: R | null; error: TErrorBody["error"] | null }> {
  const body = (await res.json().catch(() => null)) as R | TErrorBody | null;
  return { body, reply: body && "status" in body ? body : null, error: body && "error" in body ? body.error : null };
}

/**
 * What an error answer to a save means, once the caller has handled its own cases (conflict,
 * signed out, submitted, finished...): refused for good, with the reason shown on the item; or to
 * be retried, `serverError` for an HTTP 500 (counted: refused after MAX_SERVER_ERRORS).
 */
export function classifyFailure(status: number, body: unknown): { kind: "refuse"; reason: TRefusalReason } | { kind: "retry"; serverError?: boolean } {
  if (status === 500) return { kind: "retry", serverError: true };
  // Busy, unreachable behind a proxy, rate limited, timed out: it may well work in a moment. Any
  // other answer that is not a save (a captive portal's page) counts as offline too.
  if (status < 400 || status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  // "unstorable_text": the code lib/http/text-input.ts answers with (NUL or an unpaired surrogate).
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return { kind: "refuse", reason: REFUSALS[status] ?? (code === "unstorable_text" ? "characters" : "invalid") };
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
  // (A refused item has nothing queued: a new change would have replaced the refusal.)
  if (!refusal) return state;
  return { ...state, refused: without(state.refused, item), pending: [...state.pending, { mutationId: refusal.mutationId, item, value: refusal.value, sent: true }] };
}
