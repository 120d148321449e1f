import { z } from "zod";
import { route } from "@/lib/http/handler";
import { ZExpertReminders } from "@/lib/messaging/schemas";
import { setExpertRemindersPaused } from "@/lib/messaging/service";

/** Pauses or resumes reminders for one expert: { paused: boolean }. */
export const PUT = route({ roles: ["COORDINATOR"], params: z.object({ id: z.uuid() }), body: ZExpertReminders }, async ({ actor, params, body }) =>
  setExpertRemindersPaused(actor, params.id, body.paused),
);
