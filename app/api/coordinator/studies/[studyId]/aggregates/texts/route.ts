import { route } from "@/lib/http/handler";
import { readAggregateQuery } from "@/lib/aggregates/request";
import { listTexts } from "@/lib/aggregates/service";
import { ZStudyParams, ZTextsQuery } from "@/lib/aggregates/types";

/** The texts of a text item, or the "other" texts of a choice item (coordinators only). */
export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) => {
  const { query, filters } = readAggregateQuery(ZTextsQuery, req, actor);
  return listTexts(actor, params.studyId, filters, query.item);
});
