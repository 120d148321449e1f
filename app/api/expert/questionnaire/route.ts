import { route } from "@/lib/route/handler";
import { responseRoutes } from "@/lib/responses/contract";
import { getQuestionnaireState } from "@/lib/responses/service";

/** The expert's questionnaire and every saved answer with its revision (used to resume and to sync tabs). */
export const GET = route(responseRoutes.questionnaire, async ({ actor }) => getQuestionnaireState(actor));
