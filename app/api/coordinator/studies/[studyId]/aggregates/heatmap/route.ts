import { route } from "@/lib/http/handler";
import { readAggregateQuery } from "@/lib/aggregates/request";
import { getPairHeatmap } from "@/lib/aggregates/service";
import { ZHeatmapQuery, ZStudyParams } from "@/lib/aggregates/types";

/** The country-pair heatmap (mean rating and n per pair, all raters / own countries / elsewhere). */
export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) => {
  const { query, filters, lang } = readAggregateQuery(ZHeatmapQuery, req, actor);
  return getPairHeatmap(actor, params.studyId, filters, query.item, lang);
});
