import { route } from "@/lib/http/handler";
import { ZInstrumentParams } from "@/lib/instrument/schemas";
import { openWave, ZOpenWaveBody } from "@/lib/study/wave-admin";

/** Opens the questionnaire's next wave (closing the one open before it). */
export const POST = route({ roles: ["COORDINATOR"], params: ZInstrumentParams, body: ZOpenWaveBody }, async ({ actor, params, body }) =>
  openWave(actor, { ...body, instrumentId: params.instrumentId }),
);
