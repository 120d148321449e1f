import { route } from "@/lib/http/handler";
import { planRound } from "@/lib/delphi/rounds";
import { ZPlanRound, ZRoundStudyParams } from "@/lib/delphi/schemas";

/** Plans round N+1 of a questionnaire (audited); it asks nobody until opened. */
export const POST = route({ roles: ["COORDINATOR"], params: ZRoundStudyParams, body: ZPlanRound }, async ({ actor, params, body }) => planRound(actor, params.studyId, body));
