import { route } from "@/lib/http/handler";
import { ZStudyIdParams, ZStudyStatusChange } from "@/lib/study/schemas";
import { setStudyStatus } from "@/lib/study/service";

export const POST = route({ roles: ["COORDINATOR"], params: ZStudyIdParams, body: ZStudyStatusChange }, async ({ actor, params, body }) => setStudyStatus(actor, params.studyId, body));
