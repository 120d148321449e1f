"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";

export type TInvitableExpert = { id: string; pseudonym: number; name: string; status: string; language: "ru" | "en" };

/** Invite one expert, a selection, or every vetted expert not yet invited. */
export function InvitePanel({ studyId, experts }: { studyId: string; experts: TInvitableExpert[] }) {
  const t = useTranslations("messages");
  const common = useTranslations("common");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TOutcome | null>(null);
  const vetted = experts.filter((e) => e.status === "VETTED").length;

  const invite = async (body: { expertIds: string[] } | { allVetted: true }) => {
    setBusy(true);
    setResult(null);
    const res = await api("POST /api/coordinator/messages/invitations", { body: { studyId, ...body } });
    setBusy(false);
    if (!res.ok) {
      setResult({ kind: "error", text: res.error.message ?? common("unexpectedError") });
      return;
    }
    setResult({ kind: "success", text: t("queued", { count: res.data.messageIds.length }) });
    setSelected(new Set());
    router.refresh();
  };

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (experts.length === 0) return <p className="muted">{t("noInvitable")}</p>;
  return (
    <div className="stack">
      <fieldset className="msg-experts">
        <legend className="muted">{t("inviteLead")}</legend>
        <label className="msg-check">
          <input
            type="checkbox"
            checked={selected.size === experts.length}
            onChange={(e) => setSelected(e.target.checked ? new Set(experts.map((x) => x.id)) : new Set())}
          />
          {t("selectAll")}
        </label>
        {experts.map((e) => (
          <label key={e.id} className="msg-check">
            <input type="checkbox" checked={selected.has(e.id)} onChange={() => toggle(e.id)} aria-label={t("select", { name: `${common("expertPseudonym", { n: e.pseudonym })} ${e.name}` })} />
            <span>
              {common("expertPseudonym", { n: e.pseudonym })} · {e.name} · {t(`expertStatuses.${e.status}` as "expertStatuses.VETTED")} · {e.language.toUpperCase()}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row-actions">
        <button type="button" disabled={busy || selected.size === 0} onClick={() => invite({ expertIds: [...selected] })}>
          {busy ? t("inviting") : t("inviteSelected", { count: selected.size })}
        </button>
        <button type="button" className="secondary" disabled={busy || vetted === 0} onClick={() => invite({ allVetted: true })}>
          {t("inviteAllVetted", { count: vetted })}
        </button>
      </div>
      <OutcomeAlert outcome={result} />
    </div>
  );
}
