import { route } from "@/lib/http/handler";
import { parseQuery } from "@/lib/interviews/input";
import { ZOwnInterviewsQuery } from "@/lib/interviews/schemas";
import { listOwnInterviews } from "@/lib/interviews/service";

/** The acting interviewer's own interviews by planned date; `?status=` filters. */
export const GET = route({ roles: ["INTERVIEWER"] }, async ({ actor, req }) => listOwnInterviews(actor, parseQuery(ZOwnInterviewsQuery, req.nextUrl.searchParams)));
