import { route } from "@/lib/http/handler";
import { getQuestionnaireState } from "@/lib/responses/service";

/** The expert's questionnaire and every saved answer with its revision (used to resume and to sync tabs). */
export const GET = route({ roles: ["EXPERT"] }, async ({ actor }) => getQuestionnaireState(actor));
