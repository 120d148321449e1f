import { route } from "@/lib/route/handler";
import { aggregateRoutes } from "@/lib/aggregates/contract";
import { setSuppressionK } from "@/lib/aggregates/service";

/** Sets the study's small-cell suppression threshold k (audited). */
export const PUT = route(aggregateRoutes.suppression, async ({ actor, params, body }) => setSuppressionK(actor, params.studyId, body.k));
