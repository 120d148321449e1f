import { route } from "@/lib/http/handler";
import { ZCodeParams, ZUpdateCode } from "@/lib/codebook/schemas";
import { deleteCode, updateCode } from "@/lib/codebook/service";

export const PATCH = route({ roles: ["COORDINATOR"], params: ZCodeParams, body: ZUpdateCode }, async ({ actor, params, body }) =>
  updateCode(actor, params.codeId, body),
);

/** Deletes the code and every code below it. */
export const DELETE = route({ roles: ["COORDINATOR"], params: ZCodeParams }, async ({ actor, params }) => deleteCode(actor, params.codeId));
