import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ResultsFunnel } from "@/components/results/funnel";
import { ResultsReport } from "@/components/results/report";
import { DecimalsForm } from "@/components/results/decimals-form";
import { SuppressionForm } from "@/components/results/suppression-form";
import "@/components/results/results.css";
import { apiHref } from "@/lib/api/client";
import { requirePageActor } from "@/lib/auth/actor";
import { getCrossTab, getPairHeatmap, getSummary, resultsMeta } from "@/lib/aggregates/service";
import { GROUPS } from "@/lib/aggregates/shape";
import { toFilters, ZFilters } from "@/lib/aggregates/types";
import { pick } from "@/lib/i18n/text";
import { COUNTRIES } from "@/lib/study/countries";
import { getMonitor } from "@/lib/monitor/service";
import { listStudies } from "@/lib/study/service";
import { chooseStudy } from "@/components/coordinator/study-picker";
import { waveName } from "@/components/coordinator/wave-picker";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("results");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function CoordinatorResultsPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/results");
  const params = await searchParams;
  const lang = languageOf(await getLocale());
  const t = await getTranslations("results");
  const studies = await listStudies(actor);
  // Another team's study (or none) is a 404, as on every study page.
  const study = chooseStudy(studies, params.study);
  // Filters from the URL; anything invalid is dropped rather than failing the page.
  const parsed = ZFilters.safeParse({ version: one(params.version), country: one(params.country), group: one(params.group), status: one(params.status), wave: one(params.wave) });
  const input = parsed.success ? parsed.data : ZFilters.parse({});
  const filters = toFilters(input);
  if (!study) {
    return (
      <div className="stack">
        <CoordinatorNav current="/coordinator/results" />
        <h1>{t("title")}</h1>
        <p>{t("noItems")}</p>
      </div>
    );
  }
  const meta = await resultsMeta(actor, study.id, lang, filters.wave);
  // Percentages at the study's setting (its CSV export too).
  const decimals = meta.decimals;
  const [tc, waveNames] = await Promise.all([getTranslations("common"), Promise.all(meta.waves.map(waveName))]);
  const firstCross = meta.items.find((i) => i.crossTab)?.code;
  // Started here, awaited where they are shown: the contents render at once, each part streams in.
  const summary = getSummary(actor, study.id, filters, lang);
  const heatmap = getPairHeatmap(actor, study.id, filters, undefined, lang).then((r) => r.heatmap);
  const cross = firstCross ? getCrossTab(actor, study.id, filters, { item: firstCross, by: "country", groupLabel: (g) => t(`group_${g}` as "group_SCIENTIST") }, lang) : Promise.resolve(null);
  const funnel = getMonitor(actor, study.id, meta.wave).then((m) => m.overall);
  // The wave stays in every request of the page (charts, texts, the CSV) once it is not the only one.
  const wave = meta.waves.length > 1 ? String(meta.wave) : undefined;
  const filterQuery = { wave, version: input.version, country: input.country, group: input.group, status: input.status === "all" ? ("all" as const) : undefined };
  const query = new URLSearchParams(Object.entries(filterQuery).filter((e): e is [string, string] => Boolean(e[1])));
  const csv = apiHref("GET /api/coordinator/studies/[studyId]/exports/aggregates.csv", { params: { studyId: study.id }, query: { ...filterQuery, wave: meta.waves.length > 1 ? (meta.wave ?? undefined) : undefined } });
  return (
    <div className="stack">
      <div className="no-print">
        <CoordinatorNav current="/coordinator/results" />
      </div>
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <ClientMessages namespaces={["results", "live"]}>
        <ResultsReport
          key={`${study.id}?${query}&k=${meta.k}&d=${decimals}`}
          studyId={study.id}
          query={query.toString()}
          k={meta.k}
          decimals={decimals}
          items={meta.items}
          sections={meta.sections}
          summary={summary}
          heatmap={heatmap}
          cross={cross}
          controls={
            <>
          <form method="get" action="/coordinator/results" className="card results-filters" aria-label={t("filters")}>
            {studies.length > 1 && (
              <label>
                {t("study")}
                <select name="study" defaultValue={study.id}>
                  {studies.map((s) => (
                    <option key={s.id} value={s.id}>
                      {lang === "en" ? s.titleEn : s.titleRu}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {meta.waves.length > 1 && (
              <label>
                {tc("wave")}
                <select name="wave" defaultValue={String(meta.wave)} data-testid="wave-filter">
                  {meta.waves.map((w, i) => (
                    <option key={w.number} value={w.number}>
                      {waveNames[i]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t("filterVersion")}
              <select name="version" defaultValue={input.version ?? ""}>
                <option value="">{t("allVersions")}</option>
                {meta.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t("versionN", { n: v.number })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("filterCountry")}
              <select name="country" defaultValue={input.country ?? ""}>
                <option value="">{t("allCountries")}</option>
                {meta.countries.map((c) => (
                  <option key={c} value={c}>
                    {COUNTRIES[c] ? pick(COUNTRIES[c].short, lang) : c}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("filterGroup")}
              <select name="group" defaultValue={input.group ?? ""}>
                <option value="">{t("allGroups")}</option>
                {GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`group_${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("filterStatus")}
              <select name="status" defaultValue={input.status}>
                <option value="submitted">{t("statusSubmitted")}</option>
                <option value="all">{t("statusAll")}</option>
              </select>
            </label>
            <button type="submit" className="button no-print">
              {t("apply")}
            </button>
            <a className="button secondary no-print" href={csv} download>
              {t("exportCsv")}
            </a>
          </form>
              <div className="no-print">
                <SuppressionForm studyId={study.id} k={meta.k} />
                <DecimalsForm studyId={study.id} decimals={decimals} />
              </div>
            </>
          }
          funnel={
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <ResultsFunnel funnel={funnel} studyId={study.id} />
            </Suspense>
          }
        />
      </ClientMessages>
    </div>
  );
}
