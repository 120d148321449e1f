import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { MonitorDashboard } from "@/components/monitor/monitor-dashboard";
import { requirePageActor } from "@/lib/auth/actor";
import { getMonitor } from "@/lib/monitor/service";
import { listStudies } from "@/lib/study/service";

export const metadata: Metadata = { title: "Monitoring" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MonitorPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/monitor");
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("monitor"), getLocale()]);
  const asked = (await searchParams).study;
  if (asked && !studies.some((s) => s.id === asked)) notFound();
  const study = studies.find((s) => s.id === asked) ?? studies.find((s) => s.isDemo) ?? studies[0];
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  const initial = study ? await getMonitor(actor, study.id) : null;
  return (
    <ClientMessages namespaces={["monitor", "live"]}>
      <CoordinatorNav current="/coordinator/monitor" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {studies.length > 1 && (
        <form method="get" action="/coordinator/monitor" className="row-actions" style={{ alignItems: "end", marginBottom: "1rem" }}>
          <div style={{ flex: "1 1 16rem" }}>
            <label htmlFor="monitor-study">{t("study")}</label>
            <select id="monitor-study" name="study" defaultValue={study?.id}>
              {studies.map((s) => (
                <option key={s.id} value={s.id}>
                  {title(s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("show")}</button>
        </form>
      )}
      {study && initial ? (
        <section aria-labelledby="monitor-study-title">
          <h2 id="monitor-study-title">{title(study)}</h2>
          <MonitorDashboard key={study.id} studyId={study.id} initial={initial} />
        </section>
      ) : (
        <p className="card muted">{t("noStudies")}</p>
      )}
    </ClientMessages>
  );
}
