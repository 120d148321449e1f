"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";
import { LocalTime } from "./local-time";
import type { TInterviewMode, TInterviewStatus } from "./types";
import { OutcomeAlert } from "@/components/forms/form-alert";
import { useOutcome } from "@/components/forms/use-outcome";
import { DataTable } from "@/components/ui/data-table";

export type TAdminInterviewRow = {
  id: string;
  plannedAt: string;
  mode: TInterviewMode;
  status: TInterviewStatus;
  expert: { pseudonym: number; name: string; country: string };
  interviewer: { name: string };
  guide: { name: string; number: number };
};

/** Every interview, for coordinators: open the read-only view, reopen a finished one, cancel one not finished. */
export function InterviewsAdminTable({ interviews }: { interviews: TAdminInterviewRow[] }) {
  const t = useTranslations("interviewsAdmin");
  const ti = useTranslations("interview");
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { outcome, succeed, report } = useOutcome();

  const act = async (id: string, action: "reopen" | "cancel") => {
    setBusy(id);
    succeed(null);
    const params = { interviewId: id };
    const res = action === "reopen" ? await api("POST /api/coordinator/interviews/[interviewId]/reopen", { params }) : await api("POST /api/coordinator/interviews/[interviewId]/cancel", { params });
    setBusy(null);
    setConfirming(null);
    report(res, action === "reopen" ? t("reopened") : t("cancelled"));
  };

  if (interviews.length === 0) return <p className="card muted">{t("none")}</p>;
  return (
    <div className="stack">
      <OutcomeAlert outcome={outcome} />
      <DataTable columns={[t("columns.when"), t("columns.expert"), t("columns.interviewer"), t("columns.guide"), t("columns.mode"), t("columns.status"), t("columns.actions")]} className="iv-table-cards" testId="admin-interviews">
        {interviews.map((iv) => {
          const expert = t("expertOption", { n: iv.expert.pseudonym, name: iv.expert.name, country: common(`countries.${iv.expert.country}` as "countries.RU") });
          return (
            <tr key={iv.id} data-testid={`admin-interview-${iv.id}`}>
              <td data-label={t("columns.when")}>
                <LocalTime iso={iv.plannedAt} />
              </td>
              <td data-label={t("columns.expert")}>{expert}</td>
              <td data-label={t("columns.interviewer")}>{iv.interviewer.name}</td>
              <td data-label={t("columns.guide")}>
                {iv.guide.name} v{iv.guide.number}
              </td>
              <td data-label={t("columns.mode")}>{ti(`mode.${iv.mode}`)}</td>
              <td data-label={t("columns.status")}>
                <span className={`iv-status iv-status-${iv.status}`}>{ti(`status.${iv.status}`)}</span>
              </td>
              <td data-label={t("columns.actions")}>
                <div className="row-actions">
                  <Link href={`/coordinator/interviews/${iv.id}`} aria-label={t("openLabel", { expert })}>
                    {t("open")}
                  </Link>
                  {iv.status === "DONE" && (
                    <button type="button" className="secondary" disabled={busy === iv.id} onClick={() => void act(iv.id, "reopen")} aria-label={t("reopenLabel", { expert })}>
                      {t("reopen")}
                    </button>
                  )}
                  {(iv.status === "PLANNED" || iv.status === "IN_PROGRESS") &&
                    (confirming === iv.id ? (
                      <>
                        <button type="button" className="secondary" disabled={busy === iv.id} onClick={() => void act(iv.id, "cancel")}>
                          {t("confirmCancel")}
                        </button>
                        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                          {t("keep")}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="secondary" onClick={() => setConfirming(iv.id)} aria-label={t("cancelLabel", { expert })}>
                        {t("cancel")}
                      </button>
                    ))}
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
