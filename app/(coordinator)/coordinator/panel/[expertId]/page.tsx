import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/components/layout/client-messages";
import { ExpertMessages } from "@/components/messages/expert-messages";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ExpertForm } from "@/components/panel/expert-form";
import { ExpertLink, StatusActions } from "@/components/panel/status-actions";
import { VettingForm } from "@/components/panel/vetting-form";
import { requirePageActor } from "@/lib/auth/actor";
import "@/components/panel/panel.css";
import { AppError } from "@/lib/errors";
import type { TStatusAction } from "@/lib/panel/schemas";
import { getExpert } from "@/lib/panel/service";
import { ACTIVE_STATUSES } from "@/lib/panel/status";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("expert");

type TProps = { params: Promise<{ expertId: string }> };

async function load(actor: Awaited<ReturnType<typeof requirePageActor>>, expertId: string) {
  if (!z.uuid().safeParse(expertId).success) notFound();
  try {
    return await getExpert(actor, expertId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function ExpertPage({ params }: TProps) {
  const { expertId } = await params;
  const actor = await requirePageActor("COORDINATOR", `/coordinator/panel/${expertId}`);
  const [expert, t, common, locale] = await Promise.all([load(actor, expertId), getTranslations("panel"), getTranslations("common"), getLocale()]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const status = t(`statuses.${expert.status}`);
  const actions: TStatusAction[] = ACTIVE_STATUSES.includes(expert.status)
    ? ["decline", "withdraw"]
    : expert.status === "DECLINED" || expert.status === "WITHDRAWN"
      ? ["reinstate"]
      : [];
  const canDecide = expert.status === "NOMINATED" || expert.status === "VETTED" || expert.status === "REJECTED";

  return (
    <ClientMessages namespaces={["coordinator", "panel", "live", "messages"]}>
      <div className="pn stack">
        <CoordinatorNav current="/coordinator/panel" />
        <p>
          <Link href={`/coordinator/panel?study=${expert.studyId}`}>{t("backToPanel")}</Link>
        </p>
        <h1>
          {common("expertPseudonym", { n: expert.pseudonym })}: {expert.user.name}
        </h1>
        <p className="muted">
          {common(`countries.${expert.country}` as "countries.RU")} · {common(`groups.${expert.expertGroup}`)} · {locale === "en" ? expert.study.titleEn : expert.study.titleRu}
        </p>

        <p>
          <Link href={`/coordinator/panel/${expert.id}/record`}>{t("openRecord")}</Link>
        </p>

        <section className="card stack" aria-labelledby="status-title">
          <h2 id="status-title">{t("statusTitle")}</h2>
          <LiveRefresh studyId={expert.studyId} topics={["panel"]} quiet />
          <p data-testid="expert-status">{t("currentStatus", { status })}</p>
          {expert.decidedAt && <p className="muted">{t("decidedBy", { name: expert.decidedBy?.name ?? "—", at: date.format(expert.decidedAt) })}</p>}
          {expert.invitedAt && <p className="muted">{t("invitedAt", { at: date.format(expert.invitedAt) })}</p>}
          <StatusActions expertId={expert.id} actions={actions} />
        </section>

        <section className="card stack" aria-labelledby="vetting-title">
          <h2 id="vetting-title">{t("vettingTitle")}</h2>
          <p className="muted">{t("vettingLead")}</p>
          <VettingForm expertId={expert.id} initial={expert.vetting} canDecide={canDecide} />
        </section>

        <section className="card stack" aria-labelledby="profile-title">
          <h2 id="profile-title">{t("profileTitle")}</h2>
          <ExpertForm
            mode="edit"
            expertId={expert.id}
            initial={{
              name: expert.user.name,
              email: expert.user.email,
              country: expert.country as "RU",
              expertGroup: expert.expertGroup,
              organisation: expert.organisation,
              position: expert.position,
              degree: expert.degree,
              publications: expert.publications,
              experienceYears: expert.experienceYears,
              leadershipRole: expert.leadershipRole,
              language: expert.user.language,
              track: expert.track,
              notes: expert.notes,
            }}
          />
        </section>

        <section className="card stack" aria-labelledby="link-title">
          <h2 id="link-title">{t("invitationTitle")}</h2>
          <ExpertLink expertId={expert.id} />
        </section>

        <div className="card">
          <ExpertMessages expertId={expert.id} />
        </div>
      </div>
    </ClientMessages>
  );
}
