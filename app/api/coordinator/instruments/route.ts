import { route } from "@/lib/http/handler";
import { ZCreateInstrument } from "@/lib/instrument/schemas";
import { createInstrument, listInstruments } from "@/lib/instrument/service";

export const GET = route({ roles: ["COORDINATOR"] }, async ({ actor }) => ({ instruments: await listInstruments(actor) }));

export const POST = route({ roles: ["COORDINATOR"], body: ZCreateInstrument }, async ({ actor, body }) => createInstrument(actor, body));
