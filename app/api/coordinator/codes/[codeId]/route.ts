import { route } from "@/lib/route/handler";
import { codebookRoutes } from "@/lib/codebook/contract";
import { deleteCode, updateCode } from "@/lib/codebook/service";

export const PATCH = route(codebookRoutes.update, async ({ actor, params, body }) => updateCode(actor, params.codeId, body));

/** Deletes the code and every code below it. */
export const DELETE = route(codebookRoutes.remove, async ({ actor, params }) => deleteCode(actor, params.codeId));
