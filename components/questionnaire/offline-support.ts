"use client";

import { QUEUE_PREFIX, readQueue, writeQueue } from "@/lib/autosave/storage";

const CACHE = "expert-panel-pages-v1";

/**
 * Registers the questionnaire's service worker and stores this page and the scripts it already
 * loaded, so the page can be reloaded even while the network is down.
 */
export async function enableOfflineReload(): Promise<void> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  try {
    await navigator.serviceWorker.register("/expert-sw.js", { scope: "/expert/" });
    const cache = await caches.open(CACHE);
    const scripts = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith("/_next/static/"));
    await Promise.all([cache.add(location.pathname), ...scripts.map((url) => cache.add(url))]);
  } catch {
    // Offline reload is a convenience; answers are safe in the durable queue either way.
  }
}

/**
 * On sign-out: remove the cached pages and the copies of saved answers, which hold this expert's
 * answers. Changes not yet saved (queued, or refused and shown on their item) are kept, so signing
 * out never loses them.
 */
export async function clearOfflineCopies(): Promise<void> {
  if ("caches" in window) await caches.delete(CACHE).catch(() => false);
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(QUEUE_PREFIX)) continue;
    const state = readQueue(localStorage, key);
    if (state.pending.length === 0 && Object.keys(state.refused).length === 0) localStorage.removeItem(key);
    else writeQueue(localStorage, key, { ...state, values: {} });
  }
}
