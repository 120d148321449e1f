import { route } from "@/lib/route/handler";
import { interviewRoutes } from "@/lib/interviews/contract";
import { listOwnInterviews } from "@/lib/interviews/service";

/** The acting interviewer's own interviews by planned date; `?status=` filters. */
export const GET = route(interviewRoutes.own, async ({ actor, query }) => listOwnInterviews(actor, query));
