import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { copyInstrument } from "@/lib/instrument/start";

export const POST = route(instrumentRoutes.copy, async ({ actor, body }) => copyInstrument(actor, body));
