import { route } from "@/lib/http/handler";
import { ZImportRequest } from "@/lib/panel/schemas";
import { importExperts } from "@/lib/panel/service";

/** Preview (commit: false) or import (commit: true) a CSV of experts; see lib/panel/import.ts for the columns. */
export const POST = route({ roles: ["COORDINATOR"], body: ZImportRequest }, async ({ actor, body }) => importExperts(actor, body));
