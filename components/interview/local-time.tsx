"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** True in the browser after hydration; false while rendering on the server and hydrating. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const STYLES = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
  date: { dateStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A moment shown in the reader's own time zone. The server does not know it, so the server's
 * rendering (and hydration) shows UTC, marked as such, and the browser then shows local time.
 */
export function LocalTime({ iso, style = "dateTime" }: { iso: string; style?: keyof typeof STYLES }) {
  const locale = useLocale();
  const client = useIsClient();
  const date = new Date(iso);
  const text = client
    ? new Intl.DateTimeFormat(locale, STYLES[style]).format(date)
    : `${new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: "UTC" }).format(date)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}

/** Seconds as H:MM:SS. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
}
