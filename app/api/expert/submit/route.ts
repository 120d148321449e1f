import { route } from "@/lib/route/handler";
import { responseRoutes } from "@/lib/responses/contract";
import { submitResponse } from "@/lib/responses/service";

export const POST = route(responseRoutes.submit, async ({ actor }) => submitResponse(actor));
