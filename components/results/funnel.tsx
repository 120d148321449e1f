import { getLocale, getTranslations } from "next-intl/server";
import type { TFunnel } from "@/lib/monitor/service";

/** The response funnel as the report's first key figure (a server component; the monitor page has the details). */
export async function ResultsFunnel({ funnel, studyId }: { funnel: Promise<TFunnel>; studyId: string }) {
  const [data, t, tr, locale] = await Promise.all([funnel, getTranslations("monitor"), getTranslations("results"), getLocale()]);
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const share = (v: number | null) => (v === null ? "—" : percent.format(v));
  return (
    <div className="card">
      <div className="table-wrap">
        <table data-testid="results-funnel">
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
            {data.stages.map((s) => (
              <tr key={s.stage}>
                <th scope="row">{t(`stages.${s.stage}`)}</th>
                <td className="num">{s.count}</td>
                <td className="num">{share(s.ofNominated)}</td>
                <td className="num">{share(s.fromPrevious)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t("outside", { declined: data.declined, withdrawn: data.withdrawn, rejected: data.rejected })}</p>
      <p className="no-print">
        <a href={`/coordinator/monitor?study=${studyId}`}>{tr("funnelMore")}</a>
      </p>
    </div>
  );
}
