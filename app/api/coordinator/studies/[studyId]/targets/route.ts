import { route } from "@/lib/http/handler";
import { ZSetTargets, ZStudyParams } from "@/lib/monitor/schemas";
import { setTargets } from "@/lib/monitor/service";

export const PUT = route({ roles: ["COORDINATOR"], params: ZStudyParams, body: ZSetTargets }, async ({ actor, params, body }) =>
  setTargets(actor, params.studyId, body),
);
