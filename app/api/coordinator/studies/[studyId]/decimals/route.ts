import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { setPercentDecimals } from "@/lib/aggregates/service";

/** Sets how many decimals the study's percentages show in its results (0–2; audited). */
export const PUT = route(aggregateRoutes.decimals, async ({ actor, params, body }) => setPercentDecimals(actor, params.studyId, body));
