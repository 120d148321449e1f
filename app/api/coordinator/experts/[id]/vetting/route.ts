import { route } from "@/lib/http/handler";
import { ZExpertIdParams } from "@/lib/panel/schemas";
import { decideVetting } from "@/lib/panel/service";
import { ZVettingDecision } from "@/lib/panel/vetting";

export const PUT = route({ roles: ["COORDINATOR"], params: ZExpertIdParams, body: ZVettingDecision }, async ({ actor, params, body }) =>
  decideVetting(actor, params.id, body),
);
