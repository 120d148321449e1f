import { route } from "@/lib/route/handler";
import { delphiRoutes } from "@/lib/delphi/contract";
import { planRound } from "@/lib/delphi/rounds";

/** Plans round N+1 of a questionnaire (audited); it asks nobody until opened. */
export const POST = route(delphiRoutes.plan, async ({ actor, params, body }) => planRound(actor, params.studyId, body));
