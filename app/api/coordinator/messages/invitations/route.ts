import { route } from "@/lib/http/handler";
import { ZInviteRequest } from "@/lib/messaging/schemas";
import { inviteExperts } from "@/lib/messaging/service";

/** Queues invitations: { studyId, expertIds } or { studyId, allVetted: true }. */
export const POST = route({ roles: ["COORDINATOR"], body: ZInviteRequest }, async ({ actor, body }) => inviteExperts(actor, body));
