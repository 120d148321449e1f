import { route } from "@/lib/route/handler";
import { responseRoutes } from "@/lib/responses/contract";
import { recordConsent } from "@/lib/responses/service";

export const POST = route(responseRoutes.consent, async ({ actor, body }) => recordConsent(actor, body));
