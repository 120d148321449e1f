import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { updateExpert } from "@/lib/panel/service";

export const PATCH = route(panelRoutes.update, async ({ actor, params, body }) => updateExpert(actor, params.id, body));
