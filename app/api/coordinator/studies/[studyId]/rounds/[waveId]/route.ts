import { route } from "@/lib/http/handler";
import { setRoundStatus } from "@/lib/delphi/rounds";
import { ZRoundAction, ZRoundParams } from "@/lib/delphi/schemas";

/** Opens a planned round (closing the one still open) or closes an open one (audited). */
export const POST = route({ roles: ["COORDINATOR"], params: ZRoundParams, body: ZRoundAction }, async ({ actor, params, body }) =>
  setRoundStatus(actor, params.studyId, params.waveId, body.action),
);
