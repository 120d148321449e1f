"use client";

import { useTranslations } from "next-intl";
import type { TMonitor } from "@/lib/monitor/service";
import { TableWrap, usePercent } from "./shared";

export function Funnel({ data }: { data: TMonitor }) {
  const t = useTranslations("monitor");
  const percent = usePercent();
  return (
    <section aria-labelledby="monitor-funnel">
      <h2 id="monitor-funnel">{t("funnelTitle")}</h2>
      <TableWrap labelledBy="monitor-funnel">
        <table data-testid="funnel">
          <caption className="muted">{t("funnelCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stage")}</th>
              <th scope="col">{t("count")}</th>
              <th scope="col">{t("ofNominated")}</th>
              <th scope="col">{t("fromPrevious")}</th>
            </tr>
          </thead>
          <tbody>
            {data.overall.stages.map((s) => (
              <tr key={s.stage} data-testid={`funnel-${s.stage}`}>
                <th scope="row">{t(`stages.${s.stage}`)}</th>
                <td data-testid={`funnel-${s.stage}-count`}>{s.count}</td>
                <td>{percent(s.ofNominated)}</td>
                <td>{percent(s.fromPrevious)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">{t("outside", { declined: data.overall.declined, withdrawn: data.overall.withdrawn, rejected: data.overall.rejected })}</p>
    </section>
  );
}
