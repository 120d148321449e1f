import { route } from "@/lib/http/handler";
import { readAggregateQuery } from "@/lib/aggregates/request";
import { getSummary } from "@/lib/aggregates/service";
import { ZFilters, ZStudyParams } from "@/lib/aggregates/types";

/** The dashboard's summary of every item, filtered as the query says, suppression applied. */
export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) => {
  const { filters, lang } = readAggregateQuery(ZFilters, req, actor);
  return getSummary(actor, params.studyId, filters, lang);
});
