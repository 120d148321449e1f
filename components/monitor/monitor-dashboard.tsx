"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { LocalTime } from "@/components/interview/local-time";
import { useLiveEvents } from "@/components/live/use-live";
import { api } from "@/lib/api/client";
import type { TMonitor } from "@/lib/monitor/service";
import { Funnel } from "./funnel";
import { TargetGrid } from "./target-grid";
import { CellTable } from "./cell-table";
import { TargetsEditor } from "./targets-editor";
import { Completion } from "./completion";
import { Activity } from "./activity";

/**
 * The monitoring page's numbers. They come from one JSON route and are fetched again whenever the
 * study's panel or responses change (server-sent events), so they stay current without a reload.
 */
export function MonitorDashboard({ studyId, initial }: { studyId: string; initial: TMonitor }) {
  const t = useTranslations("monitor");
  const live = useTranslations("live");
  const [data, setData] = useState(initial);
  const [failed, setFailed] = useState(false);

  const refetch = useCallback(async () => {
    const res = await api("GET /api/coordinator/studies/[studyId]/monitor", { params: { studyId }, query: { wave: initial.wave ?? undefined } });
    if (res.ok) setData(res.data);
    setFailed(!res.ok);
  }, [studyId, initial.wave]);
  const status = useLiveEvents(studyId, ["panel", "responses", "answers"], () => void refetch());

  return (
    <div className="stack">
      <p className="muted" role="status" data-live-status={status}>
        {live(status)} · {t("updated")} <LocalTime iso={data.generatedAt} style="time" />
      </p>
      {failed && (
        <p className="alert error" role="alert">
          {t("loadFailed")}
        </p>
      )}
      <Funnel data={data} />
      <TargetGrid cells={data.cells} />
      <CellTable cells={data.cells} />
      <TargetsEditor studyId={studyId} cells={data.cells} onSaved={refetch} />
      <Completion data={data} />
      <Activity rows={data.activity} />
    </div>
  );
}
