import { route } from "@/lib/http/handler";
import { ZMemberParams } from "@/lib/study/schemas";
import { removeMember } from "@/lib/study/team";

export const DELETE = route({ roles: ["COORDINATOR"], params: ZMemberParams }, async ({ actor, params }) => removeMember(actor, params.studyId, params.userId));
