import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { decideVetting } from "@/lib/panel/service";

export const PUT = route(panelRoutes.vetting, async ({ actor, params, body }) => decideVetting(actor, params.id, body));
