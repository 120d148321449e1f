import { route } from "@/lib/http/handler";
import { ZInstrumentParams } from "@/lib/instrument/schemas";
import { openDraft } from "@/lib/instrument/service";

/** Opens the instrument's draft: the current one, or a new copy of the latest published version. */
export const POST = route({ roles: ["COORDINATOR"], params: ZInstrumentParams }, async ({ actor, params }) => openDraft(actor, params.instrumentId));
