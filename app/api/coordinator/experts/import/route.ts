import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { importExperts } from "@/lib/panel/service";

/** Preview (commit: false) or import (commit: true) a CSV of experts; see lib/panel/import.ts for the columns. */
export const POST = route(panelRoutes.import, async ({ actor, body }) => importExperts(actor, body));
