"use client";

import { useTranslations } from "next-intl";
import { EXPERT_GROUPS } from "@/lib/monitor/schemas";
import type { TCell } from "@/lib/monitor/service";
import { cellKey, TableWrap, useNames } from "./shared";

export function TargetGrid({ cells }: { cells: TCell[] }) {
  const t = useTranslations("monitor");
  const names = useNames();
  const byKey = new Map(cells.map((c) => [cellKey(c.country, c.expertGroup), c]));
  const countries = [...new Set(cells.map((c) => c.country))];
  if (countries.length === 0) return null;
  return (
    <section aria-labelledby="monitor-grid">
      <h2 id="monitor-grid">{t("gridTitle")}</h2>
      <TableWrap labelledBy="monitor-grid">
        <table>
          <caption className="muted">{t("gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              {EXPERT_GROUPS.map((g) => (
                <th key={g} scope="col">
                  {names.group(g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {countries.map((country) => (
              <tr key={country}>
                <th scope="row">{names.country(country)}</th>
                {EXPERT_GROUPS.map((g) => {
                  const c = byKey.get(cellKey(country, g));
                  return (
                    <td key={g} data-testid={`grid-${country}-${g}`}>
                      {!c
                        ? t("emptyCell")
                        : c.target
                          ? t("progressCell", { completed: c.completed, target: c.target, started: c.started })
                          : t("noTargetCell", { completed: c.completed, started: c.started })}
                      {c?.progress != null && <progress max={1} value={Math.min(1, c.progress)} aria-hidden="true" style={{ display: "block", width: "100%" }} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
