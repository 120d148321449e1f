import { route } from "@/lib/http/handler";
import { ZCopyInstrument } from "@/lib/instrument/schemas";
import { copyInstrument } from "@/lib/instrument/start";

export const POST = route({ roles: ["COORDINATOR"], body: ZCopyInstrument }, async ({ actor, body }) => copyInstrument(actor, body));
