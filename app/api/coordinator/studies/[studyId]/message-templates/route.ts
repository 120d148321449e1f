import { route } from "@/lib/route/handler";
import { messagingRoutes } from "@/lib/messaging/contract";
import { getTemplates, saveTemplates } from "@/lib/messaging/service";

export const GET = route(messagingRoutes.templates, async ({ actor, params }) => ({ templates: await getTemplates(actor, params.studyId) }));

export const PUT = route(messagingRoutes.saveTemplates, async ({ actor, params, body }) => {
  await saveTemplates(actor, params.studyId, body);
  return { templates: await getTemplates(actor, params.studyId) };
});
