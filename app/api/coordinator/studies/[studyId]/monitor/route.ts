import { route } from "@/lib/http/handler";
import { ZStudyParams } from "@/lib/monitor/schemas";
import { getMonitor } from "@/lib/monitor/service";

export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params }) => getMonitor(actor, params.studyId));
