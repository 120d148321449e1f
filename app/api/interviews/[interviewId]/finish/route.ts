import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { finishInterview } from "@/lib/interviews/service";

export const POST = route(interviewRoutes.finish, async ({ actor, params }) => finishInterview(actor, params.interviewId));
