import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { setNoteCodes } from "@/lib/interviews/service";

export const PUT = route(interviewRoutes.noteCodes, async ({ actor, params, body }) => setNoteCodes(actor, params.interviewId, params.questionCode, body));
