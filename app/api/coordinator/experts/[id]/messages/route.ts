import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { expertMessages } from "@/lib/messaging/service";

/** One expert's message history with the reminder pause flag (components/messages/expert-messages.tsx). */
export const GET = route(messagingRoutes.expertHistory, async ({ actor, params }) => expertMessages(actor, params.id));
