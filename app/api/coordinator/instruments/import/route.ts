import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { importInstrument } from "@/lib/instrument/start";

export const POST = route(instrumentRoutes.importNew, async ({ actor, body }) => importInstrument(actor, body));
