import { route } from "@/lib/route/handler";
import { studyRoutes } from "@/lib/study/contract";
import { addMember, listMembers } from "@/lib/study/team";

export const GET = route(studyRoutes.members, async ({ actor, params }) => ({ members: await listMembers(actor, params.studyId) }));

export const POST = route(studyRoutes.addMember, async ({ actor, params, body }) => addMember(actor, params.studyId, body));
