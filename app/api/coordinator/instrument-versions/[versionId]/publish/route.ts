import { route } from "@/lib/http/handler";
import { ZVersionParams } from "@/lib/instrument/schemas";
import { publishVersion } from "@/lib/instrument/service";

export const POST = route({ roles: ["COORDINATOR"], params: ZVersionParams }, async ({ actor, params }) => publishVersion(actor, params.versionId));
