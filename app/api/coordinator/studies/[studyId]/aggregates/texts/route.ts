import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { aggregateRequest } from "@/lib/aggregates/request";
import { listTexts } from "@/lib/aggregates/service";

/** The texts of a text item, or the "other" texts of a choice item (coordinators only). */
export const GET = route(aggregateRoutes.texts, async ({ actor, params, query, req }) => {
  const { filters } = aggregateRequest(query, req, actor);
  return listTexts(actor, params.studyId, filters, query.item);
});
