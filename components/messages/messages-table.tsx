import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/interview/local-time";
import type { TResponseOf } from "@/lib/api/client";
import { MessageActions } from "./message-actions";

/** A message as the lists show it (lib/messaging/contract.ts ZMessageRow), dates as ISO strings. */
export type TMessageRow = TResponseOf<"GET /api/coordinator/experts/[id]/messages">["messages"][number];

/** Messages with their delivery, and re-send / new link for each: the study's outbox and one expert's history. */
export function MessagesTable({ messages, caption, withRecipient }: { messages: TMessageRow[]; caption: string; withRecipient: boolean }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kind")}</th>
            {withRecipient && <th scope="col">{t("recipient")}</th>}
            <th scope="col">{t("language")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("transport")}</th>
            <th scope="col">{t("created")}</th>
            <th scope="col">{t("sent")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-testid={`message-${m.id}`}>
              <td>{t(`kinds.${m.kind}` as "kinds.INVITATION")}</td>
              {withRecipient && (
                <td>
                  {common("expertPseudonym", { n: m.expert.pseudonym })}
                  <br />
                  <span className="muted">{m.expert.user.name}</span>
                </td>
              )}
              <td>{m.language.toUpperCase()}</td>
              <td>
                <span className={`msg-badge msg-status-${m.status}`}>{t(`statuses.${m.status}`)}</span>
                {m.error && (
                  <p className="hint">
                    {t("failedReason", { reason: m.error })} ({t("attempts", { count: m.attempts })})
                  </p>
                )}
              </td>
              <td>{m.transport ? t(`transports.${m.transport as "smtp" | "outbox"}`) : "—"}</td>
              <td>
                <LocalTime iso={m.createdAt} />
              </td>
              <td>{m.sentAt ? <LocalTime iso={m.sentAt} /> : "—"}</td>
              <td className="stack">
                <Link href={`/coordinator/messages/${m.id}`}>{t("view")}</Link>
                <MessageActions messageId={m.id} expertId={m.expert.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
