import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { openDraft } from "@/lib/instrument/service";

/** Opens the instrument's draft: the current one, or a new copy of the latest published version. */
export const POST = route(instrumentRoutes.openDraft, async ({ actor, params }) => openDraft(actor, params.instrumentId));
