import { getTranslations } from "next-intl/server";
import { EXPERT_GROUPS, EXPERT_STATUSES, EXPERT_TRACKS, PANEL_SORTS, ZCountry, ZExpertGroup, ZExpertStatus, ZExpertTrack, type TPanelQuery } from "@/lib/panel/schemas";
import { EAEU_COUNTRIES } from "@/lib/study/countries";

export type TPanelFilters = Omit<TPanelQuery, "studyId">;
type TParams = Record<string, string | string[] | undefined>;

/** The list's state from the page's query string, keeping only well-formed values. */
export function readPanelFilters(params: TParams): TPanelFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v) || undefined;
  const valid = <T,>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, v: string | undefined) => {
    const parsed = schema.safeParse(v);
    return parsed.success ? parsed.data : undefined;
  };
  const sort = one(params.sort);
  return {
    q: one(params.q)?.trim().slice(0, 200) || undefined,
    country: valid(ZCountry, one(params.country)?.toUpperCase()),
    group: valid(ZExpertGroup, one(params.group)),
    status: valid(ZExpertStatus, one(params.status)),
    track: valid(ZExpertTrack, one(params.track)),
    sort: PANEL_SORTS.find((s) => s === sort) ?? "pseudonym",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
  };
}

/** A plain GET form: the list's state lives in the URL, so it can be shared and survives a reload. */
export async function PanelFilters({ studyId, studies, filters }: { studyId: string; studies: Array<{ id: string; title: string }>; filters: TPanelFilters }) {
  const t = await getTranslations("panel");
  const c = await getTranslations("coordinator");
  const common = await getTranslations("common");
  const select = (name: string, label: string, value: string | undefined, options: Array<[string, string]>, any = true) => (
    <div>
      <label htmlFor={`pf-${name}`}>{label}</label>
      <select id={`pf-${name}`} name={name} defaultValue={value ?? ""}>
        {any && <option value="">{t("any")}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/coordinator/panel" role="search" className="card stack">
      <fieldset className="pn-filters">
        <legend className="muted">{t("filters")}</legend>
        {select("study", t("study"), studyId, studies.map((s) => [s.id, s.title]), false)}
        <div>
          <label htmlFor="pf-q">{t("search")}</label>
          <input id="pf-q" type="search" name="q" defaultValue={filters.q ?? ""} />
        </div>
        {select("country", c("country"), filters.country, EAEU_COUNTRIES.map((code) => [code, common(`countries.${code}`)]))}
        {select("group", c("group"), filters.group, EXPERT_GROUPS.map((g) => [g, common(`groups.${g}`)]))}
        {select("status", t("status"), filters.status, EXPERT_STATUSES.map((s) => [s, t(`statuses.${s}`)]))}
        {select("track", t("track"), filters.track, EXPERT_TRACKS.map((tr) => [tr, t(`tracks.${tr}`)]))}
        {select("sort", t("sort"), filters.sort, PANEL_SORTS.map((s) => [s, t(`sorts.${s}`)]), false)}
        {select("dir", t("direction"), filters.dir, [["asc", t("asc")], ["desc", t("desc")]], false)}
      </fieldset>
      <div className="row-actions">
        <button type="submit">{t("apply")}</button>
        <a className="button secondary" href={`/coordinator/panel?study=${studyId}`}>
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
