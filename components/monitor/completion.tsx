"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatDuration } from "@/components/interview/local-time";
import type { TText } from "@/lib/i18n/text";
import type { TMonitor } from "@/lib/monitor/service";
import { TableWrap } from "./shared";

const sectionTitle = (title: TText | null, code: string, locale: string) => (title ? (locale === "en" ? title.en : title.ru) || code : code);

export function Completion({ data }: { data: TMonitor }) {
  const t = useTranslations("monitor");
  const locale = useLocale();
  const { sections, beforeFirstAnswer } = data.dropOff;
  return (
    <section aria-labelledby="monitor-time">
      <h2 id="monitor-time">{t("timeTitle")}</h2>
      <p data-testid="median-time">
        {data.completion.medianSeconds === null ? t("noMedian") : t("medianTime", { time: formatDuration(data.completion.medianSeconds), n: data.completion.submitted })}
      </p>
      <h2 id="monitor-dropoff">{t("dropOffTitle")}</h2>
      {sections.length === 0 && beforeFirstAnswer === 0 ? (
        <p className="muted">{t("noDropOff")}</p>
      ) : (
        <TableWrap labelledBy="monitor-dropoff">
          <table>
            <caption className="muted">{t("dropOffCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("section")}</th>
                <th scope="col">{t("responses")}</th>
              </tr>
            </thead>
            <tbody>
              {beforeFirstAnswer > 0 && (
                <tr>
                  <th scope="row">{t("beforeFirstAnswer")}</th>
                  <td>{beforeFirstAnswer}</td>
                </tr>
              )}
              {sections.map((s) => (
                <tr key={s.sectionCode} data-testid={`dropoff-${s.sectionCode}`}>
                  <th scope="row">
                    {s.sectionCode} · {sectionTitle(s.title, s.sectionCode, locale)}
                  </th>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
