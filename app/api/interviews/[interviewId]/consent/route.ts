import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { recordInterviewConsent } from "@/lib/interviews/service";

export const POST = route(interviewRoutes.consent, async ({ actor, params }) => recordInterviewConsent(actor, params.interviewId));
