"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { LocalTime } from "@/components/interview/local-time";
import type { TActivityRow } from "@/lib/monitor/service";
import { TableWrap, useNames } from "./shared";

type TSortKey = "pseudonym" | "country" | "expertGroup" | "status" | "linkOpenedAt" | "startedAt" | "submittedAt" | "lastActivityAt";

export function Activity({ rows }: { rows: TActivityRow[] }) {
  const t = useTranslations("monitor");
  const common = useTranslations("common");
  const names = useNames();
  const [sort, setSort] = useState<{ key: TSortKey; dir: 1 | -1 }>({ key: "lastActivityAt", dir: -1 });
  const sorted = useMemo(() => {
    const value = (r: TActivityRow) => r[sort.key];
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      // Empty values go last in either direction.
      if (x === null || y === null) return x === y ? a.pseudonym - b.pseudonym : x === null ? 1 : -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return order * sort.dir || a.pseudonym - b.pseudonym;
    });
  }, [rows, sort]);
  const columns: Array<[TSortKey, string]> = [
    ["pseudonym", t("expert")],
    ["country", t("country")],
    ["expertGroup", t("group")],
    ["status", t("status")],
    ["linkOpenedAt", t("linkOpened")],
    ["startedAt", t("startedAt")],
    ["submittedAt", t("submittedAt")],
    ["lastActivityAt", t("lastActivity")],
  ];
  const time = (iso: string | null) => (iso ? <LocalTime iso={iso} /> : t("never"));
  return (
    <section aria-labelledby="monitor-activity">
      <h2 id="monitor-activity">{t("activityTitle")}</h2>
      <TableWrap labelledBy="monitor-activity">
        <table>
          <caption className="muted">{t("activityCaption")}</caption>
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                  <button
                    type="button"
                    className="secondary"
                    style={{ padding: "0.1rem 0.4rem", fontSize: "0.9rem" }}
                    onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : key.endsWith("At") ? -1 : 1 }))}
                  >
                    {label}
                    {sort.key === key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.expertId} data-testid={`activity-${r.pseudonym}`}>
                <th scope="row">{common("expertPseudonym", { n: r.pseudonym })}</th>
                <td>{names.country(r.country)}</td>
                <td>{names.group(r.expertGroup)}</td>
                <td>{t(`statuses.${r.status}`)}</td>
                <td>{time(r.linkOpenedAt)}</td>
                <td>{time(r.startedAt)}</td>
                <td>{time(r.submittedAt)}</td>
                <td>{time(r.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
