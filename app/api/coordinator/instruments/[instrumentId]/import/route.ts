import { route } from "@/lib/http/handler";
import { ZInstrumentFile, ZInstrumentParams } from "@/lib/instrument/schemas";
import { importDefinition } from "@/lib/instrument/service";

export const POST = route({ roles: ["COORDINATOR"], params: ZInstrumentParams, body: ZInstrumentFile }, async ({ actor, params, body }) =>
  importDefinition(actor, params.instrumentId, body.definition),
);
