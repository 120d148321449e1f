import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { InvitePanel } from "@/components/messages/invite-panel";
import { MessagesTable } from "@/components/messages/messages-table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { requirePageActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { DELIVERY_STATUSES, ZMessageFilters } from "@/lib/messaging/schemas";
import { invitableExperts, listMessages } from "@/lib/messaging/service";
import { MESSAGE_KINDS } from "@/lib/messaging/templates";
import { listStudies } from "@/lib/study/service";
import "@/components/messages/messages.css";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("messages");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoordinatorMessagesPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/messages");
  const params = await searchParams;
  const [studies, t] = await Promise.all([listStudies(actor), getTranslations("messages")]);
  const study = chooseStudy(studies, params.study);
  const filters = ZMessageFilters.parse({ status: params.status, kind: params.kind });
  const [messages, experts] = study ? await Promise.all([listMessages(actor, study.id, filters), invitableExperts(actor, study.id)]) : [[], []];
  const outbox = !env().SMTP_URL;
  return (
    <ClientMessages namespaces={["messages", "live"]}>
      <div className="stack">
        <CoordinatorNav current="/coordinator/messages" />
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
        <p className="alert">{outbox ? t("transportOutbox") : t("transportSmtp")}</p>
        {study && (
          <>
            <StudyPicker action="/coordinator/messages" studies={studies} current={study.id} />
            <p>
              <Link href={`/coordinator/messages/templates?study=${study.id}`}>{t("navTemplates")}</Link>
            </p>
            <h2>{t("inviteTitle")}</h2>
            <InvitePanel
              studyId={study.id}
              experts={experts.map((e) => ({ id: e.id, pseudonym: e.pseudonym, name: e.user.name, status: e.status, language: e.user.language }))}
            />
            <h2>{t("deliveryTitle")}</h2>
            <form method="get" action="/coordinator/messages" className="msg-filters">
              <input type="hidden" name="study" value={study.id} />
              <div>
                <label htmlFor="msg-status">{t("filterStatus")}</label>
                <select id="msg-status" name="status" defaultValue={filters.status ?? ""}>
                  <option value="">{t("any")}</option>
                  {DELIVERY_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statuses.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="msg-kind">{t("filterKind")}</label>
                <select id="msg-kind" name="kind" defaultValue={filters.kind ?? ""}>
                  <option value="">{t("any")}</option>
                  {MESSAGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="secondary">
                {t("apply")}
              </button>
            </form>
            <LiveRefresh studyId={study.id} topics={["messages", "panel"]} quiet />
            {messages.length === 0 ? (
              <p className="muted">{t("empty")}</p>
            ) : (
              <MessagesTable
                messages={messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null }))}
                caption={t("caption")}
                withRecipient
              />
            )}
          </>
        )}
      </div>
    </ClientMessages>
  );
}
