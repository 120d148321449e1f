import { useLocale, useTranslations } from "next-intl";
import type { TFunnel } from "@/lib/monitor/service";

/** The response funnel's stages with both rates: the monitor's (live) and the results report's first key figure. */
export function FunnelTable({ funnel, testId, decimals }: { funnel: TFunnel; testId: string; decimals: 0 | 1 }) {
  const t = useTranslations("monitor");
  const percent = new Intl.NumberFormat(useLocale(), { style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const share = (v: number | null) => (v === null ? "—" : percent.format(v));
  return (
    <table data-testid={testId}>
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
        {funnel.stages.map((s) => (
          <tr key={s.stage} data-testid={`funnel-${s.stage}`}>
            <th scope="row">{t(`stages.${s.stage}`)}</th>
            <td className="num" data-testid={`funnel-${s.stage}-count`}>
              {s.count}
            </td>
            <td className="num">{share(s.ofNominated)}</td>
            <td className="num">{share(s.fromPrevious)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
