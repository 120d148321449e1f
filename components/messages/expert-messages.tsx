"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { api, type TResponseOf } from "@/lib/api/client";
import { MessagesTable } from "./messages-table";
import "./messages.css";

type THistory = TResponseOf<"GET /api/coordinator/experts/[id]/messages">;

const INVITABLE = ["VETTED", "INVITED", "STARTED", "COMPLETED"];

/**
 * One expert's messages, with "send invitation" and the expert's reminder pause switch. For the
 * expert detail page; needs the "messages" namespace in ClientMessages.
 */
export function ExpertMessages({ expertId }: { expertId: string }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  const [data, setData] = useState<THistory | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    void api("GET /api/coordinator/experts/[id]/messages", { params: { id: expertId } }).then((res) => {
      if (!current) return;
      if (res.ok) setData(res.data);
      else setError(res.error.message ?? common("unexpectedError"));
    });
    return () => {
      current = false;
    };
  }, [expertId, version, common]);

  // While a message is queued, look again every few seconds for its delivery status.
  const queued = data?.messages.some((m) => m.status === "QUEUED") ?? false;
  useEffect(() => {
    if (!queued) return;
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [queued, load]);

  if (!data) return error ? <p className="alert error" role="alert">{error}</p> : null;
  const invitable = INVITABLE.includes(data.expert.status);

  const invite = async () => {
    setBusy(true);
    setError(null);
    const res = await api("POST /api/coordinator/messages/invitations", { body: { studyId: data.expert.studyId, expertIds: [expertId] } });
    setBusy(false);
    if (!res.ok) setError(res.error.message ?? common("unexpectedError"));
    load();
  };

  const togglePause = async (paused: boolean) => {
    setBusy(true);
    setError(null);
    const res = await api("PUT /api/coordinator/experts/[id]/reminders", { params: { id: expertId }, body: { paused } });
    setBusy(false);
    if (!res.ok) setError(res.error.message ?? common("unexpectedError"));
    load();
  };

  return (
    <section className="stack" aria-labelledby={`expert-messages-${expertId}`}>
      <h2 id={`expert-messages-${expertId}`}>{t("historyTitle")}</h2>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" disabled={busy || !invitable} onClick={invite}>
          {t("sendInvitation")}
        </button>
      </div>
      {!invitable && <p className="hint">{t("notInvitable", { status: t(`expertStatuses.${data.expert.status}` as "expertStatuses.VETTED") })}</p>}
      <label className="msg-check">
        <input type="checkbox" disabled={busy} checked={data.expert.remindersPaused} onChange={(e) => togglePause(e.target.checked)} />
        {t("remindersPaused")}
      </label>
      {data.messages.length === 0 ? (
        <p className="muted">{t("historyEmpty")}</p>
      ) : (
        <MessagesTable messages={data.messages} caption={t("historyTitle")} withRecipient={false} />
      )}
    </section>
  );
}
