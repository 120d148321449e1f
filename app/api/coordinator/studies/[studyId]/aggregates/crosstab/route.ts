import { getTranslations } from "next-intl/server";
import { route } from "@/lib/http/handler";
import { readAggregateQuery } from "@/lib/aggregates/request";
import { getCrossTab } from "@/lib/aggregates/service";
import { ZCrossTabQuery, ZStudyParams } from "@/lib/aggregates/types";

/** A cross-tab of one choice or scale item by country or expert group: counts and column %. */
export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) => {
  const { query, filters, lang } = readAggregateQuery(ZCrossTabQuery, req, actor);
  const t = await getTranslations({ locale: lang, namespace: "results" });
  return getCrossTab(actor, params.studyId, filters, { item: query.item, by: query.by, groupLabel: (g) => t(`group_${g}` as "group_SCIENTIST") }, lang);
});
