import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { openWave } from "@/lib/instrument/wave-admin";

/** Opens the questionnaire's next wave (closing the one open before it). */
export const POST = route(instrumentRoutes.openWave, async ({ actor, params, body }) => openWave(actor, { ...body, instrumentId: params.instrumentId }));
