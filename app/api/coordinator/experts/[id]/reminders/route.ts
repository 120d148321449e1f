import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { setExpertRemindersPaused } from "@/lib/messaging/service";

/** Pauses or resumes reminders for one expert: { paused: boolean }. */
export const PUT = route(messagingRoutes.expertReminders, async ({ actor, params, body }) => setExpertRemindersPaused(actor, params.id, body.paused));
