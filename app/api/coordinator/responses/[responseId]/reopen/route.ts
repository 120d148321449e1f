import { route } from "@/lib/http/handler";
import { ZResponseParams } from "@/lib/responses/schemas";
import { reopenResponse } from "@/lib/responses/service";

export const POST = route({ roles: ["COORDINATOR"], params: ZResponseParams }, async ({ actor, params }) => reopenResponse(actor, params.responseId));
