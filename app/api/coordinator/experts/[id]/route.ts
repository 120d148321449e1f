import { route } from "@/lib/http/handler";
import { ZExpertIdParams, ZUpdateExpert } from "@/lib/panel/schemas";
import { updateExpert } from "@/lib/panel/service";

export const PATCH = route({ roles: ["COORDINATOR"], params: ZExpertIdParams, body: ZUpdateExpert }, async ({ actor, params, body }) =>
  updateExpert(actor, params.id, body),
);
