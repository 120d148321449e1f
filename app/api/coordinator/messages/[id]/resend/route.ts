import { z } from "zod";
import { route } from "@/lib/http/handler";
import { resendMessage } from "@/lib/messaging/service";

export const POST = route({ roles: ["COORDINATOR"], params: z.object({ id: z.uuid() }) }, async ({ actor, params }) => resendMessage(actor, params.id));
