import { z } from "zod";
import { route } from "@/lib/http/handler";
import { reissueInvitation } from "@/lib/panel/service";

export const POST = route({ roles: ["COORDINATOR"], params: z.object({ id: z.uuid() }) }, async ({ actor, params }) =>
  reissueInvitation(actor, params.id),
);
