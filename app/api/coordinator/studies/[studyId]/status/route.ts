import { route } from "@/lib/route/handler";
import { studyRoutes } from "@/lib/study/contract";
import { setStudyStatus } from "@/lib/study/service";

export const POST = route(studyRoutes.setStatus, async ({ actor, params, body }) => setStudyStatus(actor, params.studyId, body));
