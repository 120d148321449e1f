"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";
import { useLiveEvents } from "@/components/live/use-live";

/**
 * Re-renders the page when the study's messages or panel change in any app instance (live events),
 * and, as a safety net for an event missed while connecting, every few seconds while a message is queued.
 */
export function MessagesRefresh({ studyId, queued }: { studyId: string; queued: boolean }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  useLiveEvents(studyId, ["messages", "panel"], refresh);
  useEffect(() => {
    if (!queued) return;
    const timer = setInterval(refresh, 3000);
    return () => clearInterval(timer);
  }, [queued, refresh]);
  return null;
}
