import { route } from "@/lib/route/handler";
import { delphiRoutes } from "@/lib/delphi/contract";
import { NotFoundLive, realtimeStudyOf } from "@/lib/delphi/live";
import { liveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * A real-time round's expert hears when answers change in their own study (events carry only the
 * topic; the page refetches its feedback through /api/expert/delphi). 404 outside a real-time round.
 */
export const GET = route(delphiRoutes.live, async ({ req, actor }) => {
  const studyId = await realtimeStudyOf(actor);
  if (!studyId) throw NotFoundLive();
  return liveStream(req, studyId, ["answers"]);
});
