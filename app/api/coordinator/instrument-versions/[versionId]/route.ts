import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { deleteVersion, getVersion, saveDraft } from "@/lib/instrument/service";

export const GET = route(instrumentRoutes.version, async ({ actor, params }) => getVersion(actor, params.versionId));

export const PUT = route(instrumentRoutes.saveDraft, async ({ actor, params, body }) => saveDraft(actor, params.versionId, body.content));

export const DELETE = route(instrumentRoutes.deleteDraft, async ({ actor, params }) => {
  await deleteVersion(actor, params.versionId);
  return { ok: true as const };
});
