import { z } from "zod";
import { route } from "@/lib/http/handler";
import { getTemplates, saveTemplates } from "@/lib/messaging/service";
import { ZTemplateSet } from "@/lib/messaging/templates";

const params = z.object({ studyId: z.uuid() });

export const GET = route({ roles: ["COORDINATOR"], params }, async ({ actor, params }) => ({ templates: await getTemplates(actor, params.studyId) }));

export const PUT = route({ roles: ["COORDINATOR"], params, body: ZTemplateSet }, async ({ actor, params, body }) => {
  await saveTemplates(actor, params.studyId, body);
  return { templates: await getTemplates(actor, params.studyId) };
});
