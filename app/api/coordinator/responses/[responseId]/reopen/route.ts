import { route } from "@/lib/route/handler";
import { responseRoutes } from "@/lib/responses/contract";
import { reopenResponse } from "@/lib/responses/service";

export const POST = route(responseRoutes.reopen, async ({ actor, params }) => reopenResponse(actor, params.responseId));
