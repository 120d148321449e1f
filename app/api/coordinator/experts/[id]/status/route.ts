import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { changeStatus } from "@/lib/panel/service";

/** Decline, withdraw or reinstate an expert; an illegal move answers 409. */
export const POST = route(panelRoutes.status, async ({ actor, params, body }) => changeStatus(actor, params.id, body.action));
