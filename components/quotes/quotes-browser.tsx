import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { apiHref } from "@/lib/api/client";
import type { TLang } from "@/lib/i18n/text";
import type { TQuoteView } from "@/lib/quotes/service";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import type { TBlockOption, TCodeGroup } from "@/lib/quotes/filter-options";
import "@/components/interview/interview.css";

export const EXPERT_GROUPS = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"] as const;
export type TQuoteFilterValues = { code?: string; block?: string; country?: string; group?: (typeof EXPERT_GROUPS)[number] };

/** The filters from a page's query string, keeping only well-formed values. */
export function readQuoteFilters(params: Record<string, string | string[] | undefined>): TQuoteFilterValues {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v) || undefined;
  const code = one(params.code);
  const block = one(params.block);
  const country = one(params.country)?.toUpperCase();
  const group = one(params.group);
  return {
    code: code && /^[0-9a-f-]{36}$/i.test(code) ? code : undefined,
    block: block && /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(block) ? block : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    group: EXPERT_GROUPS.find((g) => g === group),
  };
}


/**
 * The quotes browser (interviewers: quotes of their own interviews; coordinators: all): filters,
 * exports, and each quote with its attribution, codes and a link back to its note.
 */
export async function QuotesBrowser({
  base,
  noteHref,
  quotes,
  filters,
  codeGroups,
  blocks,
  lang,
}: {
  base: string;
  noteHref: (interviewId: string, questionCode: string) => string;
  quotes: TQuoteView[];
  filters: TQuoteFilterValues;
  codeGroups: TCodeGroup[];
  blocks: TBlockOption[];
  lang: TLang;
}) {
  const t = await getTranslations("quotes");
  const common = await getTranslations("common");
  const filtered = Object.values(filters).some(Boolean);
  const exportQuery = (format: "csv" | "md") => apiHref("GET /api/quotes/export", { query: { format, lang, ...filters } });
  const codeOption = (c: { id: string; label: string; depth: number }) => (
    <option key={c.id} value={c.id}>
      {`${"\u00a0\u00a0".repeat(c.depth)}${c.label}`}
    </option>
  );

  return (
    <div className="qb stack">
      <form method="get" action={base} className="qb-filters-form">
        <fieldset className="qb-filters">
          <legend>{t("filters")}</legend>
          <div>
            <label htmlFor="qb-code">{t("code")}</label>
            <select id="qb-code" name="code" defaultValue={filters.code ?? ""}>
              <option value="">{t("any")}</option>
              {codeGroups.map((g, i) =>
                g.label ? (
                  <optgroup key={i} label={g.label}>
                    {g.codes.map(codeOption)}
                  </optgroup>
                ) : (
                  g.codes.map(codeOption)
                ),
              )}
            </select>
          </div>
          <div>
            <label htmlFor="qb-block">{t("block")}</label>
            <select id="qb-block" name="block" defaultValue={filters.block ?? ""}>
              <option value="">{t("any")}</option>
              {blocks.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="qb-country">{t("country")}</label>
            <select id="qb-country" name="country" defaultValue={filters.country ?? ""}>
              <option value="">{t("any")}</option>
              {EAEU_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {common(`countries.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="qb-group">{t("group")}</label>
            <select id="qb-group" name="group" defaultValue={filters.group ?? ""}>
              <option value="">{t("any")}</option>
              {EXPERT_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {common(`groups.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="row-actions">
            <button type="submit">{t("apply")}</button>
            {filtered && <Link href={base}>{t("reset")}</Link>}
          </div>
        </fieldset>
      </form>

      <div className="qb-export">
        <p style={{ margin: 0 }} role="status" data-testid="quote-count">
          {t("count", { count: quotes.length })}
        </p>
        <a className="button secondary" href={exportQuery("csv")} download>
          {t("exportCsv")}
        </a>
        <a className="button secondary" href={exportQuery("md")} download>
          {t("exportMd")}
        </a>
      </div>

      {quotes.length === 0 ? (
        <p className="card muted">{filtered ? t("noneFiltered") : t("none")}</p>
      ) : (
        <ul className="qb-list" data-testid="quotes-list">
          {quotes.map((q) => (
            <li key={q.id} className="qb-quote" data-testid={`quote-row-${q.id}`}>
              <figure>
                <blockquote>{q.text}</blockquote>
                <figcaption>
                  — <span className="qb-attribution">{q.attribution}</span>, {common(`groups.${q.expertGroup}`)} · {t("questionRef", { block: q.blockCode, question: q.questionCode })}
                </figcaption>
              </figure>
              {q.codes.length > 0 ? (
                <ul className="iv-tags" aria-label={t("codes")}>
                  {q.codes.map((c) => (
                    <li key={c.id} className="iv-tag">
                      <span className="iv-tag-code">{c.code}</span> {lang === "ru" ? c.nameRu || c.nameEn : c.nameEn || c.nameRu}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="iv-tags-empty muted">{t("noCodes")}</p>
              )}
              <p style={{ margin: 0 }}>
                <Link href={noteHref(q.interviewId, q.questionCode)}>{t("openNote", { question: q.questionCode })}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
