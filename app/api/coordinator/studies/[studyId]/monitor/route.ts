import { route } from "@/lib/route/handler";
import { monitorRoutes } from "@/lib/monitor/contract";
import { getMonitor } from "@/lib/monitor/service";

export const GET = route(monitorRoutes.monitor, async ({ actor, params, query }) => getMonitor(actor, params.studyId, query.wave));
