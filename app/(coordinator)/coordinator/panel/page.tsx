import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ExpertForm } from "@/components/panel/expert-form";
import { PanelFilters, readPanelFilters } from "@/components/panel/panel-filters";
import { PanelTable } from "@/components/panel/panel-table";
import { chooseStudy } from "@/components/coordinator/study-picker";
import { requirePageActor } from "@/lib/auth/actor";
import "@/components/panel/panel.css";
import { listExperts } from "@/lib/panel/service";
import { listStudies } from "@/lib/study/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("panel");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PanelPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/panel");
  const params = await searchParams;
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("panel"), getLocale()]);
  const title = (s: { titleEn: string; titleRu: string }) => (locale === "en" ? s.titleEn : s.titleRu);
  const study = chooseStudy(studies, params.study);
  const filters = readPanelFilters(params);
  const { experts, count } = study ? await listExperts(actor, { studyId: study.id, ...filters }) : { experts: [], count: 0 };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  return (
    <ClientMessages namespaces={["coordinator", "panel", "live"]}>
      <div className="pn stack">
        <CoordinatorNav current="/coordinator/panel" />
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
        {study && (
          <>
            <p>
              <Link href={`/coordinator/panel/import?study=${study.id}`}>{t("importLink")}</Link>
            </p>
            <PanelFilters studyId={study.id} studies={studies.map((s) => ({ id: s.id, title: title(s) }))} filters={filters} />
            <LiveRefresh studyId={study.id} topics={["panel", "responses"]} quiet />
            <p role="status" data-testid="panel-count">
              {t("count", { count })}
            </p>
            <PanelTable
              caption={t("tableCaption", { study: title(study) })}
              experts={experts.map((e) => ({
                id: e.id,
                pseudonym: e.pseudonym,
                name: e.user.name,
                email: e.user.email,
                country: e.country,
                group: e.expertGroup,
                organisation: e.organisation,
                status: e.status,
                track: e.track,
                lastActivity: e.lastActivityAt ? date.format(e.lastActivityAt) : null,
                linkRequested: Boolean(e.linkRequestedAt),
                response: e.responses[0] ? { id: e.responses[0].id, status: e.responses[0].status } : null,
              }))}
            />
            <section className="card stack" aria-labelledby="add-expert">
              <h2 id="add-expert">{t("addTitle")}</h2>
              <ExpertForm mode="create" studyId={study.id} />
            </section>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
