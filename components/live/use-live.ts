"use client";
import { useEffect, useRef, useState } from "react";
import { apiHref } from "@/lib/api/client";
import type { TLiveTopic } from "@/lib/live/events";
import type { TLiveChange } from "@/lib/monitor/contract";

export type TLiveStatus = "connecting" | "live" | "offline";

/**
 * Calls `onChange` when one of `topics` changes in the study, in any app instance (server-sent
 * events from /api/coordinator/studies/[studyId]/live). Bursts are coalesced: at most one call per
 * `debounceMs`, and always one after the last event. Each time the stream (re)connects it calls
 * `onChange` once more, since changes may have happened before it was listening.
 */
export function useLiveEvents(studyId: string, topics: readonly TLiveTopic[], onChange: () => void, options: { debounceMs?: number } = {}): TLiveStatus {
  const debounceMs = options.debounceMs ?? 400;
  const [status, setStatus] = useState<TLiveStatus>("connecting");
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);
  const topicKey = [...topics].sort().join(",");

  useEffect(() => {
    const wanted = new Set(topicKey.split(","));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRun = 0;

    const run = () => {
      timer = null;
      lastRun = Date.now();
      callback.current();
    };
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(run, Math.max(0, lastRun + debounceMs - Date.now()));
    };

    const source = new EventSource(apiHref("GET /api/coordinator/studies/[studyId]/live", { params: { studyId } }));
    source.addEventListener("ready", () => {
      setStatus("live");
      // Whatever changed between the page's render and this subscription (or while reconnecting)
      // sent no event this page heard: look once.
      schedule();
    });
    source.addEventListener("change", (e) => {
      try {
        const { topic } = JSON.parse((e as MessageEvent<string>).data) as TLiveChange;
        if (topic === "resync" || wanted.has(topic)) schedule();
      } catch {
        // Malformed events are ignored.
      }
    });
    source.addEventListener("error", () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting"));
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [studyId, topicKey, debounceMs]);

  return status;
}
