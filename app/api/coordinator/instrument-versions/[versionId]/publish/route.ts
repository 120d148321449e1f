import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { publishVersion } from "@/lib/instrument/service";

export const POST = route(instrumentRoutes.publish, async ({ actor, params }) => publishVersion(actor, params.versionId));
