import { route } from "@/lib/http/handler";
import { parseQuery } from "@/lib/interviews/input";
import { ZMonitorQuery, ZStudyParams } from "@/lib/monitor/schemas";
import { getMonitor } from "@/lib/monitor/service";

export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params, req }) =>
  getMonitor(actor, params.studyId, parseQuery(ZMonitorQuery, req.nextUrl.searchParams).wave),
);
