import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { chooseStudy } from "@/components/coordinator/study-picker";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { RoundReport } from "@/components/rounds/round-report";
import { requirePageActor } from "@/lib/auth/actor";
import { getRoundReport } from "@/lib/delphi/rounds";
import { pageMetadata } from "@/lib/i18n/metadata";
import { listStudies } from "@/lib/study/service";

export const generateMetadata = pageMetadata("roundReport");

type TProps = { params: Promise<{ waveId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RoundReportPage({ params, searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/rounds");
  const [{ waveId }, studies, t, locale] = await Promise.all([params, listStudies(actor), getTranslations("rounds"), getLocale()]);
  const study = chooseStudy(studies, (await searchParams).study);
  if (!study) notFound();
  const report = await getRoundReport(actor, study.id, waveId).catch((error: unknown) => {
    if ((error as { status?: number }).status === 404) notFound();
    throw error;
  });
  const base = `/api/coordinator/studies/${study.id}/rounds/${waveId}/report`;
  return (
    <>
      <CoordinatorNav current="/coordinator/rounds" />
      <p>
        <Link href={`/coordinator/rounds?study=${study.id}`}>{t("backToRounds")}</Link>
      </p>
      <h1>{t("reportTitle", { number: report.wave.number })}</h1>
      <p className="muted">{t("reportLead", { k: report.k })}</p>
      <p>{t("respondents", { count: report.respondents })}</p>
      <nav aria-label={t("download")} className="row-actions">
        <a className="button secondary" href={`${base}?table=report&format=csv`} download>
          {t("downloadReportCsv")}
        </a>
        <a className="button secondary" href={`${base}?table=report&format=xlsx`} download>
          {t("downloadReportXlsx")}
        </a>
        <a className="button secondary" href={`${base}?table=comparison&format=csv`} download>
          {t("downloadComparisonCsv")}
        </a>
        <a className="button secondary" href={`${base}?table=comparison&format=xlsx`} download>
          {t("downloadComparisonXlsx")}
        </a>
      </nav>
      <RoundReport rows={report.rows} items={report.items} k={report.k} lang={locale === "en" ? "en" : "ru"} />
    </>
  );
}
