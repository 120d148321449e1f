import { route } from "@/lib/http/handler";
import { studyRoutes } from "@/lib/study/contract";
import { closeWave } from "@/lib/study/wave-admin";

export const POST = route(studyRoutes.closeWave, async ({ actor, params }) => closeWave(actor, params.waveId));
