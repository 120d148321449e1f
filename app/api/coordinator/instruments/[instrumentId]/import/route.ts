import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { importDefinition } from "@/lib/instrument/service";

export const POST = route(instrumentRoutes.import, async ({ actor, params, body }) => importDefinition(actor, params.instrumentId, body.definition));
