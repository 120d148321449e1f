import { route } from "@/lib/http/handler";
import { closeWave, ZWaveIdParams } from "@/lib/study/wave-admin";

export const POST = route({ roles: ["COORDINATOR"], params: ZWaveIdParams }, async ({ actor, params }) => closeWave(actor, params.waveId));
