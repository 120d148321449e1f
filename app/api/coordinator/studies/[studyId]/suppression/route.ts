import { route } from "@/lib/http/handler";
import { setSuppressionK } from "@/lib/aggregates/service";
import { ZStudyParams, ZSuppression } from "@/lib/aggregates/types";

/** Sets the study's small-cell suppression threshold k (audited). */
export const PUT = route({ roles: ["COORDINATOR"], params: ZStudyParams, body: ZSuppression }, async ({ actor, params, body }) =>
  setSuppressionK(actor, params.studyId, body.k),
);
