import { route } from "@/lib/http/handler";
import { ZConsentDecision } from "@/lib/responses/schemas";
import { recordConsent } from "@/lib/responses/service";

export const POST = route({ roles: ["EXPERT"], body: ZConsentDecision }, async ({ actor, body }) => recordConsent(actor, body));
