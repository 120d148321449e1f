import { route } from "@/lib/http/handler";
import { ZExpertIdParams, ZStatusAction } from "@/lib/panel/schemas";
import { changeStatus } from "@/lib/panel/service";

/** Decline, withdraw or reinstate an expert; an illegal move answers 409. */
export const POST = route({ roles: ["COORDINATOR"], params: ZExpertIdParams, body: ZStatusAction }, async ({ actor, params, body }) =>
  changeStatus(actor, params.id, body.action),
);
