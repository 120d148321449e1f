import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { createInstrument, listInstruments } from "@/lib/instrument/service";

export const GET = route(instrumentRoutes.list, async ({ actor }) => ({ instruments: await listInstruments(actor) }));

export const POST = route(instrumentRoutes.create, async ({ actor, body }) => createInstrument(actor, body));
