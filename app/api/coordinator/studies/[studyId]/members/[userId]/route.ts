import { route } from "@/lib/route/handler";
import { studyRoutes } from "@/lib/study/contract";
import { removeMember } from "@/lib/study/team";

export const DELETE = route(studyRoutes.removeMember, async ({ actor, params }) => removeMember(actor, params.studyId, params.userId));
