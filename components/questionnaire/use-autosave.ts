"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  acknowledge,
  adoptServer,
  classifyFailure,
  discardRefusal,
  enqueue,
  markSent,
  queueKey,
  readQueue,
  readSaveAnswer,
  refuse,
  retryRefusal,
  serverError,
  writeQueue,
  type TQueueState,
  type TRefusal,
  type TRefusalReason,
} from "@/lib/autosave/queue";
import type { TInputOf, TResponseOf } from "@/lib/api/client";
import type { TAnswerValue } from "@/lib/instrument/answers";

export type { TRefusalReason } from "@/lib/autosave/queue";
export type TSaveStatus = "saved" | "saving" | "offline" | "unavailable" | "refused" | "signedOut" | "submitted" | "versionChanged";
export type TServerAnswers = Record<string, { value: TAnswerValue | null; revision: number }>;

/**
 * The states every durable autosave can be in; a caller adds its own (e.g. "submitted").
 * "offline": the server cannot be reached; "unavailable": it answers, but cannot save just now
 * (5xx: retried); "refused": everything else is saved, but the server refused a change for good
 * (shown on its item).
 */
export type TBaseSaveStatus = "saved" | "saving" | "offline" | "unavailable" | "refused" | "signedOut";
/** What the server holds: one value per item, with its revision. */
export type TServerValues<V> = Record<string, { value: V | null; revision: number }>;
/** One queued change as it goes to the server. */
export type TOutgoing<V> = { mutationId: string; item: string; value: V | null; baseRevision: number };
/**
 * How the server answered one change: saved; a conflict (it holds a newer value, which wins);
 * halt (keep everything queued and stop sending, showing `status`); refuse (refused for good, so
 * retrying cannot succeed and would block every later change: set aside and shown on the item);
 * retry (try again later; `serverError` for an HTTP 500, which refuses the change after a few).
 */
export type TSendResult<V, S extends string> =
  | { kind: "saved"; revision: number }
  | { kind: "conflict"; revision: number; value: V | null }
  | { kind: "halt"; status: S | "signedOut" }
  | { kind: "refuse"; reason: TRefusalReason }
  | { kind: "retry"; serverError?: boolean };

export type TDurableAutosaveOptions<V, S extends string> = {
  /** The localStorage key of the queue (see queueKey), also the name of the cross-tab Web Lock. */
  key: string;
  /** The server's values when the page was made; read once, on mount. */
  initial: TServerValues<V>;
  /** Sends one change; throws when the server cannot be reached. */
  send: (change: TOutgoing<V>) => Promise<TSendResult<V, S>>;
  /** The server's current values; "signedOut" when the session has ended; null to ignore this round. Throws when offline. */
  snapshot: () => Promise<TServerValues<V> | "signedOut" | null>;
  /** Statuses kept when the queue becomes empty (e.g. "submitted"). */
  stickyWhenIdle?: readonly S[];
  /** Statuses a new change does not turn into "saving" (offline and signed-out always stay). */
  keepOnChange?: readonly S[];
};

const SEND_DELAY_MS = 400;
const SYNC_EVERY_MS = 15_000;
const MAX_BACKOFF_MS = 8_000;

// The queue stores values as JSON; it is typed for questionnaire answers, and any JSON value fits.
const stored = <V>(value: V | null) => value as unknown as TAnswerValue | null;
const loaded = <V>(value: TAnswerValue | null | undefined) => value as unknown as V | null | undefined;

function fromServer<V>(server: TServerValues<V>): Record<string, V | undefined> {
  const values: Record<string, V | undefined> = {};
  for (const [code, a] of Object.entries(server)) if (a.value !== null) values[code] = a.value;
  return values;
}

/** What the user entered and the server does not hold yet: refused changes (still shown, with their error), then queued ones. */
function withPending<V>(values: Record<string, V | undefined>, state: TQueueState): Record<string, V | undefined> {
  const next = { ...values };
  for (const [item, r] of Object.entries(state.refused)) next[item] = loaded<V>(r.value) ?? undefined;
  for (const p of state.pending) next[p.item] = loaded<V>(p.value) ?? undefined;
  return next;
}

/**
 * Values as the user sees them, and their way to the server. Every change is written to the
 * durable queue (lib/autosave/queue.ts, in localStorage) at once and sent shortly after; only the
 * server's acknowledgement (sent after PostgreSQL commits) removes it. Sending is serialised across
 * tabs with a Web Lock. Each change carries a mutation id (replays are acknowledged, not applied
 * twice) and the revision it was based on (a change based on an older one yields the server's).
 * A change the server refuses for good is set aside (`refused`, per item) and the rest go on; the
 * caller shows the refusal on its item, with `discard` and, after server errors, `retryRefused`.
 */
export function useDurableAutosave<V, S extends string = never>(options: TDurableAutosaveOptions<V, S>) {
  const { key } = options;
  const [values, setValues] = useState<Record<string, V | undefined>>(() => fromServer(options.initial));
  const [status, setStatus] = useState<TBaseSaveStatus | S>("saved");
  const [updatedElsewhere, setUpdatedElsewhere] = useState<string[]>([]);
  const [refused, setRefused] = useState<Record<string, TRefusal>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const backoff = useRef(1_000);
  const stopped = useRef(false);
  const flushRef = useRef<(options?: { wait?: boolean }) => Promise<void>>(async () => {});
  // The caller's functions change every render; the latest ones are used.
  const opts = useRef(options);
  opts.current = options;

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  const markElsewhere = (item: string) => setUpdatedElsewhere((prev) => (prev.includes(item) ? prev : [...prev, item]));

  /** Writes the queue and shows its refusals. */
  const store = useCallback(
    (state: TQueueState) => {
      writeQueue(localStorage, key, state);
      setRefused(state.refused);
    },
    [key],
  );
  /** The status once nothing is waiting: "refused" while a refusal is shown, else "saved" (or a sticky one). */
  const idle = useCallback((state: TQueueState) => {
    const sticky = opts.current.stickyWhenIdle ?? [];
    setStatus((s) => (sticky.includes(s as S) ? s : Object.keys(state.refused).length ? "refused" : "saved"));
  }, []);

  /** Sends queued changes one by one until the queue is empty or the server cannot be reached. */
  const sendAll = useCallback(async () => {
    const later = (why: "offline" | "unavailable") => {
      setStatus(why);
      schedule(backoff.current);
      backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
    };
    for (;;) {
      let state = readQueue(localStorage, key);
      setRefused(state.refused);
      const next = state.pending[0];
      if (!next) {
        idle(state);
        return;
      }
      setStatus("saving");
      // From now on the server may apply it even if its answer never arrives: later changes queue behind it.
      writeQueue(localStorage, key, markSent(state, next.mutationId));
      let result: TSendResult<V, S>;
      try {
        result = await opts.current.send({ mutationId: next.mutationId, item: next.item, value: loaded<V>(next.value) ?? null, baseRevision: state.revisions[next.item] ?? 0 });
      } catch {
        later("offline");
        return;
      }
      state = readQueue(localStorage, key);
      if (result.kind === "saved") {
        writeQueue(localStorage, key, acknowledge(state, next, result.revision));
        backoff.current = 1_000;
      } else if (result.kind === "conflict") {
        writeQueue(localStorage, key, adoptServer(state, next.item, result.revision, stored(result.value)));
        setValues((prev) => ({ ...prev, [next.item]: result.value ?? undefined }));
        markElsewhere(next.item);
      } else if (result.kind === "halt") {
        // Kept, not sent: they go out once the reason is gone (signed in again, reopened, reloaded).
        setStatus(result.status);
        return;
      } else if (result.kind === "refuse") {
        // Out of the line at once, so that it holds nothing back; shown on its item until resolved.
        store(refuse(state, next, result.reason));
      } else if (result.serverError) {
        const counted = serverError(state, next);
        store(counted.state);
        if (!counted.refused) {
          later("unavailable");
          return;
        }
      } else {
        later("unavailable");
        return;
      }
    }
  }, [key, schedule, store, idle]);

  /**
   * Sends what is queued. By default it skips if another send (in this tab or another) is under
   * way, since that one empties the queue; `wait` instead waits for it and then sends the rest.
   */
  const flush = useCallback(
    async (flushOptions: { wait?: boolean } = {}) => {
      if (stopped.current) return;
      if (typeof navigator !== "undefined" && navigator.locks) {
        const sent = await navigator.locks.request(key, { ifAvailable: !flushOptions.wait }, async (lock) => {
          if (lock) await sendAll();
          return lock !== null;
        });
        // The holder may have read the queue just before this tab added to it: look again shortly.
        if (!sent) schedule(SEND_DELAY_MS);
      } else {
        await sendAll();
      }
    },
    [key, schedule, sendAll],
  );
  flushRef.current = flush;

  const setValue = useCallback(
    (item: string, value: V | undefined) => {
      setValues((prev) => ({ ...prev, [item]: value }));
      setUpdatedElsewhere((prev) => prev.filter((c) => c !== item));
      const state = readQueue(localStorage, key);
      store(enqueue(state, { mutationId: crypto.randomUUID(), item, value: stored(value ?? null) }));
      const keep: readonly string[] = ["offline", "unavailable", "signedOut", ...(opts.current.keepOnChange ?? [])];
      setStatus((s) => (keep.includes(s) ? s : "saving"));
      schedule(SEND_DELAY_MS);
    },
    [key, schedule, store],
  );

  /** Gives up the item's refused change: the item shows its last saved value again. */
  const discard = useCallback(
    (item: string) => {
      const state = discardRefusal(readQueue(localStorage, key), item);
      store(state);
      setValues((prev) => ({ ...prev, [item]: loaded<V>(state.values[item]) ?? undefined }));
      if (state.pending.length === 0) idle(state);
    },
    [key, store, idle],
  );

  /** Sends the item's refused change again (after server errors), under its own mutation id. */
  const retryRefused = useCallback(
    (item: string) => {
      store(retryRefusal(readQueue(localStorage, key), item));
      backoff.current = 1_000;
      setStatus((s) => (s === "refused" || s === "saved" ? "saving" : s));
      schedule(0);
    },
    [key, schedule, store],
  );

  /** Takes newer values saved elsewhere (another device, or a reopened record) for items with no unsent change here. */
  const sync = useCallback(async () => {
    try {
      const server = await opts.current.snapshot();
      if (server === "signedOut") {
        setStatus("signedOut");
        return;
      }
      if (!server) return;
      let state = readQueue(localStorage, key);
      const changed: Record<string, V | undefined> = {};
      for (const [item, a] of Object.entries(server)) {
        const known = state.revisions[item] ?? 0;
        if (a.revision > known && !state.pending.some((p) => p.item === item)) {
          state = adoptServer(state, item, a.revision, stored(a.value));
          changed[item] = a.value ?? undefined;
        }
      }
      const items = Object.keys(changed);
      if (items.length) {
        store(state);
        setValues((prev) => ({ ...prev, ...changed }));
        items.forEach(markElsewhere);
      }
      setStatus((s) => (s === "signedOut" ? "saved" : s));
      void flush();
    } catch {
      setStatus("offline");
    }
  }, [flush, key, store]);

  useEffect(() => {
    stopped.current = false;
    const server = opts.current.initial;
    // Whichever is newer per item wins: the server's snapshot in this page, or what this browser
    // saw acknowledged since (a page reloaded offline is an older copy). Unsent changes go on top.
    const state = readQueue(localStorage, key);
    const shown = fromServer(server);
    for (const [item, a] of Object.entries(server)) {
      if ((state.revisions[item] ?? 0) < a.revision) {
        state.revisions[item] = a.revision;
        state.values[item] = stored(a.value);
      }
    }
    for (const [item, revision] of Object.entries(state.revisions)) {
      if (revision > (server[item]?.revision ?? 0) && item in state.values) shown[item] = loaded<V>(state.values[item]) ?? undefined;
    }
    writeQueue(localStorage, key, state);
    // localStorage exists only in the browser, so it joins the server's values after hydration.
    setValues(withPending(shown, state));
    setRefused(state.refused);
    void flush();

    const onStorage = (e: StorageEvent) => {
      if (e.key !== key) return;
      const state = readQueue(localStorage, key);
      setRefused(state.refused);
      setValues((prev) => withPending(prev, state));
    };
    const wake = () => {
      backoff.current = 1_000;
      void sync();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") wake();
    };
    window.addEventListener("storage", onStorage);
    window.addEventListener("online", wake);
    window.addEventListener("focus", wake);
    document.addEventListener("visibilitychange", onVisible);
    const interval = setInterval(() => void sync(), SYNC_EVERY_MS);
    return () => {
      stopped.current = true;
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("online", wake);
      window.removeEventListener("focus", wake);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(interval);
      if (timer.current) clearTimeout(timer.current);
    };
    // The server snapshot is read once, on mount; later changes arrive through sync().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const pendingCount = useCallback((item?: string) => readQueue(localStorage, key).pending.filter((p) => item === undefined || p.item === item).length, [key]);
  /** The items whose latest change the server refused, as the queue holds them now. */
  const refusedItems = useCallback(() => Object.keys(readQueue(localStorage, key).refused), [key]);
  return { values, setValue, status, updatedElsewhere, flush, sync, pendingCount, refused, refusedItems, discard, retryRefused };
}

/** The expert's questionnaire answers, saved through the durable queue to /api/expert/answers. */
export function useAutosave({ userId, versionId, server }: { userId: string; versionId: string; server: TServerAnswers }) {
  const { values, setValue, status, updatedElsewhere, flush, sync, pendingCount, refused, refusedItems, discard, retryRefused } = useDurableAutosave<TAnswerValue, "submitted" | "versionChanged">({
    key: queueKey(userId, versionId),
    initial: server,
    stickyWhenIdle: ["submitted"],
    keepOnChange: ["versionChanged"],
    // The save path keeps its own transport (the queue reads the 409's body, and the page's weight has
    // no room for more); what it sends and reads is the route's contract (lib/responses/contract.ts).
    send: async (change) => {
      const payload: TInputOf<"POST /api/expert/answers">["body"] = { mutationId: change.mutationId, versionId, item: change.item, baseRevision: change.baseRevision, value: change.value };
      const res = await fetch("/api/expert/answers", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      const { body, reply, error } = await readSaveAnswer<TResponseOf<"POST /api/expert/answers">>(res);
      if (res.ok && reply?.status === "saved") return { kind: "saved", revision: reply.revision };
      if (res.status === 409 && reply?.status === "conflict") return { kind: "conflict", revision: reply.revision, value: reply.value };
      // Kept, not sent: if a coordinator reopens the response, they go out then.
      if (res.status === 409 && error?.code === "submitted") return { kind: "halt", status: "submitted" };
      if (res.status === 409 && error?.code === "version_changed") return { kind: "halt", status: "versionChanged" };
      // Signed out (e.g. the session expired): keep everything queued until the expert is back.
      if (res.status === 401 || res.status === 403) return { kind: "halt", status: "signedOut" };
      // Refused for good (invalid, unknown item, a reused mutation id), or a server error to retry.
      return classifyFailure(res.status, body);
    },
    snapshot: async () => {
      const res = await fetch("/api/expert/questionnaire", { cache: "no-store" });
      if (res.status === 401 || res.status === 403) return "signedOut";
      if (!res.ok) return null;
      const data = (await res.json()) as TResponseOf<"GET /api/expert/questionnaire">;
      if (!data.questionnaire || data.questionnaire.versionId !== versionId) return null;
      return data.questionnaire.answers;
    },
  });
  const answers = values;
  const setAnswer = setValue;
  return { answers, setAnswer, status: status as TSaveStatus, updatedElsewhere, flush, sync, pendingCount: () => pendingCount(), refused, refusedItems, discard, retryRefused };
}
