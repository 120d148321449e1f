import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { getReminderSettings, saveReminderSettings } from "@/lib/messaging/service";

export const GET = route(messagingRoutes.reminders, async ({ actor, params }) => getReminderSettings(actor, params.studyId));

export const PUT = route(messagingRoutes.saveReminders, async ({ actor, params, body }) => {
  await saveReminderSettings(actor, params.studyId, body);
  return getReminderSettings(actor, params.studyId);
});
