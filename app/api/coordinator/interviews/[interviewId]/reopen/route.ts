import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { reopenInterview } from "@/lib/interviews/service";

export const POST = route(interviewRoutes.reopen, async ({ actor, params }) => reopenInterview(actor, params.interviewId));
