import { z } from "zod";
import { route } from "@/lib/http/handler";
import { expertMessages } from "@/lib/messaging/service";

/** One expert's message history with the reminder pause flag (components/messages/expert-messages.tsx). */
export const GET = route({ roles: ["COORDINATOR"], params: z.object({ id: z.uuid() }) }, async ({ actor, params }) => expertMessages(actor, params.id));
