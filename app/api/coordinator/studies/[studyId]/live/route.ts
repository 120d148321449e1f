import { route } from "@/lib/route/handler";
import { liveStream } from "@/lib/live/stream";
import { monitorRoutes } from "@/lib/monitor/contract";
import { getStudy } from "@/lib/study/service";

export const dynamic = "force-dynamic";

/** Server-sent events for a coordinator's live views of a study they coordinate (lib/live/stream.ts). */
export const GET = route(monitorRoutes.live, async ({ req, actor, params }) => {
  await getStudy(actor, params.studyId);
  return liveStream(req, params.studyId);
});
