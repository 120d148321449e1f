import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DeleteDemoStudy } from "@/components/coordinator/delete-demo-study";
import { StudyDashboard } from "@/components/coordinator/study-dashboard";
import { StudyStatusControls } from "@/components/coordinator/study-status-controls";
import { TeamManager } from "@/components/coordinator/team-manager";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { pageMetadata } from "@/lib/i18n/metadata";
import { AppError } from "@/lib/errors";
import { NEXT_STATUS } from "@/lib/study/lifecycle";
import { getStudyDashboard } from "@/lib/monitor/dashboard";
import { getStudySettings } from "@/lib/study/service";
import { listMembers } from "@/lib/study/team";

export const generateMetadata = pageMetadata("study");

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  if (!z.uuid().safeParse(studyId).success) notFound();
  const actor = await requirePageActor("COORDINATOR", `/coordinator/studies/${studyId}`);
  const found = await Promise.all([getStudySettings(actor, studyId), listMembers(actor, studyId), getStudyDashboard(actor, studyId)]).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [study, members, dashboard] = found;
  const [t, common, locale] = await Promise.all([getTranslations("studies"), getTranslations("common"), getLocale()]);
  const en = locale === "en";
  const next = NEXT_STATUS[study.status] as "FIELDWORK" | "CLOSED" | "ARCHIVED" | null;
  return (
    <ClientMessages namespaces={["studies"]}>
      <CoordinatorNav current="/coordinator" />
      <h1>{en ? study.titleEn : study.titleRu}</h1>
      <p>
        {t("statusLabel")}: <strong data-testid="study-status">{t(`statuses.${study.status}`)}</strong>
      </p>
      <p className="muted">{t(`statusHelp.${study.status}`)}</p>
      <StudyStatusControls studyId={study.id} next={next} />
      {(en ? study.descriptionEn : study.descriptionRu) && <p>{en ? study.descriptionEn : study.descriptionRu}</p>}
      <div className="row-actions">
        <Link href={`/coordinator/monitor?study=${study.id}`}>{t("monitor")}</Link>
        <Link href={`/coordinator/panel?study=${study.id}`}>{t("panel")}</Link>
        <Link href={`/coordinator/results?study=${study.id}`}>{t("results")}</Link>
        <Link href={`/coordinator/exports?study=${study.id}`}>{t("exports")}</Link>
      </div>
      <StudyDashboard studyId={study.id} data={dashboard} />
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("settingsTitle")}</h2>
        <dl className="card">
          <dt>{t("fields.languages")}</dt>
          <dd>{study.languages.map((l) => t(`languageNames.${l}`)).join(", ")}</dd>
          <dt>{t("fields.consentVersion")}</dt>
          <dd>{study.consentVersion}</dd>
          <dt>{t("fields.suppressionK")}</dt>
          <dd>{study.suppressionK}</dd>
          <dt>{t("fields.percentDecimals")}</dt>
          <dd>{study.percentDecimals}</dd>
          <dt>{t("fields.invitationTtlDays")}</dt>
          <dd>{study.invitationTtlDays ?? t("installationDefault")}</dd>
          <dt>{t("fields.fieldwork")}</dt>
          <dd>
            {day(study.fieldworkStart)} – {day(study.fieldworkEnd)}
          </dd>
          <dt>{t("sections.cells")}</dt>
          <dd>
            {study.targets.length === 0
              ? "—"
              : study.targets.map((c) => `${common(`countries.${c.country}`)} × ${common(`groups.${c.expertGroup}`)}: ${c.target}`).join("; ")}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t("teamTitle")}</h2>
        <TeamManager studyId={study.id} members={members} readOnly={study.status === "ARCHIVED"} />
      </section>
      {study.isDemo && (
        <section aria-labelledby="delete-demo-title">
          <h2 id="delete-demo-title">{t("deleteDemo.title")}</h2>
          <DeleteDemoStudy studyId={study.id} />
        </section>
      )}
    </ClientMessages>
  );
}
