"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

/**
 * Re-send (a new message with a fresh link) and re-issue (a fresh link shown here once, through
 * the panel's endpoint). Either way the expert's earlier link stops working.
 */
export function MessageActions({ messageId, expertId }: { messageId: string; expertId: string }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<TOutcome | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const resend = async () => {
    setBusy(true);
    setNote(null);
    const res = await api("POST /api/coordinator/messages/[id]/resend", { params: { id: messageId } });
    setBusy(false);
    setNote(res.ok ? { kind: "success", text: t("resent") } : { kind: "error", text: res.error.message ?? common("unexpectedError") });
    if (res.ok) router.refresh();
  };

  const reissue = async () => {
    setBusy(true);
    setNote(null);
    const res = await api("POST /api/coordinator/experts/[id]/invitation", { params: { id: expertId } });
    setBusy(false);
    if (res.ok) setLink(`${window.location.origin}${res.data.path}`);
    else setNote({ kind: "error", text: res.error.message ?? common("unexpectedError") });
  };

  return (
    <div className="stack">
      <div className="row-actions">
        <button type="button" className="secondary" disabled={busy} onClick={resend}>
          {t("resend")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={reissue}>
          {t("reissue")}
        </button>
      </div>
      <OutcomeAlert outcome={note} />
      {link && (
        <p role="status">
          {t("newLink")} <code className="link">{link}</code>
        </p>
      )}
    </div>
  );
}
