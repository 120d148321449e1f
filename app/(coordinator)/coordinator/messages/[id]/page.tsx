import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/interview/local-time";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { MessageActions } from "@/components/messages/message-actions";
import { LiveRefresh } from "@/components/live/live-refresh";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getMessage } from "@/lib/messaging/service";
import "@/components/messages/messages.css";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("message", { referrer: "no-referrer" });

/** One message; in outbox mode its text holds the expert's sign-in link for the coordinator to pass on. */
export default async function CoordinatorMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("COORDINATOR", `/coordinator/messages/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const message = await getMessage(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [t, common] = await Promise.all([getTranslations("messages"), getTranslations("common")]);
  return (
    <ClientMessages namespaces={["messages", "live"]}>
      <div className="stack">
        <CoordinatorNav current="/coordinator/messages" />
        <p>
          <Link href={`/coordinator/messages?study=${message.studyId}`}>{t("back")}</Link>
        </p>
        <h1>{t("messageTitle", { n: message.expert.pseudonym })}</h1>
        <LiveRefresh studyId={message.studyId} topics={["messages", "panel"]} quiet />
        <dl className="facts">
          <dt>{t("kind")}</dt>
          <dd>{t(`kinds.${message.kind}`)}</dd>
          <dt>{t("recipient")}</dt>
          <dd>
            {common("expertPseudonym", { n: message.expert.pseudonym })} · {message.expert.user.name}
          </dd>
          <dt>{t("to")}</dt>
          <dd>{message.toAddress}</dd>
          <dt>{t("language")}</dt>
          <dd>{message.language.toUpperCase()}</dd>
          <dt>{t("status")}</dt>
          <dd>
            <span className={`msg-badge msg-status-${message.status}`}>{t(`statuses.${message.status}`)}</span>
            {message.error && <> {t("failedReason", { reason: message.error })}</>}
          </dd>
          <dt>{t("transport")}</dt>
          <dd>{message.transport ? t(`transports.${message.transport as "smtp" | "outbox"}`) : "—"}</dd>
          <dt>{t("created")}</dt>
          <dd>
            <LocalTime iso={message.createdAt.toISOString()} />
          </dd>
          <dt>{t("sent")}</dt>
          <dd>{message.sentAt ? <LocalTime iso={message.sentAt.toISOString()} /> : "—"}</dd>
        </dl>
        {message.status === "SENT" ? (
          <section className="card stack" aria-labelledby="msg-text">
            <h2 id="msg-text">{t("body")}</h2>
            <p className="hint">{message.transport === "outbox" ? t("outboxHint") : t("smtpHint")}</p>
            <p>
              <strong>{t("subject")}:</strong> <span data-testid="message-subject">{message.subject}</span>
            </p>
            <pre className="msg-body" data-testid="message-body">
              {message.body}
            </pre>
          </section>
        ) : (
          <p className="muted">{t("notRendered")}</p>
        )}
        <MessageActions messageId={message.id} expertId={message.expert.id} />
      </div>
    </ClientMessages>
  );
}
