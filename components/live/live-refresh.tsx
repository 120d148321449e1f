"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useLiveEvents } from "@/components/live/use-live";
import type { TLiveTopic } from "@/lib/live/events";

/**
 * Re-renders the server component page around it whenever one of `topics` changes in the study.
 * Its line says so ("Live: numbers update…") only on pages of figures (`quiet` off); elsewhere it
 * speaks only when updates have stopped. Needs the "live" message namespace (ClientMessages).
 */
export function LiveRefresh({ studyId, topics, quiet = false }: { studyId: string; topics: readonly TLiveTopic[]; quiet?: boolean }) {
  const t = useTranslations("live");
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const status = useLiveEvents(studyId, topics, refresh);
  return (
    <p className="muted" role="status" data-live-status={status} hidden={quiet && status !== "offline"}>
      {t(status)}
    </p>
  );
}
