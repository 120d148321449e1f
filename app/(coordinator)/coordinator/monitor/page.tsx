import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { WavePicker } from "@/components/coordinator/wave-picker";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { MonitorDashboard } from "@/components/monitor/monitor-dashboard";
import { requirePageActor } from "@/lib/auth/actor";
import { getMonitor } from "@/lib/monitor/service";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("monitor");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MonitorPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/monitor");
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("monitor"), getLocale()]);
  const params = await searchParams;
  const asked = params.study;
  const wave = Number(Array.isArray(params.wave) ? params.wave[0] : params.wave) || undefined;
  if (asked && !studies.some((s) => s.id === asked)) notFound();
  const study = chooseStudy(studies, asked);
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  const initial = study ? await getMonitor(actor, study.id, wave) : null;
  return (
    <ClientMessages namespaces={["monitor", "live"]}>
      <CoordinatorNav current="/coordinator/monitor" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <StudyPicker action="/coordinator/monitor" studies={studies} current={study?.id} />
      {study && initial ? (
        <section aria-labelledby="monitor-study-title">
          <h2 id="monitor-study-title">{title(study)}</h2>
          <WavePicker action="/coordinator/monitor" studyId={study.id} waves={initial.waves} current={initial.wave} />
          <MonitorDashboard key={`${study.id}:${initial.wave}`} studyId={study.id} initial={initial} />
        </section>
      ) : (
        <p className="card muted">{t("noStudies")}</p>
      )}
    </ClientMessages>
  );
}
