import { route } from "@/lib/route/handler";
import { codebookRoutes } from "@/lib/codebook/contract";
import { createCode, listCodes } from "@/lib/codebook/service";

export const GET = route(codebookRoutes.list, async ({ actor, params }) => listCodes(actor, params.studyId));

export const POST = route(codebookRoutes.create, async ({ actor, params, body }) => createCode(actor, params.studyId, body));
