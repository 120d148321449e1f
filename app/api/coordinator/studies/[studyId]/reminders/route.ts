import { z } from "zod";
import { route } from "@/lib/http/handler";
import { ZReminderSettings } from "@/lib/messaging/schemas";
import { getReminderSettings, saveReminderSettings } from "@/lib/messaging/service";

const params = z.object({ studyId: z.uuid() });

export const GET = route({ roles: ["COORDINATOR"], params }, async ({ actor, params }) => getReminderSettings(actor, params.studyId));

export const PUT = route({ roles: ["COORDINATOR"], params, body: ZReminderSettings }, async ({ actor, params, body }) => {
  await saveReminderSettings(actor, params.studyId, body);
  return getReminderSettings(actor, params.studyId);
});
