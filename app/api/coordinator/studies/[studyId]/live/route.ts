import { z } from "zod";
import { route } from "@/lib/http/handler";
import { liveStream } from "@/lib/live/stream";
import { getStudy } from "@/lib/study/service";

export const dynamic = "force-dynamic";

/** Server-sent events for a coordinator's live views of a study they coordinate (lib/live/stream.ts). */
export const GET = route({ roles: ["COORDINATOR"], params: z.object({ studyId: z.uuid() }) }, async ({ req, actor, params }) => {
  await getStudy(actor, params.studyId);
  return liveStream(req, params.studyId);
});
