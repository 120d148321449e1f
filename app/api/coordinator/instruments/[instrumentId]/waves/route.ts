import { route } from "@/lib/http/handler";
import { studyRoutes } from "@/lib/study/contract";
import { openWave } from "@/lib/study/wave-admin";

/** Opens the questionnaire's next wave (closing the one open before it). */
export const POST = route(studyRoutes.openWave, async ({ actor, params, body }) => openWave(actor, { ...body, instrumentId: params.instrumentId }));
