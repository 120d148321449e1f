import { route } from "@/lib/route/handler";
import { monitorRoutes } from "@/lib/monitor/contract";
import { setTargets } from "@/lib/monitor/service";

export const PUT = route(monitorRoutes.targets, async ({ actor, params, body }) => setTargets(actor, params.studyId, body));
