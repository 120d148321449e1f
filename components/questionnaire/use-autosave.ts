"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { acknowledge, adoptServer, enqueue, markSent, queueKey, readQueue, writeQueue, type TQueueState } from "@/lib/autosave/queue";
import type { TAnswers, TAnswerValue } from "@/lib/instrument/answers";

export type TSaveStatus = "saved" | "saving" | "offline" | "signedOut" | "submitted" | "versionChanged";
export type TServerAnswers = Record<string, { value: TAnswerValue | null; revision: number }>;

const SEND_DELAY_MS = 400;
const SYNC_EVERY_MS = 15_000;
const MAX_BACKOFF_MS = 8_000;

function fromServer(server: TServerAnswers): TAnswers {
  const answers: TAnswers = {};
  for (const [code, a] of Object.entries(server)) if (a.value !== null) answers[code] = a.value;
  return answers;
}

function withPending(answers: TAnswers, state: TQueueState): TAnswers {
  const next = { ...answers };
  for (const p of state.pending) next[p.item] = p.value ?? undefined;
  return next;
}

/**
 * Answers as the expert sees them, and their way to the server. Every change is written to the
 * durable queue at once and sent shortly after; only the server's acknowledgement (sent after
 * PostgreSQL commits) removes it. Sending is serialised across tabs with a Web Lock.
 */
export function useAutosave({ userId, versionId, server }: { userId: string; versionId: string; server: TServerAnswers }) {
  const key = queueKey(userId, versionId);
  const [answers, setAnswers] = useState<TAnswers>(() => fromServer(server));
  const [status, setStatus] = useState<TSaveStatus>("saved");
  const [updatedElsewhere, setUpdatedElsewhere] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const backoff = useRef(1_000);
  const stopped = useRef(false);
  const flushRef = useRef<(options?: { wait?: boolean }) => Promise<void>>(async () => {});

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  const markElsewhere = (item: string) => setUpdatedElsewhere((prev) => (prev.includes(item) ? prev : [...prev, item]));

  /** Sends queued changes one by one until the queue is empty or the server cannot be reached. */
  const sendAll = useCallback(async () => {
    for (;;) {
      let state = readQueue(localStorage, key);
      const next = state.pending[0];
      if (!next) {
        setStatus((s) => (s === "submitted" ? s : "saved"));
        return;
      }
      setStatus("saving");
      // From now on the server may apply it even if its answer never arrives: later changes queue behind it.
      writeQueue(localStorage, key, markSent(state, next.mutationId));
      let res: Response;
      try {
        res = await fetch("/api/expert/answers", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ mutationId: next.mutationId, versionId, item: next.item, baseRevision: state.revisions[next.item] ?? 0, value: next.value }),
        });
      } catch {
        setStatus("offline");
        schedule(backoff.current);
        backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
        return;
      }
      const body = (await res.json().catch(() => null)) as { status?: string; revision?: number; value?: TAnswerValue | null; error?: { code?: string } } | null;
      state = readQueue(localStorage, key);
      if (res.ok && body?.status === "saved") {
        writeQueue(localStorage, key, acknowledge(state, next, body.revision!));
        backoff.current = 1_000;
      } else if (res.status === 409 && body?.status === "conflict") {
        writeQueue(localStorage, key, adoptServer(state, next.item, body.revision!, body.value ?? null));
        setAnswers((prev) => ({ ...prev, [next.item]: body.value ?? undefined }));
        markElsewhere(next.item);
      } else if (res.status === 409 && body?.error?.code === "submitted") {
        // Kept, not sent: if a coordinator reopens the response, they go out then.
        setStatus("submitted");
        return;
      } else if (res.status === 409 && body?.error?.code === "version_changed") {
        setStatus("versionChanged");
        return;
      } else if (res.status === 401 || res.status === 403) {
        // Signed out (e.g. the session expired): keep everything queued until the expert is back.
        setStatus("signedOut");
        return;
      } else if (res.status === 400 || res.status === 404 || res.status === 409) {
        // Refused for good (invalid, unknown, or a reused mutation id): retrying cannot succeed and
        // would block every later save. The form shows why an answer is invalid.
        writeQueue(localStorage, key, { ...state, pending: state.pending.filter((p) => p.mutationId !== next.mutationId) });
      } else {
        setStatus("offline");
        schedule(backoff.current);
        backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF_MS);
        return;
      }
    }
  }, [key, schedule, versionId]);

  /**
   * Sends what is queued. By default it skips if another send (in this tab or another) is under
   * way, since that one empties the queue; `wait` instead waits for it and then sends the rest.
   */
  const flush = useCallback(
    async (options: { wait?: boolean } = {}) => {
      if (stopped.current) return;
      if (typeof navigator !== "undefined" && navigator.locks) {
        await navigator.locks.request(key, { ifAvailable: !options.wait }, async (lock) => {
          if (lock) await sendAll();
        });
      } else {
        await sendAll();
      }
    },
    [key, sendAll],
  );
  flushRef.current = flush;

  const setAnswer = useCallback(
    (item: string, value: TAnswerValue | undefined) => {
      setAnswers((prev) => ({ ...prev, [item]: value }));
      setUpdatedElsewhere((prev) => prev.filter((c) => c !== item));
      const state = readQueue(localStorage, key);
      writeQueue(localStorage, key, enqueue(state, { mutationId: crypto.randomUUID(), item, value: value ?? null }));
      setStatus((s) => (s === "offline" || s === "signedOut" || s === "versionChanged" ? s : "saving"));
      schedule(SEND_DELAY_MS);
    },
    [key, schedule],
  );

  /** Takes newer answers saved elsewhere (another device, or a reopened response) for items with no unsent change here. */
  const sync = useCallback(async () => {
    try {
      const res = await fetch("/api/expert/questionnaire", { cache: "no-store" });
      if (res.status === 401 || res.status === 403) {
        setStatus("signedOut");
        return;
      }
      if (!res.ok) return;
      const data = (await res.json()) as { questionnaire: { versionId: string; answers: TServerAnswers } | null };
      if (!data.questionnaire || data.questionnaire.versionId !== versionId) return;
      let state = readQueue(localStorage, key);
      const changed: Record<string, TAnswerValue | undefined> = {};
      for (const [item, a] of Object.entries(data.questionnaire.answers)) {
        const known = state.revisions[item] ?? 0;
        if (a.revision > known && !state.pending.some((p) => p.item === item)) {
          state = adoptServer(state, item, a.revision, a.value);
          changed[item] = a.value ?? undefined;
        }
      }
      const items = Object.keys(changed);
      if (items.length) {
        writeQueue(localStorage, key, state);
        setAnswers((prev) => ({ ...prev, ...changed }));
        items.forEach(markElsewhere);
      }
      setStatus((s) => (s === "signedOut" ? "saved" : s));
      void flush();
    } catch {
      setStatus("offline");
    }
  }, [flush, key, versionId]);

  useEffect(() => {
    stopped.current = false;
    // Whichever is newer per item wins: the server's snapshot in this page, or what this browser
    // saw acknowledged since (a page reloaded offline is an older copy). Unsent changes go on top.
    const state = readQueue(localStorage, key);
    const shown = fromServer(server);
    for (const [item, a] of Object.entries(server)) {
      if ((state.revisions[item] ?? 0) < a.revision) {
        state.revisions[item] = a.revision;
        state.values[item] = a.value;
      }
    }
    for (const [item, revision] of Object.entries(state.revisions)) {
      if (revision > (server[item]?.revision ?? 0) && item in state.values) shown[item] = state.values[item] ?? undefined;
    }
    writeQueue(localStorage, key, state);
    // localStorage exists only in the browser, so it joins the server's answers after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAnswers(withPending(shown, state));
    void flush();

    const onStorage = (e: StorageEvent) => {
      if (e.key !== key) return;
      setAnswers((prev) => withPending(prev, readQueue(localStorage, key)));
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

  const pendingCount = () => readQueue(localStorage, key).pending.length;
  return { answers, setAnswer, status, updatedElsewhere, flush, sync, pendingCount };
}
