import { getTranslations } from "next-intl/server";
import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { aggregateRequest } from "@/lib/aggregates/request";
import { getCrossTab } from "@/lib/aggregates/service";

/** A cross-tab of one choice or scale item by country or expert group: counts and column %. */
export const GET = route(aggregateRoutes.crossTab, async ({ actor, params, query, req }) => {
  const { filters, lang } = aggregateRequest(query, req, actor);
  const t = await getTranslations({ locale: lang, namespace: "results" });
  return getCrossTab(actor, params.studyId, filters, { item: query.item, by: query.by, groupLabel: (g) => t(`group_${g}` as "group_SCIENTIST") }, lang);
});
