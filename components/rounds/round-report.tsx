import { getTranslations } from "next-intl/server";
import type { TReportRow } from "@/lib/delphi/report";
import type { TItem } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import { COUNTRIES } from "@/lib/study/countries";

/**
 * The round report as tables: one row per item (and per pair of a pair rating) with its figures,
 * whether the round's rules are met, and, folded under it, the country × group cells and the
 * reasons experts gave (anonymous; in the language they were written in).
 */
export async function RoundReport({ rows, items, k, lang }: { rows: TReportRow[]; items: TItem[]; k: number; lang: TLang }) {
  const t = await getTranslations("rounds");
  const results = await getTranslations("results");
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "—" : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v));
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? t("notJudged") : v ? t("yes") : t("no"));
  const label = (row: TReportRow) => {
    const item = items.find((i) => i.code === row.itemCode);
    if (!item) return row.code;
    if (item.type === "matrix" && row.code !== item.code) return pick(item.rows.find((r) => r.code === row.code)?.label, lang);
    return pick(item.text, lang);
  };
  const distribution = (row: TReportRow) =>
    row.numeric ? row.numeric.counts.map((c) => `${c.value}: ${c.n}`).join(", ") : row.choice ? row.choice.options.map((o) => `${o.code}: ${fmt(o.percent)} %`).join(", ") : "—";
  return (
    <div className="stack">
      {rows.map((row) => (
        <section key={row.code} className="card stack" aria-labelledby={`report-${row.code}`} data-testid={`report-${row.code}`}>
          <h2 id={`report-${row.code}`} style={{ fontSize: "1.05rem", margin: 0 }}>
            <span className="item-code">{row.code}.</span> {label(row)}
          </h2>
          <dl className="report-figures">
            <div>
              <dt>{t("n")}</dt>
              <dd data-testid="n">{row.n}</dd>
            </div>
            {row.numeric && (
              <>
                <div>
                  <dt>{t("median")}</dt>
                  <dd data-testid="median">{fmt(row.numeric.median)}</dd>
                </div>
                <div>
                  <dt>{t("iqr")}</dt>
                  <dd data-testid="iqr">
                    {fmt(row.numeric.iqr)} ({fmt(row.numeric.q1)}–{fmt(row.numeric.q3)})
                  </dd>
                </div>
                <div>
                  <dt>{t("mean")}</dt>
                  <dd data-testid="mean">{fmt(row.numeric.mean)}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t("distribution")}</dt>
              <dd>{distribution(row)}</dd>
            </div>
            <div>
              <dt>{t("consensus")}</dt>
              <dd data-testid="consensus">
                {yesNo(row.consensus.reached)}
                {row.consensus.figure !== null && ` (${fmt(row.consensus.figure)})`}
              </dd>
            </div>
            <div>
              <dt>{t("stable")}</dt>
              <dd data-testid="stable">{yesNo(row.stability?.stable)}</dd>
            </div>
            {row.movement && (
              <div>
                <dt>{t("movement")}</dt>
                <dd data-testid="movement">
                  {row.movement.toward} / {row.movement.away} / {row.movement.unchanged}
                </dd>
              </div>
            )}
          </dl>
          <details>
            <summary>{t("cells")}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("country")}</th>
                    <th scope="col">{t("group")}</th>
                    <th scope="col">{t("n")}</th>
                    <th scope="col">{row.kind === "scale" ? t("median") : t("topShare")}</th>
                    {row.kind === "scale" && <th scope="col">{t("iqr")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {row.cells.map((c) => (
                    <tr key={`${c.country}-${c.group}`}>
                      <td>{COUNTRIES[c.country] ? pick(COUNTRIES[c.country]!.short, lang) : c.country}</td>
                      <td>{results(`group_${c.group}` as "group_SCIENTIST")}</td>
                      <td>{c.n === null ? t("belowK", { k }) : c.n}</td>
                      <td>{row.kind === "scale" ? fmt(c.median) : c.topShare === null ? "—" : `${fmt(c.topShare)} %`}</td>
                      {row.kind === "scale" && <td>{fmt(c.iqr)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <details open={row.reasons.length > 0}>
            <summary>{t("reasons", { count: row.reasons.length })}</summary>
            {row.reasons.length === 0 ? (
              <p className="muted">{t("noReasons")}</p>
            ) : (
              <ul data-testid="reasons" translate="no">
                {row.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
          </details>
        </section>
      ))}
    </div>
  );
}
