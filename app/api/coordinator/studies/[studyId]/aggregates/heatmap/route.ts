import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { aggregateRequest } from "@/lib/aggregates/request";
import { getPairHeatmap } from "@/lib/aggregates/service";

/** The country-pair heatmap (mean rating and n per pair, all raters / own countries / elsewhere). */
export const GET = route(aggregateRoutes.heatmap, async ({ actor, params, query, req }) => {
  const { filters, lang } = aggregateRequest(query, req, actor);
  return getPairHeatmap(actor, params.studyId, filters, query.item, lang);
});
