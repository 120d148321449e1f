"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiAction } from "@/components/forms/use-api-action";
import { api } from "@/lib/api/client";
import { IssueLinkButton } from "./issue-link-button";
import { DataTable } from "@/components/ui/data-table";

export type TPanelRow = {
  id: string;
  pseudonym: number;
  name: string;
  email: string;
  country: string;
  group: string;
  organisation: string;
  status: string;
  track: string;
  lastActivity: string | null;
  linkRequested: boolean;
  response: { id: string; status: "IN_PROGRESS" | "SUBMITTED" } | null;
};

export function PanelTable({ experts, caption }: { experts: TPanelRow[]; caption: string }) {
  const t = useTranslations("coordinator");
  const p = useTranslations("panel");
  const common = useTranslations("common");
  const { run, error, setError } = useApiAction();

  const reopen = (responseId: string) =>
    run(() => api("POST /api/coordinator/responses/[responseId]/reopen", { params: { responseId } }), { refreshOnError: true, errorMessage: common("unexpectedError") });

  return (
    <div className="stack">
      <FormAlert message={error} />
      <DataTable columns={[t("pseudonym"), t("name"), t("country"), t("group"), p("status"), p("track"), t("questionnaire"), p("lastActivity"), t("actions")]} caption={caption}>
        {experts.map((e) => (
          <tr key={e.id} data-testid={`expert-${e.id}`}>
            <td>
              <Link href={`/coordinator/panel/${e.id}`}>{common("expertPseudonym", { n: e.pseudonym })}</Link>
            </td>
            <td>
              {e.name}
              <br />
              <span className="muted">{e.email}</span>
              {e.organisation && (
                <>
                  <br />
                  <span className="muted">{e.organisation}</span>
                </>
              )}
            </td>
            <td>{common(`countries.${e.country}` as "countries.RU")}</td>
            <td>{common(`groups.${e.group}` as "groups.SCIENTIST")}</td>
            <td>{p(`statuses.${e.status}` as "statuses.NOMINATED")}</td>
            <td>{p(`tracks.${e.track}` as "tracks.BOTH")}</td>
            <td>
              {t(`responseStatus.${e.response?.status ?? "NONE"}`)}
              {e.response?.status === "SUBMITTED" && (
                <>
                  <br />
                  <button type="button" className="secondary" onClick={() => reopen(e.response!.id)}>
                    {t("reopen")}
                  </button>
                </>
              )}
            </td>
            <td>{e.lastActivity ?? p("never")}</td>
            <td className="stack">
              {e.linkRequested && <span className="alert">{t("linkRequested")}</span>}
              <IssueLinkButton expertId={e.id} onError={setError} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
