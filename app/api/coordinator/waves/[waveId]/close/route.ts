import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { closeWave } from "@/lib/instrument/wave-admin";

export const POST = route(instrumentRoutes.closeWave, async ({ actor, params }) => closeWave(actor, params.waveId));
