import { route } from "@/lib/http/handler";
import { ZAddMember, ZStudyIdParams } from "@/lib/study/schemas";
import { addMember, listMembers } from "@/lib/study/team";

export const GET = route({ roles: ["COORDINATOR"], params: ZStudyIdParams }, async ({ actor, params }) => ({ members: await listMembers(actor, params.studyId) }));

export const POST = route({ roles: ["COORDINATOR"], params: ZStudyIdParams, body: ZAddMember }, async ({ actor, params, body }) => addMember(actor, params.studyId, body));
