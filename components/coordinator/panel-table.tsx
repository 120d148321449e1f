"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

type TPanelRow = {
  id: string;
  pseudonym: number;
  name: string;
  email: string;
  country: string;
  group: string;
  linkRequested: boolean;
  response: { id: string; status: "IN_PROGRESS" | "SUBMITTED" } | null;
};

export function PanelTable({ experts }: { experts: TPanelRow[] }) {
  const t = useTranslations("coordinator");
  const common = useTranslations("common");
  const [links, setLinks] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();

  const reopen = async (responseId: string) => {
    setError(null);
    const res = await fetch(`/api/coordinator/responses/${responseId}/reopen`, { method: "POST" });
    if (!res.ok) setError(common("unexpectedError"));
    router.refresh();
  };

  const issue = async (id: string) => {
    setError(null);
    const res = await fetch(`/api/coordinator/experts/${id}/invitation`, { method: "POST" });
    if (!res.ok) {
      setError(common("unexpectedError"));
      return;
    }
    const data = (await res.json()) as { path: string };
    setLinks((prev) => ({ ...prev, [id]: `${window.location.origin}${data.path}` }));
  };

  return (
    <div className="stack">
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("pseudonym")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("country")}</th>
              <th scope="col">{t("group")}</th>
              <th scope="col">{t("questionnaire")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {experts.map((e) => (
              <tr key={e.id} data-testid={`expert-${e.id}`}>
                <td>{common("expertPseudonym", { n: e.pseudonym })}</td>
                <td>
                  {e.name}
                  <br />
                  <span className="muted">{e.email}</span>
                </td>
                <td>{common(`countries.${e.country}` as "countries.RU")}</td>
                <td>{common(`groups.${e.group}` as "groups.SCIENTIST")}</td>
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
                <td className="stack">
                  {e.linkRequested && <span className="alert">{t("linkRequested")}</span>}
                  <button type="button" className="secondary" onClick={() => issue(e.id)}>
                    {t("issueLink")}
                  </button>
                  {links[e.id] && (
                    <p role="status">
                      {t("newLink")} <code className="link">{links[e.id]}</code>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
