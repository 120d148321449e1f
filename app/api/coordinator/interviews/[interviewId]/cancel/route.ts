import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { cancelInterview } from "@/lib/interviews/service";

export const POST = route(interviewRoutes.cancel, async ({ actor, params }) => cancelInterview(actor, params.interviewId));
