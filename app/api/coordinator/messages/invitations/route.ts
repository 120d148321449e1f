import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { inviteExperts } from "@/lib/messaging/service";

/** Queues invitations: { studyId, expertIds } or { studyId, allVetted: true }. */
export const POST = route(messagingRoutes.invite, async ({ actor, body }) => inviteExperts(actor, body));
