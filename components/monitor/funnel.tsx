"use client";

import { useTranslations } from "next-intl";
import type { TMonitor } from "@/lib/monitor/service";
import { FunnelTable } from "./funnel-table";
import { TableWrap } from "./shared";

export function Funnel({ data }: { data: TMonitor }) {
  const t = useTranslations("monitor");
  return (
    <section aria-labelledby="monitor-funnel">
      <h2 id="monitor-funnel">{t("funnelTitle")}</h2>
      <TableWrap labelledBy="monitor-funnel">
        <FunnelTable funnel={data.overall} testId="funnel" decimals={0} />
      </TableWrap>
      <p className="muted">{t("outside", { declined: data.overall.declined, withdrawn: data.overall.withdrawn, rejected: data.overall.rejected })}</p>
    </section>
  );
}
