import { route } from "@/lib/http/handler";
import { setPercentDecimals } from "@/lib/aggregates/service";
import { ZPercentDecimals, ZStudyParams } from "@/lib/aggregates/types";

/** Sets how many decimals the study's percentages show in its results (0–2; audited). */
export const PUT = route({ roles: ["COORDINATOR"], params: ZStudyParams, body: ZPercentDecimals }, async ({ actor, params, body }) =>
  setPercentDecimals(actor, params.studyId, body),
);
