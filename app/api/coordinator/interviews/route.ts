import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { createInterview, listInterviews } from "@/lib/interviews/service";

export const GET = route(interviewRoutes.list, async ({ actor }) => listInterviews(actor));

export const POST = route(interviewRoutes.create, async ({ actor, body }) => createInterview(actor, body));
