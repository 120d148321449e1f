import { route } from "@/lib/http/handler";
import { ZSaveDraft, ZVersionParams } from "@/lib/instrument/schemas";
import { deleteVersion, getVersion, saveDraft } from "@/lib/instrument/service";

export const GET = route({ roles: ["COORDINATOR"], params: ZVersionParams }, async ({ actor, params }) => getVersion(actor, params.versionId));

export const PUT = route({ roles: ["COORDINATOR"], params: ZVersionParams, body: ZSaveDraft }, async ({ actor, params, body }) =>
  saveDraft(actor, params.versionId, body.content),
);

export const DELETE = route({ roles: ["COORDINATOR"], params: ZVersionParams }, async ({ actor, params }) => {
  await deleteVersion(actor, params.versionId);
  return { ok: true };
});
