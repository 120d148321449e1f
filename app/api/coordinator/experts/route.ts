import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { createExpert, listExperts } from "@/lib/panel/service";

export const GET = route(panelRoutes.list, async ({ actor, query }) => listExperts(actor, query));

export const POST = route(panelRoutes.create, async ({ actor, body }) => createExpert(actor, body));
