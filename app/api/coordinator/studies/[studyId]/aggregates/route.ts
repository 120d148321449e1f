import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { aggregateRequest } from "@/lib/aggregates/request";
import { getSummary } from "@/lib/aggregates/service";

/** The dashboard's summary of every item, filtered as the query says, suppression applied. */
export const GET = route(aggregateRoutes.summary, async ({ actor, params, query, req }) => {
  const { filters, lang } = aggregateRequest(query, req, actor);
  return getSummary(actor, params.studyId, filters, lang);
});
