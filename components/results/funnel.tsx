import { getTranslations } from "next-intl/server";
import { FunnelTable } from "@/components/monitor/funnel-table";
import type { TFunnel } from "@/lib/monitor/service";

/** The response funnel as the report's first key figure (a server component; the monitor page has the details). */
export async function ResultsFunnel({ funnel, studyId }: { funnel: Promise<TFunnel>; studyId: string }) {
  const [data, t, tr] = await Promise.all([funnel, getTranslations("monitor"), getTranslations("results")]);
  return (
    <div className="card">
      <div className="table-wrap">
        <FunnelTable funnel={data} testId="results-funnel" decimals={1} />
      </div>
      <p className="muted">{t("outside", { declined: data.declined, withdrawn: data.withdrawn, rejected: data.rejected })}</p>
      <p className="no-print">
        <a href={`/coordinator/monitor?study=${studyId}`}>{tr("funnelMore")}</a>
      </p>
    </div>
  );
}
