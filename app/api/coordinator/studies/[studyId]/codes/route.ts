import { route } from "@/lib/http/handler";
import { ZCreateCode, ZStudyParams } from "@/lib/codebook/schemas";
import { createCode, listCodes } from "@/lib/codebook/service";

export const GET = route({ roles: ["COORDINATOR"], params: ZStudyParams }, async ({ actor, params }) => listCodes(actor, params.studyId));

export const POST = route({ roles: ["COORDINATOR"], params: ZStudyParams, body: ZCreateCode }, async ({ actor, params, body }) =>
  createCode(actor, params.studyId, body),
);
