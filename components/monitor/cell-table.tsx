"use client";

import { useTranslations } from "next-intl";
import type { TCell } from "@/lib/monitor/service";
import { cellKey, TableWrap, usePercent, useNames } from "./shared";

export function CellTable({ cells }: { cells: TCell[] }) {
  const t = useTranslations("monitor");
  const names = useNames();
  const percent = usePercent();
  const stages = cells[0]?.stages.map((s) => s.stage) ?? [];
  return (
    <section aria-labelledby="monitor-cells">
      <h2 id="monitor-cells">{t("cellsTitle")}</h2>
      {cells.length === 0 ? (
        <p className="muted">{t("noCells")}</p>
      ) : (
        <TableWrap labelledBy="monitor-cells">
          <table>
            <caption className="muted">{t("cellsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("country")}</th>
                <th scope="col">{t("group")}</th>
                {stages.map((s) => (
                  <th key={s} scope="col">
                    {t(`stages.${s}`)}
                  </th>
                ))}
                <th scope="col">{t("declined")}</th>
                <th scope="col">{t("withdrawn")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("progress")}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={cellKey(c.country, c.expertGroup)} data-testid={`cell-${c.country}-${c.expertGroup}`}>
                  <th scope="row">{names.country(c.country)}</th>
                  <td>{names.group(c.expertGroup)}</td>
                  {c.stages.map((s) => (
                    <td key={s.stage} data-testid={`cell-${c.country}-${c.expertGroup}-${s.stage}`}>
                      {s.count} <span className="muted">({percent(s.ofNominated)})</span>
                    </td>
                  ))}
                  <td>{c.declined}</td>
                  <td>{c.withdrawn}</td>
                  <td>{c.target ?? "—"}</td>
                  <td>{percent(c.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
