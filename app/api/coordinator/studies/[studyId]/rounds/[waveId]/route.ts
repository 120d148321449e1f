import { route } from "@/lib/route/handler";
import { delphiRoutes } from "@/lib/delphi/contract";
import { setRoundStatus } from "@/lib/delphi/rounds";

/** Opens a planned round (closing the one still open) or closes an open one (audited). */
export const POST = route(delphiRoutes.status, async ({ actor, params, body }) => setRoundStatus(actor, params.studyId, params.waveId, body.action));
