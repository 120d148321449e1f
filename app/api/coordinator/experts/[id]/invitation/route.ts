import { route } from "@/lib/route/handler";
import { panelRoutes } from "@/lib/panel/contract";
import { reissueInvitation } from "@/lib/panel/service";

export const POST = route(panelRoutes.invitation, async ({ actor, params }) => reissueInvitation(actor, params.id));
