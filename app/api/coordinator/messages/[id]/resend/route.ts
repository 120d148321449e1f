import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { resendMessage } from "@/lib/messaging/service";

export const POST = route(messagingRoutes.resend, async ({ actor, params }) => resendMessage(actor, params.id));
