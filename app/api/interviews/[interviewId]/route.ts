import { route } from "@/lib/route/handler";
import { reply } from "@/lib/http/reply";
import { interviewRoutes } from "@/lib/interviews/contract";
import { getInterview } from "@/lib/interviews/service";

/** The workspace's data: guide, notes with revisions, quotes and codebook (own interview, or any for a coordinator). */
export const GET = route(interviewRoutes.get, async ({ actor, params }) =>
  reply(await getInterview(actor, params.interviewId), { headers: { "Cache-Control": "no-store" } }),
);
