import { route } from "@/lib/http/handler";
import { ZImportInstrument } from "@/lib/instrument/schemas";
import { importInstrument } from "@/lib/instrument/start";

export const POST = route({ roles: ["COORDINATOR"], body: ZImportInstrument }, async ({ actor, body }) => importInstrument(actor, body));
